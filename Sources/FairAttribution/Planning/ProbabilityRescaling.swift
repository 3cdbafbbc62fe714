import FairModels

/// shap's rule that turns interventional margin attributions into probability attributions
/// (<doc:TreeSHAPAlgorithms#Probability-space>), shared by every interventional explainer.
///
/// For an explained row with margin `f(x)` and a background row with margin `f(r)`, the
/// margin attributions of the pair, `φ(x; r)`, are multiplied by
///
/// ```
/// [g(f(x)) − g(f(r))] / [f(x) − f(r)]          (1 when the margins are equal)
/// ```
///
/// where `g` is the model's output transform, and then averaged over the background with its
/// weights; the base value is the weighted mean of `g(f(r))`. Each pair's margin values add
/// up to `f(x) − f(r)`, so the rescaled ones add up to `g(f(x)) − g(f(r))` and local accuracy
/// holds in probability space. With the identity transform (a classifier whose margin already
/// is its probability) the factor is exactly 1. This is a rescaling, not the Shapley value of
/// the probability-valued game.
struct ProbabilityRescaling: Sendable {
  /// The map from margin to probability.
  let transform: OutputTransform

  /// Whether a model of `task` with `transform` has a probability output: a binary
  /// classifier (whose response is the probability of the positive class), or a logistic
  /// transform.
  static func hasProbability(task: ModelTask, transform: OutputTransform) -> Bool {
    task == .binaryClassification || transform == .logistic
  }

  /// Whether `model` has a probability output; see ``hasProbability(task:transform:)``.
  static func hasProbability(_ model: any ScoringModel) -> Bool {
    hasProbability(task: model.task, transform: model.outputTransform)
  }

  /// The output spaces of an interventional explainer of a model of `task` and `transform`.
  static func outputs(task: ModelTask, transform: OutputTransform) -> Set<OutputSpace> {
    hasProbability(task: task, transform: transform) ? [.margin, .probability] : [.margin]
  }

  /// The probability of `margin`.
  @inline(__always)
  func probability(_ margin: Double) -> Double { transform.apply(margin) }

  /// The factor for the pair of margins `x` (explained row) and `reference`.
  @inline(__always)
  func factor(_ x: Double, _ reference: Double) -> Double {
    factor(x, probability(x), reference, probability(reference))
  }

  /// The factor for the pair of margins `x` and `reference` whose probabilities are already
  /// known, so that a background's probabilities are computed once.
  @inline(__always)
  func factor(
    _ x: Double, _ xProbability: Double, _ reference: Double, _ referenceProbability: Double
  ) -> Double {
    guard transform != .identity, x != reference else { return 1 }
    return (xProbability - referenceProbability) / (x - reference)
  }
}
