/// A contiguous block of rows to score: row-major values with one column per model feature.
public struct RowBatch: Sendable {
  /// The values, row after row; `values.count == rowCount * featureCount`.
  public let values: ArraySlice<Double>
  /// The number of features per row (the stride).
  public let featureCount: Int

  /// Creates a batch over row-major `values`.
  ///
  /// - Precondition: `values.count` is a multiple of `featureCount`.
  public init(values: ArraySlice<Double>, featureCount: Int) {
    precondition(featureCount > 0, "'featureCount' \(featureCount) must be positive")
    precondition(
      values.count % featureCount == 0,
      "'values.count' \(values.count) is not a multiple of 'featureCount' \(featureCount)")
    self.values = values
    self.featureCount = featureCount
  }

  /// The number of rows.
  public var rowCount: Int { values.count / featureCount }
}
