extension FindingsDocument {
  /// The significance test behind a p-value.
  public enum StatisticalTest: String, Codable, Sendable, CaseIterable {
    /// The two-proportion z test (pooled), for large counts.
    case z
    /// Fisher's exact test, two-sided, for small counts.
    case fisher

    /// The test's name in words.
    public var name: String {
      switch self {
      case .z: "two-proportion z test"
      case .fisher: "Fisher's exact test"
      }
    }
  }
}
