extension FindingsDocument.GapEvidence {
  /// One feature's part of the gap.
  public struct Contribution: Codable, Sendable, Equatable {
    /// The feature.
    public var feature: String
    /// Its contribution to the gap, in the gap's space.
    public var contribution: Double
    /// The contribution's confidence interval.
    public var interval: FindingsDocument.Interval?

    /// Creates a contribution.
    public init(feature: String, contribution: Double, interval: FindingsDocument.Interval? = nil) {
      self.feature = feature
      self.contribution = contribution
      self.interval = interval
    }
  }
}
