/// One principal reason given to an applicant.
public struct PrincipalReason: Sendable, Hashable, Codable {
  /// The reason code.
  public var code: String
  /// The reason statement.
  public var text: String
  /// The summed attribution of the code's features, in the attribution's output space and
  /// sign (negative pushes toward denial when a high score is favourable); for scorecard
  /// reasons, the points counted by the scorecard's reason-code algorithm.
  public var attribution: Double
  /// The model features behind the reason.
  public var features: [String]

  /// Creates a reason.
  public init(code: String, text: String, attribution: Double, features: [String]) {
    self.code = code
    self.text = text
    self.attribution = attribution
    self.features = features
  }
}

/// The principal reasons of one applicant.
public struct ApplicantReasons: Sendable, Hashable, Codable {
  /// The 0-based data row.
  public var row: Int
  /// The score the decision was made on, in the decision rule's space.
  public var score: Double
  /// Whether the decision was adverse.
  public var isAdverse: Bool
  /// The principal reasons, most important first; at most the requested number.
  public var reasons: [PrincipalReason]
  /// How many codes pushed toward the adverse decision, before the cut to the requested
  /// number.
  public var candidateCount: Int

  /// Creates an applicant's reasons.
  public init(
    row: Int, score: Double, isAdverse: Bool, reasons: [PrincipalReason], candidateCount: Int
  ) {
    self.row = row
    self.score = score
    self.isAdverse = isAdverse
    self.reasons = reasons
    self.candidateCount = candidateCount
  }

  /// The codes of the reasons, in order.
  public var codes: [String] { reasons.map(\.code) }
}
