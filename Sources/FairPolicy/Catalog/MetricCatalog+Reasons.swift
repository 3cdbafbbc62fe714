extension MetricCatalog {
  /// Adverse-action reason-code metrics (12 CFR 1002.9 and Supplement I, comments 9(b)(2)).
  static let reasonMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "reasons_missing_share",
      summary: "share of adverse decisions given no principal reason",
      subject: .dataset, domain: .unitInterval, needs: [.model, .reasons],
      direction: .lowerIsBetter),
    MetricDefinition(
      name: "reasons_over_four_share",
      summary: "share of adverse decisions given more than four principal reasons",
      subject: .dataset, domain: .unitInterval, needs: [.model, .reasons],
      direction: .lowerIsBetter),
    MetricDefinition(
      name: "prohibited_reason_count",
      summary: "adverse decisions whose principal reasons cite the feature when it is a "
        + "protected attribute, a declared or detected proxy, or mapped to a prohibited basis",
      subject: .feature, domain: .count, needs: [.model, .reasons], direction: .lowerIsBetter),
    MetricDefinition(
      name: "elderly_age_reason_count",
      summary: "adverse decisions of applicants aged 62 or older that give an age reason",
      subject: .dataset, domain: .count, needs: [.model, .reasons], direction: .lowerIsBetter),
    MetricDefinition(
      name: "generic_reason_count",
      summary: "reason codes whose statement is generic ('internal standards', 'insufficient "
        + "score')",
      subject: .dataset, domain: .count, needs: .reasons, direction: .lowerIsBetter),
    MetricDefinition(
      name: "reason_instability",
      summary: "share of adverse decisions whose top-K reasons change when the reference "
        + "background is resampled",
      subject: .dataset, domain: .unitInterval, needs: [.model, .reasons],
      direction: .lowerIsBetter),
    MetricDefinition(
      name: "reason_sensitivity",
      summary: "share of adverse decisions whose top-K reasons change under a small "
        + "perturbation of the applicant's numeric inputs",
      subject: .dataset, domain: .unitInterval, needs: [.model, .reasons],
      direction: .lowerIsBetter),
  ]
}
