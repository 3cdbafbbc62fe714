public import FairModels

/// Per-row, per-feature attributions of a model's output, with the base value they start from.
///
/// For additive methods the values have local accuracy in ``outputSpace``:
///
/// ```
/// baseValues[i] + Σ_j values[i·featureCount + j]  ≈  predictions[i]
/// ```
///
/// up to rounding, and up to the model's own arithmetic where it scores in `Float`
/// (XGBoost sums leaves in `Float`, so its predictions differ from the exact `Double` sum by
/// about 1e-7 relative).
public struct Attributions: Sendable, Equatable {
  /// The attributions, row-major: `values[row * featureCount + feature]`.
  public var values: [Double]
  /// The number of explained rows.
  public let rowCount: Int
  /// The number of attribution columns.
  public let featureCount: Int
  /// The value the attributions of each row start from (φ₀); one per row.
  public var baseValues: [Double]
  /// The model's output for each row, in ``outputSpace``.
  public var predictions: [Double]
  /// The name of each attribution column.
  public var featureNames: [String]
  /// The scale of ``baseValues``, ``predictions`` and the values.
  public var outputSpace: OutputSpace
  /// The estimated standard error of each attribution, row-major like ``values``; `nil` for
  /// exact methods.
  ///
  /// Sampling methods (``KernelSHAP`` in sampling mode, ``PermutationShapley``) report how far
  /// each value may be from the exact attribution of the same game because of sampling; a
  /// cell computed exactly has standard error 0. Each method documents its estimator.
  public var standardErrors: [Double]? = nil

  /// Creates attributions from row-major values.
  ///
  /// - Precondition: `values.count == rowCount * featureNames.count`, and `baseValues` and
  ///   `predictions` have one entry per row.
  public init(
    values: [Double], rowCount: Int, baseValues: [Double], predictions: [Double],
    featureNames: [String], outputSpace: OutputSpace
  ) {
    precondition(
      values.count == rowCount * featureNames.count,
      "'values.count' \(values.count) must equal \(rowCount) rows × \(featureNames.count) features")
    precondition(
      baseValues.count == rowCount, "'baseValues.count' \(baseValues.count) must be \(rowCount)")
    precondition(
      predictions.count == rowCount, "'predictions.count' \(predictions.count) must be \(rowCount)")
    self.values = values
    self.rowCount = rowCount
    self.featureCount = featureNames.count
    self.baseValues = baseValues
    self.predictions = predictions
    self.featureNames = featureNames
    self.outputSpace = outputSpace
  }

  /// The attribution of `feature` in `row`.
  public subscript(row: Int, feature: Int) -> Double {
    values[row * featureCount + feature]
  }

  /// The attributions of one row, in column order.
  ///
  /// - Complexity: O(1); the slice shares storage.
  public func row(_ row: Int) -> ArraySlice<Double> {
    values[(row * featureCount)..<((row + 1) * featureCount)]
  }

  /// The largest `|base + Σφ − prediction|` over all rows: how far local accuracy is off.
  ///
  /// - Complexity: O(*n*·*m*) for *n* rows and *m* columns.
  public var largestAdditivityGap: Double {
    var worst = 0.0
    for row in 0..<rowCount {
      var sum = baseValues[row]
      for value in self.row(row) { sum += value }
      worst = max(worst, abs(sum - predictions[row]))
    }
    return worst
  }
}
