extension FindingsDocument.AttributionEvidence {
  /// The attributions of one slice, one row per feature.
  public struct SliceAttributions: Codable, Sendable, Equatable {
    /// The slice.
    public var slice: String
    /// One row per feature, by rank.
    public var features: [FindingsDocument.FeatureAttribution]

    /// Creates a slice's attribution summary.
    public init(slice: String, features: [FindingsDocument.FeatureAttribution]) {
      self.slice = slice
      self.features = features
    }
  }
}
