/// A confidence interval, as reports show it.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
  /// The lower bound.
  public var lower: Double
  /// The upper bound.
  public var upper: Double
  /// The nominal coverage, such as 0.95.
  public var level: Double
  /// How it was computed: `wilson` or `bootstrap`.
  public var method: String

  /// Creates an interval.
  public init(lower: Double, upper: Double, level: Double, method: String) {
    self.lower = lower
    self.upper = upper
    self.level = level
    self.method = method
  }

  /// The Wilson score interval of a rate.
  init(_ wilson: WilsonInterval) {
    self.init(
      lower: wilson.lower, upper: wilson.upper, level: wilson.confidenceLevel, method: "wilson")
  }

  /// The percentile bootstrap interval of a statistic's replicates.
  init(bootstrap replicates: [Double], alpha: Double) {
    let interval = BootstrapInterval(replicates: replicates, alpha: alpha)
    self.init(
      lower: interval.lower, upper: interval.upper, level: interval.confidenceLevel,
      method: "bootstrap")
  }
}

/// A significance test of one slice against a comparison slice, with the Holm-adjusted
/// p-value across the slices of its grouping.
public struct SliceComparison: Sendable, Hashable, Codable {
  /// The comparison slice.
  public var against: String
  /// The test that ran (z or Fisher) and why.
  public var test: SignificanceTest
  /// The p-value adjusted by Holm's method across the grouping's compared slices.
  public var adjustedPValue: Double
}

/// The group metrics of one slice, with their uncertainty.
///
/// Definitions follow fairlearn's: the selection rate is the weighted share of favourable
/// decisions; with true outcomes, the true-positive rate is the share of favourable-outcome
/// rows with a favourable decision, and so on. A figure that needs something the audit does
/// not have (true outcomes, probability scores) is `nil`; a rate whose denominator is zero is
/// NaN (not computable).
public struct SliceMetrics: Sendable, Hashable, Codable {
  /// The slice's name.
  public var slice: String
  /// The rows in the slice.
  public var rows: Int
  /// The weighted count (equal to ``rows`` unless membership is probabilistic).
  public var weight: Double
  /// The slice's share of all rows of the data, unknown rows included.
  public var share: Double
  /// Whether the slice is left out of comparisons (under the minimum share).
  public var isExcluded: Bool
  /// The weight of favourable decisions.
  public var selected: Double
  /// The selection rate, with its Wilson interval.
  public var selectionRate: Double
  /// See ``selectionRate``.
  public var selectionRateInterval: ConfidenceInterval
  /// The LL144 scoring rate: the share scored strictly above the full sample's median.
  public var scoringRate: Double?
  /// The scoring rate over the highest scoring rate of the grouping.
  public var scoringImpactRatio: Double?
  /// The selection rate over the highest selection rate of the grouping's included slices.
  public var impactRatio: Double
  /// See ``impactRatio``; bootstrap.
  public var impactRatioInterval: ConfidenceInterval?
  /// The selection rate over the reference slice's.
  public var impactRatioToReference: Double
  /// See ``impactRatioToReference``; bootstrap.
  public var impactRatioToReferenceInterval: ConfidenceInterval?
  /// The selection rate minus the reference slice's.
  public var selectionRateDifference: Double
  /// See ``selectionRateDifference``; bootstrap.
  public var selectionRateDifferenceInterval: ConfidenceInterval?
  /// The test against the most favoured slice (absent for that slice itself).
  public var comparedWithMostFavoured: SliceComparison?
  /// The test against the reference slice (absent for the reference itself).
  public var comparedWithReference: SliceComparison?
  /// The mean score.
  public var meanScore: Double?
  /// The share of favourable true outcomes.
  public var baseRate: Double?
  /// The true-positive rate (favourable decision among favourable outcomes).
  public var truePositiveRate: Double?
  /// The false-positive rate (favourable decision among unfavourable outcomes).
  public var falsePositiveRate: Double?
  /// The false-negative rate, `1 − TPR`.
  public var falseNegativeRate: Double?
  /// The true-negative rate, `1 − FPR`.
  public var trueNegativeRate: Double?
  /// The precision (favourable outcome among favourable decisions).
  public var precision: Double?
  /// The true-positive rate minus the reference slice's.
  public var truePositiveRateDifference: Double?
  /// See ``truePositiveRateDifference``; bootstrap.
  public var truePositiveRateDifferenceInterval: ConfidenceInterval?
  /// The false-positive rate minus the reference slice's.
  public var falsePositiveRateDifference: Double?
  /// See ``falsePositiveRateDifference``; bootstrap.
  public var falsePositiveRateDifferenceInterval: ConfidenceInterval?
  /// The ROC AUC of the scores.
  public var auc: Double?
  /// The log-loss of probability scores.
  public var logLoss: Double?
  /// The Brier score of probability scores.
  public var brierScore: Double?
  /// The expected calibration error of probability scores (ten equal-width bins).
  public var expectedCalibrationError: Double?
  /// The calibration table: per bin, weight, mean score and observed favourable rate.
  public var calibration: [CalibrationBin]?
}

/// One bin of a calibration table.
public struct CalibrationBin: Sendable, Hashable, Codable {
  /// The bin's lower bound.
  public var lower: Double
  /// The bin's upper bound.
  public var upper: Double
  /// The weight of the rows in the bin.
  public var weight: Double
  /// Their mean score; NaN for an empty bin.
  public var meanScore: Double
  /// Their favourable-outcome rate; NaN for an empty bin.
  public var observedRate: Double
}
