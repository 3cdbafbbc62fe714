extension FindingsDocument {
  /// How strongly a feature is associated with a protected attribute, and whether the
  /// audit treats it as a proxy.
  public struct ProxyAssociation: Codable, Sendable, Equatable {
    /// The association measure.
    public enum Measure: String, Codable, Sendable, CaseIterable {
      /// Cramér's V, for a categorical feature.
      case cramersV = "cramers_v"
      /// The correlation ratio η, for a numeric feature.
      case correlationRatio = "correlation_ratio"
    }

    /// The feature.
    public var feature: String
    /// The protected attribute.
    public var attribute: String
    /// The measure used.
    public var measure: Measure
    /// The association, in [0, 1].
    public var association: Double
    /// The normalised mutual information, in [0, 1].
    public var nmi: Double?
    /// The AUC of predicting the attribute from the feature alone.
    public var auc: Double?
    /// The feature's share of total mean |φ|.
    public var attributionShare: Double?
    /// Whether the audit treats the feature as a proxy.
    public var isProxy: Bool

    /// Creates a proxy association record.
    public init(
      feature: String, attribute: String, measure: Measure, association: Double,
      nmi: Double? = nil, auc: Double? = nil, attributionShare: Double? = nil, isProxy: Bool
    ) {
      self.feature = feature
      self.attribute = attribute
      self.measure = measure
      self.association = association
      self.nmi = nmi
      self.auc = auc
      self.attributionShare = attributionShare
      self.isProxy = isProxy
    }
  }
}
