public import FairAttribution
public import FairModels

/// The weighted share of rows whose decision `response ≥ threshold` equals the label.
///
/// scikit-learn's `predict` decides with a strict `p > 0.5`, which differs only for
/// responses exactly at the threshold.
public struct DecisionAccuracy: ImportanceMetric, Hashable {
  /// The response at or above which the decision is positive.
  public var threshold: Double

  /// Creates the metric.
  public init(threshold: Double) { self.threshold = threshold }

  /// `accuracy`.
  public var name: String { "accuracy" }
  /// True.
  public var needsLabels: Bool { true }

  /// The weighted accuracy of the decisions.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  public func score(
    margins: ArraySlice<Double>, labels: [Double], weights: [Double], transform: OutputTransform
  ) -> Double {
    let base = margins.startIndex
    var total = 0.0
    for weight in weights { total += weight }
    var correct = 0.0
    for row in 0..<labels.count {
      let positive = transform.apply(margins[base + row]) >= threshold
      if positive == (labels[row] == 1) { correct += weights[row] }
    }
    return correct / total
  }
}
