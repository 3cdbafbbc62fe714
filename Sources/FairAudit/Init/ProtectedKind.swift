/// A kind of protected characteristic that a column name suggests, for the starter manifest.
///
/// The kinds follow the prohibited bases of ECOA / Regulation B (12 CFR 1002.2(z)) and
/// Title VII, the ADEA and related US employment law; each comes with the attribute name the
/// shipped policy packs expect where they name one (`sex`, `race`).
enum ProtectedKind: CaseIterable, Hashable {
  case maritalStatus
  case sex
  case race
  case age
  case nationalOrigin
  case religion
  case disability
  case veteran

  /// The attribute name the starter manifest gives the first column of this kind.
  var attributeName: String {
    switch self {
    case .maritalStatus: "marital_status"
    case .sex: "sex"
    case .race: "race"
    case .age: "age"
    case .nationalOrigin: "national_origin"
    case .religion: "religion"
    case .disability: "disability"
    case .veteran: "veteran"
    }
  }

  /// The characteristic, as a comment names it.
  var description: String {
    switch self {
    case .maritalStatus: "marital status"
    case .sex: "sex or gender"
    case .race: "race or ethnicity"
    case .age: "age"
    case .nationalOrigin: "national origin"
    case .religion: "religion"
    case .disability: "disability"
    case .veteran: "veteran status"
    }
  }

  /// Single name tokens that suggest the kind.
  private var tokens: Set<String> {
    switch self {
    case .maritalStatus: ["marital", "married", "marriage"]
    case .sex: ["sex", "gender"]
    case .race: ["race", "ethnicity", "ethnic", "racial"]
    case .age: ["age"]
    case .nationalOrigin: ["foreign", "nationality", "citizenship", "immigrant", "immigration"]
    case .religion: ["religion", "religious", "faith"]
    case .disability: ["disability", "disabled", "handicap"]
    case .veteran: ["veteran", "veterans"]
    }
  }

  /// Runs of tokens (joined by `_`) that suggest the kind.
  private var phrases: [String] {
    switch self {
    case .maritalStatus: ["personal_status"]
    case .nationalOrigin:
      ["national_origin", "native_country", "country_of_birth", "birth_country", "origin_country"]
    case .veteran: ["military_status"]
    default: []
    }
  }

  /// The kind a column name suggests, if any; marital status first, so that German credit's
  /// `personal_status_sex` is read as marital status.
  static func kind(ofColumn name: String) -> ProtectedKind? {
    let words = ProtectedKind.tokens(of: name)
    let joined = "_" + words.joined(separator: "_") + "_"
    return allCases.first { kind in
      kind.phrases.contains { joined.contains("_" + $0 + "_") }
        || words.contains { kind.tokens.contains($0) }
    }
  }

  /// The lower-case words of a column name, split at non-alphanumerics and camel-case humps.
  static func tokens(of name: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previousWasLower = false
    for character in name {
      if character.isLetter || character.isNumber {
        if character.isUppercase, previousWasLower, !current.isEmpty {
          words.append(current)
          current = ""
        }
        current.append(contentsOf: character.lowercased())
        previousWasLower = character.isLowercase
      } else {
        if !current.isEmpty { words.append(current) }
        current = ""
        previousWasLower = false
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
