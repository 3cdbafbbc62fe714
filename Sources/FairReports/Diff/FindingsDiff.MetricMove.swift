extension FindingsDiff {
  /// A value that moved beyond an interval between the two audits.
  ///
  /// A move is reported when the current value lies outside the baseline's interval, or the
  /// baseline value outside the current interval (each check needs that side's interval);
  /// ``crossing`` says which. Findings whose metric changed, or whose value is missing or
  /// NaN on either side, are not compared.
  public struct MetricMove: Codable, Sendable, Equatable {
    /// Which value lies outside which interval.
    public enum Crossing: String, Codable, Sendable, CaseIterable {
      /// The current value lies outside the baseline's interval.
      case currentOutsideBaselineInterval = "current-outside-baseline-interval"
      /// The baseline value lies outside the current interval.
      case baselineOutsideCurrentInterval = "baseline-outside-current-interval"
      /// Each value lies outside the other audit's interval.
      case both

      /// The crossing in words: `current value outside the baseline's interval`.
      public var phrase: String {
        switch self {
        case .currentOutsideBaselineInterval: "current value outside the baseline's interval"
        case .baselineOutsideCurrentInterval: "baseline value outside the current interval"
        case .both: "each value outside the other audit's interval"
        }
      }
    }

    /// The policy pack's id.
    public var policy: String
    /// The rule's id within the pack.
    public var rule: String
    /// The rule's title.
    public var title: String
    /// The subject as displayed.
    public var subject: String
    /// The metric.
    public var metric: String
    /// The baseline value.
    public var baselineValue: Double
    /// The current value.
    public var currentValue: Double
    /// The current value minus the baseline value.
    public var change: Double
    /// The baseline's interval, if it has one.
    public var baselineInterval: FindingsDocument.Interval?
    /// The current interval, if it has one.
    public var currentInterval: FindingsDocument.Interval?
    /// Which value lies outside which interval.
    public var crossing: Crossing
    /// The baseline verdict.
    public var baselineVerdict: FindingsDocument.Verdict
    /// The current verdict.
    public var currentVerdict: FindingsDocument.Verdict

    /// Creates a move.
    public init(
      policy: String, rule: String, title: String, subject: String, metric: String,
      baselineValue: Double, currentValue: Double,
      baselineInterval: FindingsDocument.Interval?, currentInterval: FindingsDocument.Interval?,
      crossing: Crossing, baselineVerdict: FindingsDocument.Verdict,
      currentVerdict: FindingsDocument.Verdict
    ) {
      self.policy = policy
      self.rule = rule
      self.title = title
      self.subject = subject
      self.metric = metric
      self.baselineValue = baselineValue
      self.currentValue = currentValue
      change = currentValue - baselineValue
      self.baselineInterval = baselineInterval
      self.currentInterval = currentInterval
      self.crossing = crossing
      self.baselineVerdict = baselineVerdict
      self.currentVerdict = currentVerdict
    }

    /// The rule's full identifier, `policy/rule`.
    public var ruleIdentifier: String { "\(policy)/\(rule)" }

    /// The crossing of `baseline` and `current` values and intervals, or `nil` when
    /// neither value lies outside the other side's interval.
    ///
    /// A bound counts as inside: a value equal to a bound has not moved beyond it. NaN
    /// values and intervals with a NaN bound are never compared.
    static func crossing(
      baselineValue: Double, currentValue: Double, baselineInterval: FindingsDocument.Interval?,
      currentInterval: FindingsDocument.Interval?
    ) -> Crossing? {
      func isOutside(_ value: Double, _ interval: FindingsDocument.Interval?) -> Bool {
        guard let interval, !value.isNaN, !interval.lower.isNaN, !interval.upper.isNaN else {
          return false
        }
        return value < interval.lower || value > interval.upper
      }
      switch (
        isOutside(currentValue, baselineInterval), isOutside(baselineValue, currentInterval)
      ) {
      case (true, true): return .both
      case (true, false): return .currentOutsideBaselineInterval
      case (false, true): return .baselineOutsideCurrentInterval
      case (false, false): return nil
      }
    }
  }
}
