extension FindingsDiff {
  /// One finding in a diff: its identity and how each audit judged it.
  ///
  /// ``baseline`` is absent for a finding only the current audit has, ``current`` for one
  /// only the baseline has.
  public struct FindingChange: Codable, Sendable, Equatable {
    /// The policy pack's id.
    public var policy: String
    /// The rule's id within the pack.
    public var rule: String
    /// The rule's title (the current audit's when both have one).
    public var title: String
    /// The subject as displayed, such as `race = Asian` or `feature age`.
    public var subject: String
    /// The metric the rule reads.
    public var metric: String
    /// The finding in the baseline, if it has it.
    public var baseline: FindingState?
    /// The finding in the current audit, if it has it.
    public var current: FindingState?

    /// Creates a change.
    public init(
      policy: String, rule: String, title: String, subject: String, metric: String,
      baseline: FindingState?, current: FindingState?
    ) {
      self.policy = policy
      self.rule = rule
      self.title = title
      self.subject = subject
      self.metric = metric
      self.baseline = baseline
      self.current = current
    }

    /// The rule's full identifier, `policy/rule`.
    public var ruleIdentifier: String { "\(policy)/\(rule)" }
  }
}
