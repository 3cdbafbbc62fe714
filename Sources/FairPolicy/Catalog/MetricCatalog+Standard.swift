extension MetricCatalog {
  /// Metrics of one slice, most compared with the grouping's reference or highest-rate slice.
  static let sliceMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "count", summary: "number of rows in the slice", subject: .slice, domain: .count),
    MetricDefinition(
      name: "share", summary: "slice rows divided by all rows with a known value",
      subject: .slice, domain: .unitInterval),
    MetricDefinition(
      name: "base_rate", summary: "share of the slice whose label is favourable",
      subject: .slice, domain: .unitInterval, needs: .labels),
    MetricDefinition(
      name: "selection_rate", summary: "share of the slice receiving the favourable decision",
      subject: .slice, domain: .unitInterval, direction: .higherIsBetter),
    MetricDefinition(
      name: "scoring_rate",
      summary: "share of the slice scoring strictly above the full sample's median score",
      subject: .slice, domain: .unitInterval, needs: .scores, direction: .higherIsBetter),
    MetricDefinition(
      name: "impact_ratio",
      summary: "selection rate divided by the highest selection rate in the grouping",
      subject: .slice, domain: .unitInterval, isTestable: true, direction: .higherIsBetter),
    MetricDefinition(
      name: "impact_ratio_to_reference",
      summary: "selection rate divided by the reference slice's selection rate",
      subject: .slice, domain: .nonNegative, isTestable: true, direction: .closerToOne),
    MetricDefinition(
      name: "scoring_impact_ratio",
      summary: "scoring rate divided by the highest scoring rate in the grouping (NYC LL144)",
      subject: .slice, domain: .unitInterval, needs: .scores, direction: .higherIsBetter),
    MetricDefinition(
      name: "selection_rate_difference",
      summary: "selection rate minus the reference slice's selection rate",
      subject: .slice, domain: .real, direction: .closerToZero),
    MetricDefinition(
      name: "true_positive_rate", summary: "favourable decisions among favourable labels",
      subject: .slice, domain: .unitInterval, needs: .labels, direction: .higherIsBetter),
    MetricDefinition(
      name: "false_positive_rate", summary: "favourable decisions among unfavourable labels",
      subject: .slice, domain: .unitInterval, needs: .labels, direction: .lowerIsBetter),
    MetricDefinition(
      name: "false_negative_rate", summary: "unfavourable decisions among favourable labels",
      subject: .slice, domain: .unitInterval, needs: .labels, direction: .lowerIsBetter),
    MetricDefinition(
      name: "true_negative_rate", summary: "unfavourable decisions among unfavourable labels",
      subject: .slice, domain: .unitInterval, needs: .labels, direction: .higherIsBetter),
    MetricDefinition(
      name: "precision", summary: "favourable labels among favourable decisions",
      subject: .slice, domain: .unitInterval, needs: .labels, direction: .higherIsBetter),
    MetricDefinition(
      name: "true_positive_rate_difference",
      summary: "true positive rate minus the reference slice's", subject: .slice,
      domain: .real, needs: .labels, direction: .closerToZero),
    MetricDefinition(
      name: "false_positive_rate_difference",
      summary: "false positive rate minus the reference slice's", subject: .slice,
      domain: .real, needs: .labels, direction: .closerToZero),
    MetricDefinition(
      name: "auc", summary: "area under the ROC curve within the slice", subject: .slice,
      domain: .unitInterval, needs: [.labels, .scores], direction: .higherIsBetter),
    MetricDefinition(
      name: "log_loss", summary: "mean negative log-likelihood of the labels", subject: .slice,
      domain: .nonNegative, needs: [.labels, .scores], direction: .lowerIsBetter),
    MetricDefinition(
      name: "brier_score", summary: "mean squared error of the probability scores",
      subject: .slice, domain: .unitInterval, needs: [.labels, .scores],
      direction: .lowerIsBetter),
    MetricDefinition(
      name: "expected_calibration_error",
      summary: "weighted mean gap between predicted and observed rates over score bins",
      subject: .slice, domain: .unitInterval, needs: [.labels, .scores],
      direction: .lowerIsBetter),
    MetricDefinition(
      name: "shortfall",
      summary: "favourable decisions the slice would have had at the reference rate, minus "
        + "those it had",
      subject: .slice, domain: .real, direction: .lowerIsBetter),
    MetricDefinition(
      name: "mean_score", summary: "mean model score in the slice", subject: .slice,
      domain: .real, needs: .scores),
  ]

  /// Metrics of a whole grouping.
  static let groupingMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "demographic_parity_difference",
      summary: "highest minus lowest selection rate across the grouping's slices",
      subject: .grouping, domain: .unitInterval, direction: .lowerIsBetter),
    MetricDefinition(
      name: "demographic_parity_ratio",
      summary: "lowest divided by highest selection rate across the grouping's slices",
      subject: .grouping, domain: .unitInterval, direction: .higherIsBetter),
    MetricDefinition(
      name: "equalized_odds_difference",
      summary: "larger of the true and false positive rate ranges across slices",
      subject: .grouping, domain: .unitInterval, needs: .labels, direction: .lowerIsBetter),
    MetricDefinition(
      name: "equal_opportunity_difference",
      summary: "highest minus lowest true positive rate across slices", subject: .grouping,
      domain: .unitInterval, needs: .labels, direction: .lowerIsBetter),
    MetricDefinition(
      name: "unknown_count",
      summary: "rows whose value of the grouping's attributes is missing or unknown",
      subject: .grouping, domain: .count),
    MetricDefinition(
      name: "unknown_share", summary: "unknown rows divided by all rows", subject: .grouping,
      domain: .unitInterval, direction: .lowerIsBetter),
    MetricDefinition(
      name: "excluded_slice_count",
      summary: "slices below the audit's exclusion share (NYC LL144's 2% rule)",
      subject: .grouping, domain: .count),
    MetricDefinition(
      name: "minimum_slice_share",
      summary: "smallest slice share of the rows with a known value", subject: .grouping,
      domain: .unitInterval),
  ]

  /// Metrics of one feature or protected attribute.
  static let featureMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "attribution_share",
      summary: "the feature's share of the total mean absolute attribution", subject: .feature,
      domain: .unitInterval, needs: .attributions, direction: .lowerIsBetter),
    MetricDefinition(
      name: "attribution_rank",
      summary: "the feature's rank by mean absolute attribution (1 = most important)",
      subject: .feature, domain: .count, needs: .attributions, direction: .higherIsBetter),
    MetricDefinition(
      name: "is_model_input", summary: "1 when the feature or attribute is a model input, else 0",
      subject: .feature, domain: .boolean, needs: .model, direction: .lowerIsBetter),
    MetricDefinition(
      name: "proxy_association",
      summary: "strongest association with a protected attribute (Cramér's V or correlation "
        + "ratio)",
      subject: .feature, domain: .unitInterval, direction: .lowerIsBetter),
    MetricDefinition(
      name: "proxy_auc",
      summary: "best AUC of predicting a protected attribute from the feature alone",
      subject: .feature, domain: .unitInterval, direction: .lowerIsBetter),
    MetricDefinition(
      name: "proxy_attribution_share",
      summary: "attribution share of the feature when it is a flagged proxy, else 0",
      subject: .feature, domain: .unitInterval, needs: .attributions,
      direction: .lowerIsBetter),
    MetricDefinition(
      name: "counterfactual_flip_rate",
      summary: "share of rows whose decision changes when the attribute is swapped",
      subject: .feature, domain: .unitInterval, needs: .model, direction: .lowerIsBetter),
  ]

  /// Metrics of one feature within one slice.
  static let featureInSliceMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "slice_attribution_share",
      summary: "the feature's share of the slice's mean absolute attribution",
      subject: .featureInSlice, domain: .unitInterval, needs: .attributions,
      direction: .lowerIsBetter),
    MetricDefinition(
      name: "attribution_ratio",
      summary: "slice mean |attribution| divided by the reference slice's",
      subject: .featureInSlice, domain: .nonNegative, needs: .attributions,
      direction: .closerToOne),
    MetricDefinition(
      name: "gap_contribution",
      summary: "the feature's part of the mean score gap between the slice and the reference",
      subject: .featureInSlice, domain: .real, needs: .attributions,
      direction: .closerToZero),
    MetricDefinition(
      name: "gap_contribution_share",
      summary: "gap contribution divided by the whole mean score gap",
      subject: .featureInSlice, domain: .real, needs: .attributions,
      direction: .closerToZero),
  ]
}
