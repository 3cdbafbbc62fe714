public import FairAttribution

extension ImportanceMetric where Self == AreaUnderCurve {
  /// The ROC AUC of the margins.
  public static var auc: AreaUnderCurve { AreaUnderCurve() }
}

extension ImportanceMetric where Self == NegativeLogLoss {
  /// The negated log-loss of the probabilities.
  public static var logLoss: NegativeLogLoss { NegativeLogLoss() }
}

extension ImportanceMetric where Self == DecisionAccuracy {
  /// The accuracy of the decisions `response ≥ threshold`.
  public static func accuracy(threshold: Double) -> DecisionAccuracy {
    DecisionAccuracy(threshold: threshold)
  }
}

extension ImportanceMetric where Self == DecisionRate {
  /// The rate of favourable decisions `response ≥ threshold`.
  public static func decisionRate(threshold: Double) -> DecisionRate {
    DecisionRate(threshold: threshold)
  }
}
