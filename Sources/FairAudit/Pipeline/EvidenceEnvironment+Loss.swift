import FairMetrics
import FairPolicy

extension EvidenceEnvironment {
  /// The slice metrics of the declared loss and cost matrix.
  static let sliceLossMetrics: Set<String> = Set(LossReading.of.keys)

  /// The feature-in-slice metrics of the loss-gap decomposition.
  static let featureLossMetrics: Set<String> = [
    "loss_gap_contribution", "loss_gap_contribution_share",
  ]

  /// Measures a feature's part of a slice's mean-loss gap to the reference.
  func lossGapMeasurement(_ metric: String, _ subject: Subject) throws -> Measurement {
    guard let source = evidence.lossAttributionColumns else {
      return .notComputable(
        reason: evidence.declaredLoss?.loss == nil
          ? "the audit declares no loss ('loss:' in the manifest)"
          : "loss attributions need a model, and this audit has none")
    }
    guard let grouping = subject.grouping, let index = membershipIndex(grouping),
      let slice = subject.slice
    else {
      throw EnvironmentProblem("the grouping is not part of this audit")
    }
    let decomposition = try evidence.lossGapDecompositions()[index]
    let feature = subject.feature ?? ""
    let column = source.groupOfFeature[feature] ?? feature
    guard
      let entry = decomposition.slice(named: FairMetrics.Grouping.sliceName(slice.values)),
      let contribution = entry.contributions.first(where: { $0.feature == column })
    else {
      return .notComputable(reason: "'\(feature)' is not a model input, so it carries no loss")
    }
    let value =
      metric == "loss_gap_contribution" ? contribution.contribution : contribution.shareOfExcess
    guard value.isFinite else {
      return .notComputable(reason: "not defined for this slice")
    }
    return .value(
      MeasuredValue(
        value,
        interval: metric == "loss_gap_contribution"
          ? contribution.interval.map(Self.interval) : nil,
        groupSize: Int(entry.weight.rounded()), reference: decomposition.reference))
  }

  /// Measures a loss or cost metric of one slice.
  func lossMeasurement(_ metric: String, _ subject: Subject) throws -> Measurement {
    guard evidence.declaredLoss != nil else {
      return .notComputable(
        reason: "the audit declares no loss and no cost matrix ('loss:' and 'costs:' in the "
          + "manifest)")
    }
    guard let grouping = subject.grouping, let index = membershipIndex(grouping),
      let slice = subject.slice
    else {
      throw EnvironmentProblem("the grouping is not part of this audit")
    }
    let metrics = try evidence.lossMetrics()[index]
    guard let entry = metrics.slice(named: FairMetrics.Grouping.sliceName(slice.values)) else {
      throw EnvironmentProblem("the slice is not in the data")
    }
    guard let reading = LossReading.of[metric] else {
      throw EnvironmentProblem("'\(metric)' is not a loss or cost metric")
    }
    guard let figures = reading.cost ? entry.cost : entry.loss else {
      return .notComputable(
        reason: reading.cost
          ? "the audit declares no cost matrix ('costs:' in the manifest)"
          : "the audit declares no loss ('loss:' in the manifest)")
    }
    if reading.figure != .mean, entry.isExcluded {
      return .notComputable(
        reason: "the slice holds under \(evidence.configuration.minimumSliceShare) of the data "
          + "and is excluded from comparisons")
    }
    let figure: (Double?, FairMetrics.ConfidenceInterval?)
    switch reading.figure {
    case .mean: figure = (figures.mean, figures.meanInterval)
    case .ratio: figure = (figures.ratio, figures.ratioInterval)
    case .difference: figure = (figures.difference, figures.differenceInterval)
    case .shareRatio: figure = (figures.shareRatio, nil)
    }
    guard let value = figure.0, value.isFinite else {
      return .notComputable(
        reason: "not defined: the slice or the reference has no rows, or a zero mean")
    }
    // Ratios and differences are against the reference slice; means and shares are not.
    let against =
      reading.figure == .ratio || reading.figure == .difference ? metrics.reference : nil
    return .value(
      MeasuredValue(
        value, interval: figure.1.map(Self.interval), groupSize: entry.rows,
        referenceSize: against.flatMap { metrics.slice(named: $0)?.rows }, reference: against))
  }
}

/// Which figure of a slice's loss or cost figures a loss metric reads.
private struct LossReading {
  enum Figure { case mean, ratio, difference, shareRatio }

  /// Whether the metric reads the cost (else the loss).
  var cost: Bool
  var figure: Figure

  /// Every per-slice loss and cost metric of the catalog.
  static let of: [String: LossReading] = [
    "mean_loss": LossReading(cost: false, figure: .mean),
    "loss_ratio": LossReading(cost: false, figure: .ratio),
    "loss_difference": LossReading(cost: false, figure: .difference),
    "loss_share_ratio": LossReading(cost: false, figure: .shareRatio),
    "mean_cost": LossReading(cost: true, figure: .mean),
    "expected_cost_ratio": LossReading(cost: true, figure: .ratio),
    "expected_cost_difference": LossReading(cost: true, figure: .difference),
    "cost_share_ratio": LossReading(cost: true, figure: .shareRatio),
  ]
}
