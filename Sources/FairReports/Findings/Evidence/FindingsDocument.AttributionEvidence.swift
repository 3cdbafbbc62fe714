extension FindingsDocument {
  /// Per-slice attribution summaries of one grouping.
  public struct AttributionEvidence: Codable, Sendable, Equatable {
    /// The grouping.
    public var grouping: String
    /// The reference slice that ratios compare with.
    public var reference: String
    /// The output space of the attributions: `margin` or `probability`.
    public var space: String
    /// One summary per slice.
    public var slices: [SliceAttributions]

    /// Creates a grouping's attribution summaries.
    public init(grouping: String, reference: String, space: String, slices: [SliceAttributions]) {
      self.grouping = grouping
      self.reference = reference
      self.space = space
      self.slices = slices
    }
  }
}
