/// The result of one model element for one row.
///
/// Classification results are binary: category 1 is the model's positive class, category 0
/// the other one.
struct PMMLPrediction: Sendable {
  /// Regression: the predicted value; NaN when missing or for classification.
  var value: Double
  /// Classification: the probability of the positive class; NaN when missing.
  var probability: Double
  /// Classification: the log-odds of the positive class when the model computes its
  /// probability as the logistic function of a margin; NaN otherwise.
  var logOdds: Double
  /// Classification: the predicted category (0 or 1), -1 when missing.
  var category: Int

  /// A missing prediction.
  static let missing = PMMLPrediction(value: .nan, probability: .nan, logOdds: .nan, category: -1)

  /// A regression result.
  static func regression(_ value: Double) -> PMMLPrediction {
    PMMLPrediction(value: value, probability: .nan, logOdds: .nan, category: -1)
  }

  /// A classification result from the positive-class probability, with the winner chosen
  /// as jpmml-evaluator does (the first category in `order` wins ties).
  static func classification(
    probability: Double, logOdds: Double = .nan, firstCategory: Int = 0
  ) -> PMMLPrediction {
    guard !probability.isNaN else { return .missing }
    let firstProbability = firstCategory == 1 ? probability : 1 - probability
    let winner = firstProbability >= 1 - firstProbability ? firstCategory : 1 - firstCategory
    return PMMLPrediction(value: .nan, probability: probability, logOdds: logOdds, category: winner)
  }

  /// Whether the model produced no result.
  var isMissing: Bool { value.isNaN && probability.isNaN }
}
