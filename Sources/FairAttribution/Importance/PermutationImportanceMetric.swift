import FairModels
import RealModule

extension PermutationImportance {
  /// The score whose drop measures a feature's importance; every metric is "greater is
  /// better" or reported as such, so the importance is always `score(original) −
  /// score(permuted)`.
  public enum Metric: Sendable, Hashable {
    /// The area under the ROC curve of the margins, with tied scores handled as scikit-
    /// learn's `roc_auc_score` does (trapezoids between distinct thresholds, i.e. ties count
    /// one half). Needs both classes among the labels.
    case auc
    /// The negated mean log-loss of the probabilities (scikit-learn's `neg_log_loss`), with
    /// probabilities clipped to `[ε, 1 − ε]` for the machine epsilon `ε`, as `log_loss`
    /// does. The importance is the increase of the log-loss.
    case logLoss
    /// The share of rows whose decision `response ≥ threshold` equals the label. scikit-
    /// learn's `predict` decides with a strict `p > 0.5`, which differs only for responses
    /// exactly at the threshold.
    case accuracy(threshold: Double)
    /// The share of rows with a favourable decision, `response ≥ threshold`; the labels are
    /// not used. The importance is how much the decision rate falls when the feature is
    /// permuted (negative when it rises).
    case decisionRate(threshold: Double)

    /// Whether the metric reads labels.
    var needsLabels: Bool {
      if case .decisionRate = self { return false }
      return true
    }

    /// The weighted score of margins.
    ///
    /// - Parameters:
    ///   - margins: The model's margins, one per row.
    ///   - labels: 0 or 1 per row (ignored by the decision rate).
    ///   - weights: One weight per row.
    ///   - transform: The map from margin to response.
    /// - Complexity: O(*n* log *n*) for the AUC, O(*n*) otherwise.
    func score(
      margins: ArraySlice<Double>, labels: [Double], weights: [Double],
      transform: OutputTransform
    ) -> Double {
      let base = margins.startIndex
      var total = 0.0
      for weight in weights { total += weight }
      switch self {
      case .auc:
        return Metric.areaUnderCurve(margins: margins, labels: labels, weights: weights)
      case .logLoss:
        let epsilon = Double.ulpOfOne
        var loss = 0.0
        for row in 0..<labels.count {
          let p = min(max(transform.apply(margins[base + row]), epsilon), 1 - epsilon)
          loss -= weights[row] * (labels[row] == 1 ? Double.log(p) : Double.log(1 - p))
        }
        return -loss / total
      case .accuracy(let threshold):
        var correct = 0.0
        for row in 0..<labels.count {
          let positive = transform.apply(margins[base + row]) >= threshold
          if positive == (labels[row] == 1) { correct += weights[row] }
        }
        return correct / total
      case .decisionRate(let threshold):
        var favourable = 0.0
        for row in 0..<weights.count where transform.apply(margins[base + row]) >= threshold {
          favourable += weights[row]
        }
        return favourable / total
      }
    }

    /// The weighted ROC AUC with ties between scores counted one half.
    private static func areaUnderCurve(
      margins: ArraySlice<Double>, labels: [Double], weights: [Double]
    ) -> Double {
      let base = margins.startIndex
      let order = (0..<labels.count).sorted { a, b in
        let left = margins[base + a]
        let right = margins[base + b]
        return left != right ? left > right : a < b
      }
      var truePositives = 0.0
      var falsePositives = 0.0
      var area = 0.0
      var index = 0
      while index < order.count {
        let score = margins[base + order[index]]
        var positives = 0.0
        var negatives = 0.0
        while index < order.count && margins[base + order[index]] == score {
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
}
