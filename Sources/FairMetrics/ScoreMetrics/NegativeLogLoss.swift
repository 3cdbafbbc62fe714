public import FairAttribution
public import FairModels
import RealModule

/// The negated weighted mean log-loss of the probabilities.
///
/// This is scikit-learn's `neg_log_loss`, with probabilities clipped to `[ε, 1 − ε]` for the machine epsilon `ε`, as `log_loss`
/// does. As an importance metric, a feature's importance is the increase of the log-loss.
///
/// The log-loss is mergeable: it is a weighted sum over rows divided by the total weight.
public struct NegativeLogLoss: ImportanceMetric, Hashable {
  /// Creates the metric.
  public init() {}

  /// `log-loss`.
  public var name: String { "log-loss" }
  /// True.
  public var needsLabels: Bool { true }

  /// The negated weighted mean log-loss.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  public func score(
    margins: ArraySlice<Double>, labels: [Double], weights: [Double], transform: OutputTransform
  ) -> Double {
    let base = margins.startIndex
    let epsilon = Double.ulpOfOne
    var total = 0.0
    for weight in weights { total += weight }
    var loss = 0.0
    for row in 0..<labels.count {
      let p = min(max(transform.apply(margins[base + row]), epsilon), 1 - epsilon)
      loss -= weights[row] * (labels[row] == 1 ? Double.log(p) : Double.log(1 - p))
    }
    return -loss / total
  }
}
