public import FairModels

/// A score of a model's outputs whose drop measures a feature's importance.
///
/// Every metric is "greater is better", or reported as such (a loss is negated), so a
/// feature's importance is always `score(original) − score(permuted)`. The concrete metrics
/// (the AUC, log-loss, accuracy and decision rate) live with the other group metrics in
/// `FairMetrics`; any type with this shape can be measured.
public protocol ImportanceMetric: Sendable {
  /// The metric's name, as documents report it (`auc`, `log-loss`).
  var name: String { get }
  /// Whether the metric reads the labels; when not, they may be empty.
  var needsLabels: Bool { get }
  /// Whether the metric is undefined unless both classes occur among the labels.
  var needsBothClasses: Bool { get }

  /// The weighted score of one set of margins.
  ///
  /// - Parameters:
  ///   - margins: The model's margins, one per row.
  ///   - labels: 0 or 1 per row (ignored when ``needsLabels`` is false).
  ///   - weights: One non-negative weight per row.
  ///   - transform: The map from margin to the model's response.
  /// - Returns: The score; greater is better.
  func score(
    margins: ArraySlice<Double>, labels: [Double], weights: [Double], transform: OutputTransform
  ) -> Double
}

extension ImportanceMetric {
  /// By default a metric that reads labels needs both classes only if it says so.
  public var needsBothClasses: Bool { false }
}
