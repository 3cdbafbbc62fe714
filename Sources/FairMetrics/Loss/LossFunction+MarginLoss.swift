public import FairAttribution
public import FairModels

extension LossFunction {
  /// The loss as a function of the margin and the label, for loss attributions.
  ///
  /// The log-loss is `log(1 + eᵐ) − y·m`, the form shap's `model_output="log_loss"` uses
  /// (``MarginLoss/logLoss``): it equals ``evaluate(y:p:m:)`` with `p = σ(m)` except where
  /// that clips `p` (|m| > 36). Any other loss reads `p` through `link` (the model's
  /// response transform: logistic for a classifier, the identity for a regressor).
  ///
  /// - Parameter link: How the margin becomes the probability `p`.
  /// - Returns: The margin loss.
  public func marginLoss(link: OutputTransform) -> MarginLoss {
    if self == .logLoss { return .logLoss }
    let loss = self
    return MarginLoss(name: description) { margin, label in
      loss.evaluate(y: label, p: link.apply(margin), m: margin)
    }
  }
}
