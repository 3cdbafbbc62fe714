/// A LightGBM objective that FairGate scores, read from the header's `objective=` line.
///
/// The line holds the objective's name and then its parameters as `key:value` words:
/// `binary sigmoid:1`, `regression`, `multiclass num_class:3`.
struct LightGBMObjective {
  /// The objective's name (`"binary"`).
  let name: String
  /// What the model predicts.
  let task: ModelTask
  /// The map from margin to response.
  let transform: OutputTransform
  /// The factor each tree's output is multiplied by: the `sigmoid` parameter of `binary`
  /// (1 for every other objective).
  let treeScale: Double

  /// Regression objectives whose prediction is the raw score itself.
  static let identityRegressions: Set<String> = [
    "regression", "regression_l2", "l2", "mean_squared_error", "mse", "l2_root",
    "root_mean_squared_error", "rmse", "regression_l1", "l1", "mean_absolute_error", "mae",
    "huber", "fair", "quantile", "mape", "mean_absolute_percentage_error",
  ]

  /// Reads the objective from the text of the `objective=` line.
  ///
  /// `binary sigmoid:K` predicts `1 / (1 + exp(-K · raw))`. FairGate keeps the margin equal
  /// to log-odds, so that the logistic transform gives the probability, by weighting every
  /// tree by K: the margin is then `K · raw`, which equals LightGBM's raw score when K is 1
  /// (the default, and the only value in practice). `cross_entropy` (`xentropy`) predicts
  /// `σ(raw)` and is read as a binary classifier too.
  ///
  /// - Throws: `ModelError` (`unsupported`) for multiclass, ranking and non-identity
  ///   regression objectives (`poisson`, `gamma`, `tweedie`, `regression sqrt`, …), and
  ///   (`malformed`) for a bad `sigmoid` value.
  /// With a declared `link`, `custom` (a custom objective) and an empty objective load as
  /// margin models with that link; a link that disagrees with a known objective is refused.
  static func parse(
    _ text: Substring, file: String, line: Int, link: ModelLink? = nil
  ) throws(ModelError) -> LightGBMObjective {
    let objective = try parseKnown(text, file: file, line: line, link: link)
    if let link, link != ModelLink(objective.transform) {
      throw ModelError(
        .unsupported, file: file, line: line, place: "'objective'",
        message: ModelLink.Message.disagrees(
          link, objective: objective.name, objectiveLink: ModelLink(objective.transform)))
    }
    return objective
  }

  private static func parseKnown(
    _ text: Substring, file: String, line: Int, link: ModelLink?
  ) throws(ModelError) -> LightGBMObjective {
    let words = text.split(separator: " ")
    let name = words.first.map(String.init) ?? ""
    var parameters: [String: String] = [:]
    var flags: Set<String> = []
    for word in words.dropFirst() {
      if let colon = word.firstIndex(of: ":") {
        parameters[String(word[..<colon])] = String(word[word.index(after: colon)...])
      } else {
        flags.insert(String(word))
      }
    }
    func unsupported(_ message: String) -> ModelError {
      ModelError(.unsupported, file: file, line: line, place: "'objective'", message: message)
    }
    switch name {
    case "binary":
      let scaleText = parameters["sigmoid"] ?? "1"
      guard let scale = Double(scaleText), scale.isFinite, scale > 0 else {
        throw ModelError(
          .malformed, file: file, line: line, place: "'objective'",
          message: "'sigmoid:\(scaleText)' is not a positive number")
      }
      return LightGBMObjective(
        name: name, task: .binaryClassification, transform: .logistic, treeScale: scale)
    case "cross_entropy", "xentropy":
      return LightGBMObjective(
        name: name, task: .binaryClassification, transform: .logistic, treeScale: 1)
    case "multiclass", "softmax", "multiclassova", "multiclass_ova", "ova", "ovr":
      throw unsupported(
        "objective '\(text)' is multiclass; multiclass models are not supported "
          + "(FairGate audits binary classifiers and regressors)")
    case _ where identityRegressions.contains(name):
      if flags.contains("sqrt") {
        throw unsupported(
          "objective '\(text)' predicts sign(raw)·raw² (trained with 'reg_sqrt'), "
            + "which is not supported")
      }
      return LightGBMObjective(name: name, task: .regression, transform: .identity, treeScale: 1)
    case "custom", "":
      guard let link else {
        throw unsupported(
          name.isEmpty
            ? "the model names no objective (trained with a custom objective?), so its output "
              + "cannot be interpreted; declare the link ('identity' or 'logistic')"
            : ModelLink.Message.undeclared(objective: name))
      }
      return LightGBMObjective(
        name: name.isEmpty ? "custom" : name, task: link.task, transform: link.transform,
        treeScale: 1)
    default:
      throw unsupported(
        "objective '\(name)' is not supported; supported objectives are 'binary', "
          + "'cross_entropy' and the identity regressions ('regression', 'regression_l1', "
          + "'huber', 'fair', 'quantile', 'mape')")
    }
  }
}
