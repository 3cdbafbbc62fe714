/// The outcome of a significance test of a slice against its comparison slice.
public struct SignificanceResult: Hashable, Sendable, Codable {
  /// The test that was run: `.z` or `.fisher` (never `.auto` or `.none`).
  public var test: SignificanceTest
  /// The two-sided p-value.
  public var pValue: Double
  /// The p-value after Holm's adjustment across the grouping's comparisons, if computed.
  public var adjustedPValue: Double?

  /// Creates a result.
  public init(test: SignificanceTest, pValue: Double, adjustedPValue: Double? = nil) {
    self.test = test
    self.pValue = pValue
    self.adjustedPValue = adjustedPValue
  }

  /// The p-value decisions use: the Holm-adjusted one when present, else the raw one.
  public var decisionPValue: Double { adjustedPValue ?? pValue }
}
