/// The area under the ROC curve, equal to scikit-learn's `roc_auc_score` for binary labels.
///
/// AUC is the probability that a random positive scores above a random negative, ties
/// counting one half (the trapezoid rule through tied scores, as scikit-learn's curve does).
/// With weights, pairs count by the product of their weights. Grouping rows by distinct
/// score, from the highest down, with `P_g`/`N_g` the positive/negative weight at score `g`
/// and `P_<g` the positive weight scored above it:
///
/// ```
/// AUC = Σ_g N_g·(P_<g + P_g/2) / (P·N)
/// ```
///
/// Rows whose weight is zero, negative or not finite are left out. AUC is NaN, not
/// computable, when the positive or the negative weight is zero (scikit-learn raises) or a
/// score is NaN.
///
/// **Mergeability.** AUC is not mergeable from per-chunk AUCs. It is mergeable through the
/// per-score map `score → (positive weight, negative weight)`: merge the maps, then apply the
/// formula once. Brier score and log-loss, by contrast, are plain weighted sums.
public enum AUC {
  /// The weighted ROC AUC.
  ///
  /// - Parameters:
  ///   - labels: `true` for the positive class.
  ///   - scores: Higher means more likely positive; any real scale.
  ///   - weights: Optional non-negative weights, one per row.
  /// - Returns: AUC in `[0, 1]`, or NaN when not computable.
  /// - Precondition: the arrays have equal lengths.
  /// - Complexity: O(*n* log *n*) for *n* rows.
  public static func value(labels: [Bool], scores: [Double], weights: [Double]? = nil) -> Double {
    precondition(
      labels.count == scores.count, "'scores' has \(scores.count) values, 'labels' \(labels.count)")
    precondition(
      weights.map { $0.count == labels.count } ?? true,
      "'weights' has \(weights?.count ?? 0) values, 'labels' \(labels.count)")
    guard let rows = order(scores: scores, weights: weights) else { return .nan }
    return value(labels: labels, order: rows, scores: scores, weights: weights)
  }

  /// The rows that count (positive, finite weight) by descending score, ties by row: the
  /// order ``value(labels:scores:weights:)`` sorts into, which does not depend on the labels,
  /// so that several labellings of the same scores sort once.
  ///
  /// - Returns: The order, or `nil` when a row that counts has a NaN score.
  /// - Complexity: O(*n* log *n*) for *n* rows.
  package static func order(scores: [Double], weights: [Double]? = nil) -> [Int]? {
    var rows: [Int] = []
    rows.reserveCapacity(scores.count)
    for row in scores.indices {
      let weight = weights?[row] ?? 1
      guard weight > 0, weight.isFinite else { continue }
      if scores[row].isNaN { return nil }
      rows.append(row)
    }
    rows.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    return rows
  }

  /// The weighted ROC AUC of `labels` over rows already in ``order(scores:weights:)``.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  package static func value(
    labels: [Bool], order rows: [Int], scores: [Double], weights: [Double]?
  ) -> Double {
    var positivesAbove = 0.0
    var negativesAbove = 0.0
    var area = 0.0
    var index = 0
    while index < rows.count {
      let score = scores[rows[index]]
      var positives = 0.0
      var negatives = 0.0
      while index < rows.count && scores[rows[index]] == score {
        let row = rows[index]
        let weight = weights?[row] ?? 1
        if labels[row] { positives += weight } else { negatives += weight }
        index += 1
      }
      area += negatives * (positivesAbove + positives / 2)
      positivesAbove += positives
      negativesAbove += negatives
    }
    guard positivesAbove > 0, negativesAbove > 0 else { return .nan }
    return area / (positivesAbove * negativesAbove)
  }
}
