extension FindingsDocument {
  /// A confidence interval.
  public struct Interval: Codable, Sendable, Equatable {
    /// The lower bound.
    public var lower: Double
    /// The upper bound.
    public var upper: Double
    /// The confidence level, such as 0.95.
    public var level: Double

    /// Creates an interval.
    public init(lower: Double, upper: Double, level: Double) {
      self.lower = lower
      self.upper = upper
      self.level = level
    }
  }
}
