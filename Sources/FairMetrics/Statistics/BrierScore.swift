import _FairSupport

/// The weighted mean squared error of probabilities for binary labels, equal to
/// scikit-learn's `brier_score_loss(y, p, sample_weight=w)`.
///
/// ```
/// Brier = Σ w_i·(y_i - p_i)² / Σ w_i,    y_i ∈ {0, 1}
/// ```
///
/// (scikit-learn 1.9 averages the squared errors of both classes and halves the result,
/// which is the same number.)
///
/// **Mergeable.** Both sums are kept exactly (`ExactSum`), so chunks combined with
/// ``merge(_:)`` give the same bits as one pass, in any order. A probability outside
/// `[0, 1]` or NaN makes the value NaN (scikit-learn raises); zero total weight makes it NaN
/// (not computable). Rows whose weight is zero, negative or not finite are left out, as in
/// every FairMetrics statistic.
public struct BrierScore: Sendable, Hashable, Codable {
  /// `Σ w_i·(y_i - p_i)²`.
  private var weightedError = ExactSum()
  /// `Σ w_i`.
  private var weight = ExactSum()

  /// Creates an empty accumulator, whose value is NaN.
  public init() {}

  /// Computes the Brier score of a whole data set.
  ///
  /// - Parameters:
  ///   - labels: `true` for the positive class.
  ///   - probabilities: Predicted probabilities of the positive class, in `[0, 1]`.
  ///   - weights: Optional non-negative weights, one per row.
  /// - Precondition: the arrays have equal lengths.
  /// - Complexity: O(*n*) for *n* rows.
  public init(labels: [Bool], probabilities: [Double], weights: [Double]? = nil) {
    precondition(
      labels.count == probabilities.count,
      "'probabilities' has \(probabilities.count) values, 'labels' \(labels.count)")
    precondition(
      weights.map { $0.count == labels.count } ?? true,
      "'weights' has \(weights?.count ?? 0) values, 'labels' \(labels.count)")
    for row in labels.indices {
      add(label: labels[row], probability: probabilities[row], weight: weights?[row] ?? 1)
    }
  }

  /// Adds one row.
  ///
  /// - Parameters:
  ///   - label: `true` for the positive class.
  ///   - probability: The predicted probability of the positive class.
  ///   - rowWeight: The row's weight.
  public mutating func add(label: Bool, probability: Double, weight rowWeight: Double = 1) {
    guard rowWeight > 0, rowWeight.isFinite else { return }
    guard probability >= 0 && probability <= 1 else {
      weightedError.add(.nan)
      return
    }
    let error = (label ? 1 : 0) - probability
    weightedError.add(rowWeight * (error * error))
    weight.add(rowWeight)
  }

  /// Adds every row another accumulator holds.
  public mutating func merge(_ other: BrierScore) {
    weightedError.add(other.weightedError)
    weight.add(other.weight)
  }

  /// The total weight of the rows added.
  public var totalWeight: Double { weight.value }

  /// The weighted mean squared error, or NaN when not computable.
  public var value: Double {
    let total = weight.value
    return total > 0 ? weightedError.value / total : .nan
  }
}
