extension FindingsDiff {
  /// A finding as one audit judged it: the part of a finding a diff compares.
  public struct FindingState: Codable, Sendable, Equatable {
    /// The verdict.
    public var verdict: FindingsDocument.Verdict
    /// The rule's severity.
    public var severity: FindingsDocument.Severity
    /// Whether the rule only advises (advisory failures never fail a gate).
    public var advisory: Bool
    /// The measured value, when the rule compares one.
    public var value: Double?
    /// The requirement in the policy's words, such as `>= 0.8`.
    public var requirement: String
    /// The requirement's bounds, which the value is never shown rounded across.
    public var requirementBounds: [Double]?
    /// The value's confidence interval.
    public var interval: FindingsDocument.Interval?
    /// The waiver matched to the finding, applied or expired.
    public var waiver: FindingsDocument.FindingWaiver.Status?

    /// Creates a state from its parts.
    public init(
      verdict: FindingsDocument.Verdict, severity: FindingsDocument.Severity,
      advisory: Bool = false, value: Double? = nil, requirement: String,
      requirementBounds: [Double]? = nil, interval: FindingsDocument.Interval? = nil,
      waiver: FindingsDocument.FindingWaiver.Status? = nil
    ) {
      self.verdict = verdict
      self.severity = severity
      self.advisory = advisory
      self.value = value
      self.requirement = requirement
      self.requirementBounds = requirementBounds
      self.interval = interval
      self.waiver = waiver
    }

    /// The state of `finding`.
    public init(_ finding: FindingsDocument.Finding) {
      self.init(
        verdict: finding.verdict, severity: finding.severity, advisory: finding.advisory,
        value: finding.value, requirement: finding.requirement,
        requirementBounds: finding.requirementBounds, interval: finding.interval,
        waiver: finding.waiver?.status)
    }

    /// The verdict as reports show it, with the severity of a failure: `FAIL (error)`,
    /// `PASS`, `WAIVED`, `INSUFFICIENT DATA`.
    public var label: String {
      verdict == .fail ? "FAIL (\(severity.rawValue))" : verdict.label
    }
  }
}
