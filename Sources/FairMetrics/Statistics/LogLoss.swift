import RealModule
import _FairSupport

/// The weighted mean log-loss (cross-entropy) of probabilities for binary labels, equal to
/// scikit-learn 1.9's `log_loss(y, p, sample_weight=w)`.
///
/// scikit-learn 1.9 clips each class probability to `[ε, 1 - ε]` with `ε` the machine
/// epsilon of `Double` (2⁻⁵²), after forming `1 - p` for the negative class:
///
/// ```
/// loss_i = -log(clip(p_i))          when y_i = 1
///        = -log(clip(1 - p_i))      when y_i = 0
/// LogLoss = Σ w_i·loss_i / Σ w_i
/// ```
///
/// **Mergeable.** The value is a ratio of two sums, kept exactly (`ExactSum`), so chunks
/// accumulated separately and combined with ``merge(_:)`` give the same bits as one pass,
/// in any order. A probability outside `[0, 1]` or NaN makes the value NaN (scikit-learn
/// raises); zero total weight makes it NaN (not computable). Rows whose weight is zero,
/// negative or not finite are left out, as in every FairMetrics statistic.
public struct LogLoss: Sendable, Hashable, Codable {
  /// `Σ w_i·loss_i`.
  private var weightedLoss = ExactSum()
  /// `Σ w_i`.
  private var weight = ExactSum()

  /// scikit-learn's clipping bound, `ε = 2⁻⁵²`.
  public static let clippingEpsilon = Double.ulpOfOne

  /// Creates an empty accumulator, whose value is NaN.
  public init() {}

  /// Computes the log-loss of a whole data set.
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
      weightedLoss.add(.nan)
      return
    }
    let epsilon = Self.clippingEpsilon
    let classProbability = label ? probability : 1 - probability
    let clipped = min(max(classProbability, epsilon), 1 - epsilon)
    weightedLoss.add(rowWeight * -Double.log(clipped))
    weight.add(rowWeight)
  }

  /// Adds every row another accumulator holds.
  public mutating func merge(_ other: LogLoss) {
    weightedLoss.add(other.weightedLoss)
    weight.add(other.weight)
  }

  /// The total weight of the rows added.
  public var totalWeight: Double { weight.value }

  /// The weighted mean loss, or NaN when not computable.
  public var value: Double {
    let total = weight.value
    return total > 0 ? weightedLoss.value / total : .nan
  }
}
