extension FindingsDocument {
  /// The metrics of one slice of a grouping.
  ///
  /// Rates are shares of the slice's rows (or weight, for probabilistic membership).
  /// Label-based metrics are absent when the data has no label; score-based ones when the
  /// audit read decisions rather than scores.
  public struct SliceEvidence: Codable, Sendable, Equatable {
    /// The slice, such as `Female` or `Female × Asian`.
    public var slice: String
    /// The number of rows.
    public var count: Int
    /// The total membership weight (equal to `count` unless membership is probabilistic).
    public var weight: Double
    /// The slice's share of the audited rows.
    public var share: Double
    /// Whether the slice collects rows of unknown group.
    public var unknown: Bool?
    /// Whether the slice is left out of comparisons.
    public var excluded: Bool
    /// Why it is left out.
    public var excludedReason: String?
    /// The number (or weight) of favourable decisions.
    public var selected: Double
    /// The share of favourable decisions: `selected / weight`.
    public var selectionRate: Double
    /// The selection rate's confidence interval.
    public var selectionRateInterval: Interval?
    /// The share of scores strictly above the full sample's median (NYC LL144 scoring rate).
    public var scoringRate: Double?
    /// The selection rate over the highest selection rate in the grouping.
    public var impactRatio: Double?
    /// The impact ratio's confidence interval.
    public var impactRatioInterval: Interval?
    /// The selection rate over the reference slice's.
    public var impactRatioToReference: Double?
    /// The p-value of the test against the most selected slice (the impact ratio's
    /// comparison group).
    public var pValue: Double?
    /// The p-value after the multiple-comparison adjustment.
    public var adjustedPValue: Double?
    /// The test behind the p-value.
    public var test: StatisticalTest?
    /// The favourable decisions needed to reach the most selected slice's rate.
    public var shortfall: Double?
    /// The share of favourable labels.
    public var baseRate: Double?
    /// The true positive rate.
    public var tpr: Double?
    /// The false positive rate.
    public var fpr: Double?
    /// The false negative rate.
    public var fnr: Double?
    /// The true negative rate.
    public var tnr: Double?
    /// The precision (positive predictive value).
    public var precision: Double?
    /// The area under the ROC curve of the scores.
    public var auc: Double?
    /// The mean log loss of the probabilities.
    public var logLoss: Double?
    /// The Brier score of the probabilities.
    public var brier: Double?
    /// The expected calibration error of the probabilities.
    public var ece: Double?

    /// Creates the metrics of one slice; every metric not given is absent.
    public init(
      slice: String, count: Int, weight: Double? = nil, share: Double, unknown: Bool? = nil,
      excluded: Bool = false, excludedReason: String? = nil, selected: Double,
      selectionRate: Double, selectionRateInterval: Interval? = nil, scoringRate: Double? = nil,
      impactRatio: Double? = nil, impactRatioInterval: Interval? = nil,
      impactRatioToReference: Double? = nil, pValue: Double? = nil,
      adjustedPValue: Double? = nil, test: StatisticalTest? = nil, shortfall: Double? = nil
    ) {
      self.slice = slice
      self.count = count
      self.weight = weight ?? Double(count)
      self.share = share
      self.unknown = unknown
      self.excluded = excluded
      self.excludedReason = excludedReason
      self.selected = selected
      self.selectionRate = selectionRate
      self.selectionRateInterval = selectionRateInterval
      self.scoringRate = scoringRate
      self.impactRatio = impactRatio
      self.impactRatioInterval = impactRatioInterval
      self.impactRatioToReference = impactRatioToReference
      self.pValue = pValue
      self.adjustedPValue = adjustedPValue
      self.test = test
      self.shortfall = shortfall
    }
  }
}
