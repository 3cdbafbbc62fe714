extension FindingsDocument {
  /// The group metrics of one grouping: one row per slice, plus the grouping-level
  /// disparities (as fairlearn defines them).
  public struct GroupingEvidence: Codable, Sendable, Equatable {
    /// The grouping, such as `race`.
    public var grouping: String
    /// The reference slice.
    public var reference: String
    /// One row per slice, in the grouping's order.
    public var slices: [SliceEvidence]
    /// The largest difference in selection rate between slices.
    public var demographicParityDifference: Double?
    /// The smallest ratio of selection rates between slices.
    public var demographicParityRatio: Double?
    /// The larger of the largest TPR and FPR differences between slices.
    public var equalizedOddsDifference: Double?
    /// The largest TPR difference between slices.
    public var equalOpportunityDifference: Double?

    /// Creates the evidence of one grouping.
    public init(
      grouping: String, reference: String, slices: [SliceEvidence],
      demographicParityDifference: Double? = nil, demographicParityRatio: Double? = nil,
      equalizedOddsDifference: Double? = nil, equalOpportunityDifference: Double? = nil
    ) {
      self.grouping = grouping
      self.reference = reference
      self.slices = slices
      self.demographicParityDifference = demographicParityDifference
      self.demographicParityRatio = demographicParityRatio
      self.equalizedOddsDifference = equalizedOddsDifference
      self.equalOpportunityDifference = equalOpportunityDifference
    }
  }
}
