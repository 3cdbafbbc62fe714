public import FairAttribution
public import FairModels

/// The area under the ROC curve of the margins, as scikit-learn's `roc_auc_score` computes
/// it with sample weights: trapezoids between distinct scores, so tied scores count one half.
///
/// The AUC is rank-based, so margins and probabilities give the same value. It needs both
/// classes among the labels. It is not mergeable across chunks of rows from sums alone: it
/// needs every score (or a count per distinct score and class).
public struct AreaUnderCurve: ImportanceMetric, Hashable {
  /// Creates the metric.
  public init() {}

  /// `auc`.
  public var name: String { "auc" }
  /// True: the AUC compares the scores of positive and negative rows.
  public var needsLabels: Bool { true }
  /// True: the AUC is undefined with one class.
  public var needsBothClasses: Bool { true }

  /// The weighted AUC of `margins` against `labels`.
  ///
  /// - Complexity: O(*n* log *n*) for *n* rows.
  public func score(
    margins: ArraySlice<Double>, labels: [Double], weights: [Double], transform: OutputTransform
  ) -> Double {
    AreaUnderCurve.value(scores: margins, labels: labels, weights: weights)
  }

  /// The weighted ROC AUC of `scores` with ties counted one half; NaN when a class has no
  /// weight.
  ///
  /// - Parameters:
  ///   - scores: One score per row; greater means more likely positive.
  ///   - labels: 0 or 1 per row.
  ///   - weights: One non-negative weight per row.
  /// - Complexity: O(*n* log *n*) for *n* rows.
  public static func value(scores: ArraySlice<Double>, labels: [Double], weights: [Double])
    -> Double
  {
    let base = scores.startIndex
    let order = (0..<labels.count).sorted { a, b in
      let left = scores[base + a]
      let right = scores[base + b]
      return left != right ? left > right : a < b
    }
    var truePositives = 0.0
    var falsePositives = 0.0
    var area = 0.0
    var index = 0
    while index < order.count {
      let score = scores[base + order[index]]
      var positives = 0.0
      var negatives = 0.0
      while index < order.count && scores[base + order[index]] == score {
        let row = order[index]
        if labels[row] == 1 { positives += weights[row] } else { negatives += weights[row] }
        index += 1
      }
      area += negatives * (truePositives + truePositives + positives) / 2
      truePositives += positives
      falsePositives += negatives
    }
    return area / (truePositives * falsePositives)
  }
}
