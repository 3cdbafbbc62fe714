extension FindingsDocument {
  /// How much one feature drives a slice's scores.
  public struct FeatureAttribution: Codable, Sendable, Equatable {
    /// The feature (or feature group).
    public var feature: String
    /// The mean absolute attribution, mean |φ|, over the slice.
    public var meanAbs: Double
    /// The confidence interval of `meanAbs`.
    public var meanAbsInterval: Interval?
    /// The mean signed attribution over the slice.
    public var mean: Double
    /// The feature's share of the slice's total mean |φ|.
    public var share: Double
    /// The 1-based rank by mean |φ| within the slice.
    public var rank: Int
    /// The slice's mean |φ| over the reference slice's.
    public var ratioToReference: Double?
    /// The ratio's confidence interval.
    public var ratioInterval: Interval?

    /// Creates a feature's attribution summary.
    public init(
      feature: String, meanAbs: Double, meanAbsInterval: Interval? = nil, mean: Double,
      share: Double, rank: Int, ratioToReference: Double? = nil, ratioInterval: Interval? = nil
    ) {
      self.feature = feature
      self.meanAbs = meanAbs
      self.meanAbsInterval = meanAbsInterval
      self.mean = mean
      self.share = share
      self.rank = rank
      self.ratioToReference = ratioToReference
      self.ratioInterval = ratioInterval
    }
  }
}
