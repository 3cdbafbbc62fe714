/// A metric's value for one subject, with the evidence a verdict rests on.
public struct MeasuredValue: Hashable, Sendable, Codable {
  /// The value.
  public var value: Double
  /// A confidence interval, if computed.
  public var interval: ConfidenceInterval?
  /// The significance test of the slice against its comparison slice, for testable metrics.
  public var significance: SignificanceResult?
  /// Rows in the subject's slice.
  public var groupSize: Int?
  /// Rows in the comparison slice (the reference or highest-rate slice).
  public var referenceSize: Int?
  /// The comparison slice, for display.
  public var reference: String?
  /// Favourable decisions the slice would have had at the comparison rate, minus those it had.
  public var shortfall: Double?

  /// Creates a measured value.
  public init(
    _ value: Double, interval: ConfidenceInterval? = nil,
    significance: SignificanceResult? = nil, groupSize: Int? = nil, referenceSize: Int? = nil,
    reference: String? = nil, shortfall: Double? = nil
  ) {
    self.value = value
    self.interval = interval
    self.significance = significance
    self.groupSize = groupSize
    self.referenceSize = referenceSize
    self.reference = reference
    self.shortfall = shortfall
  }
}
