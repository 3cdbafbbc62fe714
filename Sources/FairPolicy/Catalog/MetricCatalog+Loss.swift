extension MetricCatalog {
  /// Metrics of the audit's declared loss and cost matrix (`loss:` and `costs:` in the
  /// manifest), per slice and per feature in a slice.
  static let lossMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "mean_loss", summary: "mean of the declared loss over the slice's rows",
      subject: .slice, domain: .real, needs: [.labels, .loss], direction: .lowerIsBetter),
    MetricDefinition(
      name: "loss_ratio", summary: "the slice's mean loss divided by the reference slice's",
      subject: .slice, domain: .real, needs: [.labels, .loss], direction: .lowerIsBetter),
    MetricDefinition(
      name: "loss_difference", summary: "the slice's mean loss minus the reference slice's",
      subject: .slice, domain: .real, needs: [.labels, .loss], direction: .lowerIsBetter),
    MetricDefinition(
      name: "loss_share_ratio",
      summary: "the slice's share of the total loss divided by its share of the rows",
      subject: .slice, domain: .real, needs: [.labels, .loss], direction: .lowerIsBetter),
    MetricDefinition(
      name: "mean_cost",
      summary: "mean decision cost over the slice's rows under the declared cost matrix",
      subject: .slice, domain: .real, needs: [.labels, .loss], direction: .lowerIsBetter),
    MetricDefinition(
      name: "expected_cost_ratio",
      summary: "the slice's mean decision cost divided by the reference slice's",
      subject: .slice, domain: .real, needs: [.labels, .loss], direction: .lowerIsBetter),
    MetricDefinition(
      name: "expected_cost_difference",
      summary: "the slice's mean decision cost minus the reference slice's", subject: .slice,
      domain: .real, needs: [.labels, .loss], direction: .lowerIsBetter),
    MetricDefinition(
      name: "cost_share_ratio",
      summary: "the slice's share of the total decision cost divided by its share of the rows",
      subject: .slice, domain: .real, needs: [.labels, .loss], direction: .lowerIsBetter),
    MetricDefinition(
      name: "loss_gap_contribution",
      summary: "the feature's part of the mean-loss gap between the slice and the reference "
        + "(positive: it makes the model worse for the slice)",
      subject: .featureInSlice, domain: .real, needs: [.labels, .model, .loss],
      direction: .lowerIsBetter),
    MetricDefinition(
      name: "loss_gap_contribution_share",
      summary: "the feature's loss-gap contribution divided by the whole mean-loss gap",
      subject: .featureInSlice, domain: .real, needs: [.labels, .model, .loss],
      direction: .lowerIsBetter),
  ]
}
