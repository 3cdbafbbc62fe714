import RealModule

/// A named per-row loss of a model's margin and the row's label.
///
/// Loss attributions (``LossExplainer``) explain `L(f(x), y)`, where `f(x)` is the model's
/// margin (log-odds for classifiers) and `y` the row's label. Any loss works; the built-in
/// ``logLoss`` is the one shap's `model_output="log_loss"` explains. Callers above this
/// module (metrics with declared losses such as Brier or focal loss) wrap theirs in a
/// `MarginLoss`.
///
/// ```swift
/// let brier = MarginLoss(name: "brier") { margin, label in
///   let p = OutputTransform.logistic.apply(margin)
///   return (label - p) * (label - p)
/// }
/// ```
public struct MarginLoss: Sendable {
  /// The loss's name, as reports show it (`log-loss`, `brier`).
  public let name: String
  /// The loss of one row: `evaluate(margin, label)`.
  public let evaluate: @Sendable (Double, Double) -> Double

  /// Creates a loss.
  ///
  /// - Parameters:
  ///   - name: The loss's name, as reports show it.
  ///   - evaluate: The loss of one row from its margin and its label; it must be a pure
  ///     function, since it is called from several threads and many times per row.
  public init(name: String, evaluate: @escaping @Sendable (Double, Double) -> Double) {
    self.name = name
    self.evaluate = evaluate
  }

  /// The logistic log-loss of a margin, `log(1 + e^m) − y·m`.
  ///
  /// For `y` in {0, 1} this is `−[y·log p + (1 − y)·log(1 − p)]` with `p = σ(m)`, the loss
  /// of shap's `model_output="log_loss"`. The softplus is evaluated stably,
  /// `max(m, 0) + log1p(e^(−|m|))`, so large margins neither overflow nor lose the loss.
  public static let logLoss = MarginLoss(name: "log-loss") { margin, label in
    MarginLoss.softplus(margin) - label * margin
  }

  /// `log(1 + e^m)`, without overflow for large `m` or loss of precision for very negative `m`.
  static func softplus(_ margin: Double) -> Double {
    if margin.isNaN { return margin }
    return max(margin, 0) + Double.log(onePlus: Double.exp(-abs(margin)))
  }
}
