extension RulesEngine {
  /// Decides the verdict of one rule for one subject.
  ///
  /// Not computable, an undefined value, or a slice (or reference) under `min_group_size` gives
  /// `insufficient-data`. Otherwise, for a testable metric whose rule asks for a test, the
  /// significance decision matrix of 29 CFR 1607.4(D) as practised applies:
  ///
  /// | breach | p < alpha | verdict | severity |
  /// |---|---|---|---|
  /// | yes | yes | fail | the rule's |
  /// | yes | no | fail, "inconclusive: not statistically significant" | at most warning |
  /// | no | yes, shortfall ≥ 1 | fail, "possible adverse impact despite the threshold" | at most warning |
  /// | no | otherwise | pass | |
  ///
  /// The p-value is the Holm-adjusted one when the environment gives it. Without a test, the
  /// requirement alone decides; a rule without a requirement records the value and passes.
  func decide(
    _ rule: PolicyRule, of policy: Policy, metric: MetricDefinition, subject: Subject,
    measurement: Measurement
  ) -> Finding {
    var finding = Finding(
      policyID: policy.id, policyVersion: policy.version, ruleID: rule.id, ruleTitle: rule.title,
      metric: rule.metric, subject: subject, verdict: .pass, severity: rule.severity,
      ruleSeverity: rule.severity, qualifier: nil, value: nil, requirement: rule.requirement,
      interval: nil, significance: nil, alpha: nil, groupSize: nil, referenceSize: nil,
      reference: nil, shortfall: nil, citations: rule.citations, isAdvisory: rule.isAdvisory,
      waiver: nil, isWaiverExpired: false, message: "")
    let measured: MeasuredValue
    switch measurement {
    case .notComputable(let reason):
      finding.verdict = .insufficientData
      finding.message = FindingText.notComputable(rule, subject, reason: reason)
      return finding
    case .value(let value):
      measured = value
    }
    finding.value = measured.value
    finding.interval = measured.interval
    finding.significance = measured.significance
    finding.groupSize = measured.groupSize
    finding.referenceSize = measured.referenceSize
    finding.reference = measured.reference
    finding.shortfall = measured.shortfall
    guard measured.value.isFinite else {
      finding.verdict = .insufficientData
      finding.value = nil
      finding.message = FindingText.undefined(rule, subject)
      return finding
    }
    if let minimum = rule.minimumGroupSize {
      if let size = measured.groupSize, size < minimum {
        finding.verdict = .insufficientData
        finding.message = FindingText.tooSmall(rule, subject, size: size, minimum: minimum)
        return finding
      }
      if let size = measured.referenceSize, size < minimum {
        finding.verdict = .insufficientData
        finding.message = FindingText.referenceTooSmall(
          rule, subject, size: size, minimum: minimum, reference: measured.reference)
        return finding
      }
    }
    guard let requirement = rule.requirement else {
      finding.message = FindingText.recorded(rule, subject, measured.value)
      return finding
    }
    let breach = !requirement.isSatisfied(by: measured.value)
    let usesTest = metric.isTestable && rule.test != .none
    finding.verdict = breach ? .fail : .pass
    finding.message = FindingText.compared(rule, subject, measured.value, requirement, breach)
    guard usesTest else { return finding }
    finding.alpha = rule.alpha
    guard let significance = measured.significance, significance.decisionPValue.isFinite else {
      if breach { finding.qualifier = FindingText.Qualifier.untested }
      finding.message += FindingText.untestedSuffix
      return finding
    }
    let isSignificant = significance.decisionPValue < rule.alpha
    let suffix = FindingText.significance(significance, alpha: rule.alpha)
    switch (breach, isSignificant) {
    case (true, true):
      finding.qualifier = FindingText.Qualifier.significant
    case (true, false):
      finding.severity = min(rule.severity, .warning)
      finding.qualifier = FindingText.Qualifier.inconclusive
    case (false, true) where (measured.shortfall ?? 0) >= 1:
      finding.verdict = .fail
      finding.severity = min(rule.severity, .warning)
      finding.qualifier = FindingText.Qualifier.possibleAdverseImpact
    default:
      break
    }
    finding.message += suffix + FindingText.qualifierSuffix(finding.qualifier)
    return finding
  }
}
