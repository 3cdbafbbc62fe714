extension FindingsDocument.Summary {
  /// The number of failed findings at each severity.
  public struct SeverityCounts: Codable, Sendable, Equatable {
    /// Failures of severity error.
    public var error: Int
    /// Failures of severity warning.
    public var warning: Int
    /// Failures of severity info.
    public var info: Int

    /// Creates severity counts.
    public init(error: Int = 0, warning: Int = 0, info: Int = 0) {
      self.error = error
      self.warning = warning
      self.info = info
    }
  }
}
