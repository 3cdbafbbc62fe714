/// The verdict of one rule for one subject, with the evidence it rests on.
public struct Finding: Hashable, Sendable, Codable {
  /// The policy's id.
  public var policyID: String
  /// The policy's version.
  public var policyVersion: String
  /// The rule's id.
  public var ruleID: String
  /// The rule's title.
  public var ruleTitle: String
  /// The metric's name.
  public var metric: String
  /// What the finding is about.
  public var subject: Subject
  /// The verdict.
  public var verdict: Verdict
  /// The severity the gate compares: the rule's, or `warning` when the significance decision
  /// downgrades it.
  public var severity: Severity
  /// The rule's own severity.
  public var ruleSeverity: Severity
  /// A qualification of the verdict, such as "inconclusive: not statistically significant".
  public var qualifier: String?
  /// The measured value; `nil` when it could not be computed.
  public var value: Double?
  /// The requirement; `nil` for a bookkeeping rule.
  public var requirement: Requirement?
  /// The confidence interval, if measured.
  public var interval: ConfidenceInterval?
  /// The significance test result, if measured.
  public var significance: SignificanceResult?
  /// The significance level the rule uses, when it asks for a test.
  public var alpha: Double?
  /// Rows in the subject's slice.
  public var groupSize: Int?
  /// Rows in the comparison slice.
  public var referenceSize: Int?
  /// The comparison slice, for display.
  public var reference: String?
  /// The shortfall, if measured.
  public var shortfall: Double?
  /// The rule's sources, the primary one first.
  public var citations: [Citation]
  /// Whether the rule is advisory only.
  public var isAdvisory: Bool
  /// The waiver that covers the finding, or that expired before the evaluation date.
  public var waiver: Waiver?
  /// Whether ``waiver`` had expired on the evaluation date.
  public var isWaiverExpired: Bool
  /// One readable sentence saying what was found.
  public var message: String

  /// The requirement in the policy grammar, such as `>= 0.8`.
  public var requirementText: String? { requirement?.description }
}
