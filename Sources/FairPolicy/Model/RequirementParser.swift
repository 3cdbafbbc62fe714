import _FairSupport

/// Parses the comparison grammar of `require:`.
///
/// ```
/// requirement := operator number
///              | ("between" | "outside") number "and" number
/// operator    := ">=" | ">" | "<=" | "<" | "==" | "!="
/// ```
///
/// Whitespace between tokens is free; numbers are decimal, optionally signed, with an optional
/// exponent. Errors carry the scalar offset into the text, so a diagnostic points into the
/// string.
struct RequirementParser {
  /// A syntax error at `offset` scalars into the text.
  struct Failure: Error, Equatable {
    /// The scalar offset of the problem.
    var offset: Int
    /// The message.
    var message: String
    /// An optional suggestion.
    var note: String?
  }

  /// A parsed requirement and the scalar offsets of its bounds.
  struct Parsed: Equatable {
    /// The requirement.
    var requirement: Requirement
    /// The offset of each bound in the text.
    var boundOffsets: [Int]
  }

  private let scalars: [UnicodeScalar]
  private var cursor = 0

  /// Parses `text`.
  static func parse(_ text: String) -> Result<Parsed, Failure> {
    var parser = RequirementParser(scalars: Array(text.unicodeScalars))
    do {
      return .success(try parser.requirement())
    } catch let failure as Failure {
      return .failure(failure)
    } catch {
      return .failure(Failure(offset: 0, message: "\(error)"))
    }
  }

  private init(scalars: [UnicodeScalar]) {
    self.scalars = scalars
  }

  private mutating func requirement() throws -> Parsed {
    skipSpaces()
    guard cursor < scalars.count else {
      throw Failure(offset: cursor, message: Message.empty)
    }
    let start = cursor
    let word = takeWord()
    if word == "between" || word == "outside" {
      let comparison: Requirement.Comparison = word == "between" ? .between : .outside
      let (lower, lowerOffset) = try number(after: word)
      skipSpaces()
      let andOffset = cursor
      let joiner = takeWord()
      guard joiner == "and" else {
        throw Failure(offset: andOffset, message: Message.expectedAnd(word, found: joiner))
      }
      let (upper, upperOffset) = try number(after: "and")
      try end()
      guard lower <= upper else {
        throw Failure(
          offset: lowerOffset,
          message: Message.emptyRange(
            word, lower: Requirement.format(lower), upper: Requirement.format(upper)))
      }
      return Parsed(
        requirement: Requirement(comparison, lower, upper),
        boundOffsets: [lowerOffset, upperOffset])
    }
    if !word.isEmpty {
      throw Failure(
        offset: start, message: Message.expectedOperator(found: word),
        note: Message.suggestion(for: word))
    }
    let symbol = takeSymbol()
    guard let comparison = Requirement.Comparison(rawValue: symbol),
      comparison != .between, comparison != .outside
    else {
      let found = symbol.isEmpty ? String(scalars[cursor]) : symbol
      throw Failure(
        offset: start, message: Message.expectedOperator(found: found),
        note: Message.suggestion(for: found))
    }
    let (bound, offset) = try number(after: symbol)
    try end()
    return Parsed(requirement: Requirement(comparison, bound), boundOffsets: [offset])
  }

  private mutating func number(after previous: String) throws -> (Double, Int) {
    skipSpaces()
    let start = cursor
    while cursor < scalars.count, scalars[cursor] != " ", scalars[cursor] != "\t" {
      cursor += 1
    }
    let text = String(String.UnicodeScalarView(scalars[start..<cursor]))
    guard !text.isEmpty else {
      throw Failure(offset: start, message: Message.expectedNumber(after: previous))
    }
    guard let value = YAMLNumber.parse(text) else {
      throw Failure(offset: start, message: Message.notANumber(text))
    }
    return (value, start)
  }

  private mutating func end() throws {
    skipSpaces()
    guard cursor < scalars.count else { return }
    let rest = String(String.UnicodeScalarView(scalars[cursor...]))
    throw Failure(offset: cursor, message: Message.trailing(rest))
  }

  private mutating func skipSpaces() {
    while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" {
      cursor += 1
    }
  }

  private mutating func takeWord() -> String {
    let start = cursor
    while cursor < scalars.count, scalars[cursor].properties.isAlphabetic {
      cursor += 1
    }
    return String(String.UnicodeScalarView(scalars[start..<cursor]))
  }

  private mutating func takeSymbol() -> String {
    let start = cursor
    while cursor < scalars.count, "<>=!".unicodeScalars.contains(scalars[cursor]) {
      cursor += 1
    }
    return String(String.UnicodeScalarView(scalars[start..<cursor]))
  }
}

extension RequirementParser {
  /// The texts of requirement syntax errors.
  enum Message {
    /// Nothing was written.
    static let empty = "empty requirement; expected a comparison such as '>= 0.8'"

    /// Something other than an operator starts the text.
    static func expectedOperator(found: String) -> String {
      "expected a comparison ('>=', '>', '<=', '<', '==', '!=', 'between' or 'outside'), "
        + "found '\(found)'"
    }

    /// A likely intended operator.
    static func suggestion(for found: String) -> String? {
      switch found {
      case "=": return "did you mean '=='?"
      case "=>": return "did you mean '>='?"
      case "=<": return "did you mean '<='?"
      case "<>", "=!": return "did you mean '!='?"
      case "≥": return "did you mean '>='?"
      case "≤": return "did you mean '<='?"
      default:
        let words = ["between", "outside"]
        return closestWord(found, among: words).map { "did you mean '\($0)'?" }
      }
    }

    /// No number where one belongs.
    static func expectedNumber(after previous: String) -> String {
      "expected a number after '\(previous)'"
    }

    /// A token that is not a number.
    static func notANumber(_ text: String) -> String {
      "expected a number, found '\(text)'"
    }

    /// `between 1` without `and`.
    static func expectedAnd(_ word: String, found: String) -> String {
      found.isEmpty
        ? "expected 'and' after the lower bound of '\(word)'"
        : "expected 'and' after the lower bound of '\(word)', found '\(found)'"
    }

    /// A range whose lower bound exceeds its upper bound.
    static func emptyRange(_ word: String, lower: String, upper: String) -> String {
      "'\(word) \(lower) and \(upper)' is an empty range: \(lower) is greater than \(upper)"
    }

    /// Text after a complete comparison.
    static func trailing(_ rest: String) -> String {
      "unexpected '\(rest)' after the comparison"
    }

    private static func closestWord(_ word: String, among words: [String]) -> String? {
      words.first { editDistance(word.lowercased(), $0) <= 2 }
    }
  }
}
