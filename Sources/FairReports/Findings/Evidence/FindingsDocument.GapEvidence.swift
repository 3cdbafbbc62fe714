import FairMetrics

extension FindingsDocument {
  /// The decomposition of a slice's mean score gap to the reference into feature
  /// contributions (differences of mean attributions, which add up to the gap).
  public struct GapEvidence: Codable, Sendable, Equatable {
    /// The grouping.
    public var grouping: String
    /// The slice.
    public var slice: String
    /// The reference slice.
    public var reference: String
    /// The output space: `margin` or `probability`.
    public var space: String
    /// The slice's mean output minus the reference's.
    public var gap: Double
    /// The contributions, largest magnitude first; in space `loss`, the outcome mix
    /// (``outcomeMixFeature``) comes last.
    public var contributions: [Contribution]

    /// The pseudo-feature that closes a loss gap: the part of the gap due to the two
    /// slices' labels alone (the background's expected loss at each row's label).
    static let outcomeMixFeature = LossGapDecomposition.baselineColumn

    /// Creates a gap decomposition.
    public init(
      grouping: String, slice: String, reference: String, space: String, gap: Double,
      contributions: [Contribution]
    ) {
      self.grouping = grouping
      self.slice = slice
      self.reference = reference
      self.space = space
      self.gap = gap
      self.contributions = contributions
    }
  }
}
