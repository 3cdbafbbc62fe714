public import FairAttribution
public import FairModels

/// The weighted share of rows with a favourable decision, `response ≥ threshold`.
///
/// The labels are not used. As an importance metric, a feature's importance is how much the decision
/// rate falls when the feature is permuted (negative when it rises).
public struct DecisionRate: ImportanceMetric, Hashable {
  /// The response at or above which the decision is favourable.
  public var threshold: Double

  /// Creates the metric.
  public init(threshold: Double) { self.threshold = threshold }

  /// `decision-rate`.
  public var name: String { "decision-rate" }
  /// False: only the decisions count.
  public var needsLabels: Bool { false }

  /// The weighted rate of favourable decisions.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  public func score(
    margins: ArraySlice<Double>, labels: [Double], weights: [Double], transform: OutputTransform
  ) -> Double {
    let base = margins.startIndex
    var total = 0.0
    for weight in weights { total += weight }
    var favourable = 0.0
    for row in 0..<weights.count where transform.apply(margins[base + row]) >= threshold {
      favourable += weights[row]
    }
    return favourable / total
  }
}
