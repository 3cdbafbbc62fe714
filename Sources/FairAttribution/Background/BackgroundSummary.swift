public import FairModels
import _FairSupport

/// Ways to shrink a large dataset into a small background for model-agnostic explainers.
///
/// Both follow shap's helpers, with a seeded generator instead of NumPy's global one.
public enum BackgroundSummary {
  /// A uniform random sample of `rows` distinct rows, like `shap.sample` (which draws without
  /// replacement); every row has the same weight.
  ///
  /// - Parameters:
  ///   - matrix: The data.
  ///   - rows: The number of rows to keep; all rows when the data has no more.
  ///   - seed: The seed of the draw.
  /// - Returns: The sampled rows, in the order drawn, with uniform weights.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidBackground`` when
  ///   the data has no rows or `rows < 1`.
  /// - Complexity: O(*n* + *k*·*m*) for *n* rows, *k* kept, *m* features.
  public static func sample(_ matrix: FeatureMatrix, rows: Int, seed: UInt64) throws
    -> BackgroundData
  {
    guard rows >= 1 else {
      throw AttributionError(
        .invalidBackground, message: "the background size \(rows) must be at least 1")
    }
    let count = min(rows, matrix.rowCount)
    var generator = SplitMix64(seed: seed)
    var order = Array(0..<matrix.rowCount)
    // Partial Fisher–Yates: the first `count` positions become a uniform sample.
    for position in 0..<count {
      let other = position + generator.nextInt(below: matrix.rowCount - position)
      order.swapAt(position, other)
    }
    let width = matrix.featureCount
    var values: [Double] = []
    values.reserveCapacity(count * width)
    for row in order.prefix(count) {
      values.append(contentsOf: matrix.values[(row * width)..<((row + 1) * width)])
    }
    return try BackgroundData(FeatureMatrix(values: values, rowCount: count, featureCount: width))
  }

  /// `k` weighted centroids from k-means, like `shap.kmeans(X, k)` with `round_values=True`.
  ///
  /// Steps, as shap does them where it defines them:
  ///
  /// 1. Missing numeric values are replaced by their column mean for the clustering (shap
  ///    imputes with `SimpleImputer(strategy="mean")`).
  /// 2. Lloyd's k-means on the numeric features, unscaled (shap does not scale either; a
  ///    feature with a large range dominates the distance), started by k-means++ from
  ///    `seed`, until no assignment changes or after `maxIterations` rounds. An emptied
  ///    cluster restarts at the point farthest from its centroid.
  /// 3. Each numeric centroid coordinate is replaced by the nearest value observed in that
  ///    column (shap's `round_values`), so centroids hold values the model has seen.
  /// 4. **Categorical features** (those declared categorical in `features`) do not take part
  ///    in the distance. Each centroid gets its cluster's most frequent category (missing
  ///    counts as a category; ties go to the lowest code, missing last). shap has no notion
  ///    of categorical features and would average the codes.
  /// 5. Weights are the cluster sizes (shap's `np.bincount(labels)`); empty clusters are
  ///    dropped.
  ///
  /// When the data has at most `k` rows, every row is kept with weight 1.
  ///
  /// - Parameters:
  ///   - matrix: The data.
  ///   - k: The number of clusters.
  ///   - features: The model's features, to tell categorical columns; `nil` when all are
  ///     numeric.
  ///   - seed: The seed of the k-means++ start.
  ///   - maxIterations: The largest number of Lloyd rounds; 300 as in scikit-learn.
  /// - Returns: At most `k` centroids weighted by cluster size.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidBackground`` when
  ///   the data has no rows, `k < 1`, or `features` does not match the columns.
  /// - Complexity: O(*I*·*n*·*k*·*m*) for *I* rounds, *n* rows, *m* features.
  public static func kmeans(
    _ matrix: FeatureMatrix, k: Int, features: [ModelFeature]? = nil, seed: UInt64 = 0,
    maxIterations: Int = 300
  ) throws -> BackgroundData {
    guard k >= 1 else {
      throw AttributionError(
        .invalidBackground, message: "the number of clusters \(k) must be at least 1")
    }
    guard matrix.rowCount > 0 else {
      throw AttributionError(.invalidBackground, message: "the data to summarise has no rows")
    }
    if let features, features.count != matrix.featureCount {
      throw AttributionError(
        .invalidBackground,
        message: "\(features.count) features were given for \(matrix.featureCount) columns")
    }
    if matrix.rowCount <= k { return try BackgroundData(matrix) }
    var isCategorical = [Bool](repeating: false, count: matrix.featureCount)
    if let features {
      for (index, feature) in features.enumerated() {
        if case .categorical = feature.kind { isCategorical[index] = true }
      }
    }
    var clustering = BackgroundKMeans(matrix: matrix, isCategorical: isCategorical)
    var generator = SplitMix64(seed: seed)
    clustering.run(k: k, maxIterations: max(1, maxIterations), generator: &generator)
    let (centroids, sizes) = clustering.summarise(k: k)
    let kept = sizes.count
    return try BackgroundData(
      FeatureMatrix(values: centroids, rowCount: kept, featureCount: matrix.featureCount),
      weights: sizes)
  }
}
