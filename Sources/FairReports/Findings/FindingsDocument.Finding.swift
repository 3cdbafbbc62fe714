extension FindingsDocument {
  /// One rule's verdict on one subject, with the evidence it rests on and its citation.
  public struct Finding: Codable, Sendable, Equatable {
    /// The policy pack the rule belongs to.
    public var policy: PolicyReference
    /// The rule.
    public var rule: RuleReference
    /// The metric the rule reads, such as `impact_ratio`.
    public var metric: String
    /// What the verdict is about: a slice of a grouping, a feature, or both.
    public var subject: Subject
    /// The verdict.
    public var verdict: Verdict
    /// How serious a failure of the rule is.
    public var severity: Severity
    /// A remark that changes how the verdict reads, such as `inconclusive: not statistically
    /// significant` or `possible adverse impact despite the threshold`.
    public var qualifier: String?
    /// Whether the rule only advises (for example the four-fifths screen under NYC Local Law
    /// 144, which sets no threshold); advisory failures never fail the gate.
    public var advisory: Bool
    /// The measured value, when the rule compares one.
    public var value: Double?
    /// The requirement in the policy's words, such as `>= 0.8`.
    public var requirement: String
    /// The requirement's bounds as numbers: one, or the two ends of a range.
    ///
    /// `nil` when the rule only records the value. Reports round the value so that it never
    /// crosses them.
    public var requirementBounds: [Double]?
    /// The value's confidence interval.
    public var interval: Interval?
    /// The p-value of the significance test against the comparison slice (the most selected
    /// slice for an impact ratio, the reference for a ratio to the reference).
    public var pValue: Double?
    /// The p-value after the multiple-comparison adjustment.
    public var adjustedPValue: Double?
    /// The test behind the p-value.
    public var test: StatisticalTest?
    /// The rule's significance level, when it asks for a test: what the p-value (the
    /// adjusted one, when there is one) is compared with.
    public var alpha: Double?
    /// Why that test was chosen, such as `expected counts below 5`.
    public var testReason: String?
    /// The number of rows (or weight) in the subject's slice.
    public var groupSize: Int?
    /// The number of rows in the comparison slice: the most selected slice for an impact
    /// ratio, the reference for a ratio to the reference.
    public var referenceSize: Int?
    /// The number of favourable decisions the slice would need to reach the comparison
    /// slice's rate.
    public var shortfall: Double?
    /// The sources the rule rests on, in the policy's order; empty when it cites none.
    public var citations: [Citation]
    /// The waiver matched to this finding, applied or expired.
    public var waiver: FindingWaiver?
    /// The verdict in one sentence.
    public var message: String

    /// Creates a finding.
    public init(
      policy: PolicyReference, rule: RuleReference, metric: String, subject: Subject,
      verdict: Verdict, severity: Severity, qualifier: String? = nil, advisory: Bool = false,
      value: Double? = nil, requirement: String, requirementBounds: [Double]? = nil,
      interval: Interval? = nil, pValue: Double? = nil, adjustedPValue: Double? = nil,
      test: StatisticalTest? = nil, alpha: Double? = nil, testReason: String? = nil,
      groupSize: Int? = nil, referenceSize: Int? = nil, shortfall: Double? = nil,
      citations: [Citation], waiver: FindingWaiver? = nil, message: String
    ) {
      self.policy = policy
      self.rule = rule
      self.metric = metric
      self.subject = subject
      self.verdict = verdict
      self.severity = severity
      self.qualifier = qualifier
      self.advisory = advisory
      self.value = value
      self.requirement = requirement
      self.requirementBounds = requirementBounds
      self.interval = interval
      self.pValue = pValue
      self.adjustedPValue = adjustedPValue
      self.test = test
      self.alpha = alpha
      self.testReason = testReason
      self.groupSize = groupSize
      self.referenceSize = referenceSize
      self.shortfall = shortfall
      self.citations = citations
      self.waiver = waiver
      self.message = message
    }

    private enum CodingKeys: String, CodingKey {
      case policy, rule, metric, subject, verdict, severity, qualifier, advisory, value
      case requirement, requirementBounds, interval, pValue, adjustedPValue, test, alpha
      case testReason, groupSize, referenceSize, shortfall, citations, waiver, message
    }

    /// The one citation documents of this schema held before every citation of a rule was
    /// recorded; reading makes it the only entry of ``citations``.
    private enum LegacyKeys: String, CodingKey {
      case citation
    }

    /// Reads a finding, also one written with a single `citation`.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      policy = try container.decode(PolicyReference.self, forKey: .policy)
      rule = try container.decode(RuleReference.self, forKey: .rule)
      metric = try container.decode(String.self, forKey: .metric)
      subject = try container.decode(Subject.self, forKey: .subject)
      verdict = try container.decode(Verdict.self, forKey: .verdict)
      severity = try container.decode(Severity.self, forKey: .severity)
      qualifier = try container.decodeIfPresent(String.self, forKey: .qualifier)
      advisory = try container.decode(Bool.self, forKey: .advisory)
      value = try container.decodeIfPresent(Double.self, forKey: .value)
      requirement = try container.decode(String.self, forKey: .requirement)
      requirementBounds = try container.decodeIfPresent(
        [Double].self, forKey: .requirementBounds)
      interval = try container.decodeIfPresent(Interval.self, forKey: .interval)
      pValue = try container.decodeIfPresent(Double.self, forKey: .pValue)
      adjustedPValue = try container.decodeIfPresent(Double.self, forKey: .adjustedPValue)
      test = try container.decodeIfPresent(StatisticalTest.self, forKey: .test)
      alpha = try container.decodeIfPresent(Double.self, forKey: .alpha)
      testReason = try container.decodeIfPresent(String.self, forKey: .testReason)
      groupSize = try container.decodeIfPresent(Int.self, forKey: .groupSize)
      referenceSize = try container.decodeIfPresent(Int.self, forKey: .referenceSize)
      shortfall = try container.decodeIfPresent(Double.self, forKey: .shortfall)
      if let citations = try container.decodeIfPresent([Citation].self, forKey: .citations) {
        self.citations = citations
      } else {
        let legacy = try decoder.container(keyedBy: LegacyKeys.self)
        if let citation = try legacy.decodeIfPresent(Citation.self, forKey: .citation) {
          citations = [citation]
        } else {
          // Neither: the error names the key documents hold now.
          citations = try container.decode([Citation].self, forKey: .citations)
        }
      }
      waiver = try container.decodeIfPresent(FindingWaiver.self, forKey: .waiver)
      message = try container.decode(String.self, forKey: .message)
    }

    /// The rule's full identifier, `policy/rule`, as waivers name it.
    public var ruleIdentifier: String { "\(policy.id)/\(rule.id)" }

    /// Whether the finding is a failure that reports list first: a failure of severity
    /// error or warning.
    public var isFailureOrWarning: Bool {
      verdict == .fail && (severity == .error || severity == .warning)
    }
  }
}
