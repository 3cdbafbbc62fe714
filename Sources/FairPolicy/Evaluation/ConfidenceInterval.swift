/// A confidence interval around a measured value.
public struct ConfidenceInterval: Hashable, Sendable, Codable {
  /// The lower end.
  public var lower: Double
  /// The upper end.
  public var upper: Double
  /// The confidence level, such as 0.95.
  public var confidence: Double

  /// Creates an interval.
  public init(lower: Double, upper: Double, confidence: Double) {
    self.lower = lower
    self.upper = upper
    self.confidence = confidence
  }
}
