extension FindingsDiff {
  /// A rule that only one of the two audits applied.
  public struct RuleChange: Codable, Sendable, Equatable {
    /// The policy pack's id.
    public var policy: String
    /// The pack's version in the audit that applied the rule.
    public var policyVersion: String
    /// The rule's id within the pack.
    public var rule: String
    /// The rule's title.
    public var title: String
    /// The number of subjects the rule judged.
    public var subjects: Int
    /// How many of them failed.
    public var failures: Int

    /// Creates a rule change.
    public init(
      policy: String, policyVersion: String, rule: String, title: String, subjects: Int,
      failures: Int
    ) {
      self.policy = policy
      self.policyVersion = policyVersion
      self.rule = rule
      self.title = title
      self.subjects = subjects
      self.failures = failures
    }

    /// The rule's full identifier, `policy/rule`.
    public var ruleIdentifier: String { "\(policy)/\(rule)" }
  }
}
