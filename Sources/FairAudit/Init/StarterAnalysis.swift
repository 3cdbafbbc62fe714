import FairTabular

/// What the starter manifest guesses about a dataset from its column names and values.
struct StarterAnalysis {
  /// A protected attribute found in the data.
  struct Attribute {
    /// The kind of characteristic.
    var kind: ProtectedKind
    /// The attribute's name, unique in the manifest.
    var name: String
    /// The column, for an attribute read from one column.
    var column: String?
    /// Group → probability column, for membership probabilities.
    var probabilities: [(group: String, column: String)] = []
    /// Whether the column is numeric age, to be cut into bands.
    var isBinnedAge = false
    /// The most frequent values with their counts, for a comment.
    var topValues: [(value: String, count: Int)] = []
    /// The number of distinct values.
    var distinctCount = 0
    /// Values that look like "declined" or "unknown".
    var unknownValues: [String] = []
    /// The model inputs that encode the attribute (the column itself or its one-hot columns).
    var modelInputs: [String] = []
  }

  /// The audit's likely domain, for suggesting policy packs.
  enum Domain {
    case hiring
    case credit
    case unknown
  }

  /// The label column and its favourable value.
  struct Outcome {
    var column: String
    var favourable: String?
    /// Why the favourable value was chosen, when it is a guess worth checking.
    var isGuessed: Bool
    /// The column's values, for a comment.
    var values: [String]
  }

  var idColumn: String?
  var label: Outcome?
  var attributes: [Attribute] = []
  var scoreColumn: String?
  var decision: Outcome?
  var features: [String] = []
  var proxies: [String] = []
  var featureGroups: [(name: String, members: [String])] = []
  var domain = Domain.unknown

  /// Name tokens of a likely label.
  static let labelWords: Set<String> = [
    "label", "target", "outcome", "default", "defaulted", "income", "hired", "qualified",
    "approved", "class", "y", "repaid", "risk",
  ]
  /// Name tokens of a likely score column.
  static let scoreWords: Set<String> = ["score", "prediction", "predicted", "probability", "prob"]
  /// Name tokens of a likely decision column.
  static let decisionWords: Set<String> = ["decision", "selected", "decided", "advanced"]
  /// Lower-case values that are favourable outcomes.
  static let favourableWords: Set<String> = [
    "good", "yes", "y", "true", "approved", "approve", "accepted", "accept", "hired", "hire",
    "qualified", "pass", "passed", "repaid", "paid", "granted", "selected", "advance",
    "advanced", "positive", ">50k", "offer",
  ]
  /// Lower-case values that are unfavourable outcomes.
  static let unfavourableWords: Set<String> = [
    "bad", "no", "n", "false", "denied", "deny", "rejected", "reject", "declined", "default",
    "defaulted", "fail", "failed", "negative", "<=50k", "charged off",
  ]
  /// Lower-case values that mean "unknown" in a protected column.
  static let unknownWords: Set<String> = [
    "unknown", "declined", "decline", "not disclosed", "undisclosed", "prefer not to say",
    "prefer not to answer", "not specified", "unspecified", "refused",
  ]
  /// Name tokens of features that are often proxies of a protected attribute.
  static let proxyWords: Set<String> = [
    "zip", "zipcode", "postcode", "postal", "tract", "neighborhood", "neighbourhood",
    "relationship", "language", "surname", "firstname",
  ]
  /// Name tokens of hiring data.
  static let hiringWords: Set<String> = [
    "hire", "hired", "hiring", "candidate", "requisition", "interview", "resume", "recruit",
    "recruiter", "qualified", "offer", "promotion", "vacancy", "position", "screening",
  ]
  /// Name tokens of credit data.
  static let creditWords: Set<String> = [
    "credit", "loan", "lender", "lending", "borrower", "default", "installment", "mortgage",
    "debt", "apr", "checking", "savings", "delinquency", "repaid", "collateral",
  ]
  /// Race groups that membership-probability columns (`p_white`, …) are named after.
  static let raceGroups: Set<String> = [
    "white", "black", "hispanic", "asian", "aian", "api", "native", "multiracial", "other",
    "pacific",
  ]
}
