extension FindingsDocument {
  /// The settings of the significance tests behind p-values.
  public struct TestSettings: Codable, Sendable, Equatable {
    /// How p-values of one rule were adjusted for multiple comparisons.
    public enum MultipleComparison: String, Codable, Sendable, CaseIterable {
      /// Holm's step-down procedure, which controls the family-wise error rate.
      case holm
      /// No adjustment.
      case none
    }

    /// The significance level, such as 0.05.
    public var alpha: Double
    /// The multiple-comparison adjustment.
    public var multipleComparison: MultipleComparison

    /// Creates a test settings record.
    public init(alpha: Double, multipleComparison: MultipleComparison = .holm) {
      self.alpha = alpha
      self.multipleComparison = multipleComparison
    }
  }
}
