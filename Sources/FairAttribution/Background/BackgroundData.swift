public import FairModels

/// Reference rows that define "absent" features for model-agnostic explainers, each with a
/// weight.
///
/// The interventional value of a coalition `S` of features for a row `x` is the weighted mean
/// of the model over hybrids that take `S` from `x` and the other features from each
/// background row `r`:
///
/// ```
/// v(S) = Σ_r w_r · f(x_S, r_S̄),      Σ_r w_r = 1
/// ```
///
/// Weights are uniform by default; ``BackgroundSummary/kmeans(_:k:features:seed:)`` sets them
/// to cluster sizes, as `shap.kmeans` does. The cost of every model-agnostic method grows
/// linearly with the number of background rows; shap advises at most about 100.
public struct BackgroundData: Sendable, Equatable {
  /// The rows, bound to the model's features.
  public let matrix: FeatureMatrix
  /// One weight per row, normalised to sum to 1.
  public let weights: [Double]

  /// The number of rows.
  public var rowCount: Int { matrix.rowCount }

  /// Creates background data, checking it once for every explainer that uses it.
  ///
  /// - Parameters:
  ///   - matrix: The rows; at least one.
  ///   - weights: One non-negative, finite weight per row with a positive sum, normalised
  ///     here; `nil` for uniform weights.
  ///   - featureCount: The number of features the model reads, when the caller knows it;
  ///     the rows must have exactly that many.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidBackground`` (subject
  ///   `background`, or `background row N`, 1-based) when there are no rows, the rows have the
  ///   wrong number of features, or the weights do not fit the rows or are not valid.
  /// - Complexity: O(*n*) for *n* rows.
  public init(_ matrix: FeatureMatrix, weights: [Double]? = nil, featureCount: Int? = nil) throws {
    if let featureCount, matrix.featureCount != featureCount {
      throw AttributionError(
        .invalidBackground, subject: "background",
        message: AttributionError.Message.featureCount(matrix.featureCount, expected: featureCount))
    }
    guard matrix.rowCount > 0 else {
      throw AttributionError(
        .invalidBackground, subject: "background",
        message: AttributionError.Message.emptyBackground)
    }
    let raw = weights ?? Array(repeating: 1, count: matrix.rowCount)
    guard raw.count == matrix.rowCount else {
      throw AttributionError(
        .invalidBackground, subject: "background",
        message: AttributionError.Message.weightCount(raw.count, rows: matrix.rowCount))
    }
    var total = 0.0
    for (row, weight) in raw.enumerated() {
      guard weight.isFinite && weight >= 0 else {
        throw AttributionError(
          .invalidBackground, subject: "background row \(row + 1)",
          message: AttributionError.Message.badWeight(weight))
      }
      total += weight
    }
    guard total > 0 else {
      throw AttributionError(
        .invalidBackground, subject: "background", message: AttributionError.Message.zeroWeights)
    }
    self.matrix = matrix
    self.weights = raw.map { $0 / total }
  }

  /// Throws unless the rows have `featureCount` features.
  func validate(featureCount: Int) throws {
    guard matrix.featureCount == featureCount else {
      throw AttributionError(
        .invalidBackground, subject: "background",
        message: AttributionError.Message.featureCount(matrix.featureCount, expected: featureCount))
    }
  }
}
