/// One compiled model element: the top-level model or a segment's model.
///
/// An immutable final class, so that an ensemble's segments are passed around by reference
/// while scoring rather than copied.
final class PMMLSubmodel: Sendable {
  /// The mining function.
  enum Function: Sendable, Hashable {
    case regression, classification
  }

  /// The model-specific part.
  enum Body: Sendable {
    case regression(PMMLRegressionBody)
    case generalRegression(PMMLGeneralRegressionBody)
    case scorecard(PMMLScorecardBody)
    case tree(PMMLTreeBody)
    case mining(PMMLMiningBody)
    case neuralNetwork(PMMLNeuralBody)
  }

  /// The element name (`TreeModel`, …).
  let elementName: String
  /// The mining function.
  let function: Function
  /// The model-specific part.
  let body: Body
  /// Whether `x-mathContext="float"`: arithmetic rounds to `Float`.
  let isFloat: Bool
  /// The `Targets` post-processing.
  let targets: PMMLTargets
  /// Output fields written after each prediction, for later segments of a model chain.
  let outputs: [PMMLOutputAssignment]
  /// Whether a classification result's probability is the logistic function of its
  /// log-odds, so that ``PMMLPrediction/logOdds`` is always set with it.
  let isLogitLinked: Bool

  init(
    elementName: String, function: Function, body: Body, isFloat: Bool, targets: PMMLTargets,
    outputs: [PMMLOutputAssignment], isLogitLinked: Bool
  ) {
    self.elementName = elementName
    self.function = function
    self.body = body
    self.isFloat = isFloat
    self.targets = targets
    self.outputs = outputs
    self.isLogitLinked = isLogitLinked
  }
}
