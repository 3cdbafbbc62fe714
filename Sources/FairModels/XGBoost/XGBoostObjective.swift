import RealModule

/// An XGBoost objective that FairGate scores: what the model predicts, how its margin maps
/// to a response, and how the stored `base_score` maps to a margin.
struct XGBoostObjective {
  /// How the stored `base_score` (a response) becomes the margin offset.
  enum BaseScoreConversion {
    /// The stored value is the margin (squared error, `binary:logitraw`).
    case identity
    /// The stored value is a probability: the offset is its logit, computed in `Float`.
    case logit
  }

  /// The objective's name in the file (`"binary:logistic"`).
  let name: String
  /// What the model predicts.
  let task: ModelTask
  /// The map from margin to response.
  let transform: OutputTransform
  /// How `base_score` becomes the margin offset.
  let baseScoreConversion: BaseScoreConversion

  /// The objectives FairGate reads, by name.
  ///
  /// `binary:logitraw` is a classifier whose `Booster.predict()` returns the margin itself.
  /// FairGate reads it as a binary classifier with the logistic transform, so that its
  /// probability output (σ(margin), the probability the objective was trained for) exists
  /// for fairness metrics; its margins are exactly XGBoost's. `reg:linear` is the XGBoost
  /// 1.0 name of `reg:squarederror`.
  static let supported: [String: XGBoostObjective] = [
    "binary:logistic": .init(
      name: "binary:logistic", task: .binaryClassification, transform: .logistic,
      baseScoreConversion: .logit),
    "reg:logistic": .init(
      name: "reg:logistic", task: .binaryClassification, transform: .logistic,
      baseScoreConversion: .logit),
    "binary:logitraw": .init(
      name: "binary:logitraw", task: .binaryClassification, transform: .logistic,
      baseScoreConversion: .identity),
    "reg:squarederror": .init(
      name: "reg:squarederror", task: .regression, transform: .identity,
      baseScoreConversion: .identity),
    "reg:linear": .init(
      name: "reg:linear", task: .regression, transform: .identity, baseScoreConversion: .identity),
  ]

  /// The objective named `name`.
  ///
  /// - Throws: `ModelError` (`unsupported`) naming any other objective; multiclass objectives
  ///   get a message saying that multiclass models are not supported.
  static func named(_ name: String, file: String) throws(ModelError) -> XGBoostObjective {
    if let objective = supported[name] { return objective }
    let place = "'learner.objective.name'"
    if name.hasPrefix("multi:") {
      throw ModelError(
        .unsupported, file: file, place: place,
        message: "objective '\(name)' is multiclass; multiclass models are not supported "
          + "(FairGate audits binary classifiers and regressors)")
    }
    let names = supported.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
    throw ModelError(
      .unsupported, file: file, place: place,
      message: "objective '\(name)' is not supported; supported objectives are \(names)")
  }

  /// Objectives that `xgb.train(params, dtrain, obj=…)` records for a Python objective: it
  /// writes the default objective, `reg:squarederror`, and adds `base_score` to the margin
  /// as it is (XGBoost 3.2; no intercept is estimated for a Python objective).
  static let placeholdersOfCustomObjectives: Set<String> = ["reg:squarederror", "reg:linear"]

  /// This objective read with the caller's declared `link`.
  ///
  /// With no link, or one that agrees, the objective is unchanged. For the placeholder of
  /// a Python objective, `logistic` makes the model a binary classifier whose probability is
  /// σ(margin); the margin, including how `base_score` enters it, stays what XGBoost
  /// computes.
  ///
  /// - Throws: `ModelError` (`unsupported`) when `link` disagrees with a known objective.
  func declaring(_ link: ModelLink?, file: String) throws(ModelError) -> XGBoostObjective {
    guard let link, link != ModelLink(transform) else { return self }
    guard Self.placeholdersOfCustomObjectives.contains(name) else {
      throw ModelError(
        .unsupported, file: file, place: "'learner.objective.name'",
        message: ModelLink.Message.disagrees(
          link, objective: name, objectiveLink: ModelLink(transform)))
    }
    return XGBoostObjective(
      name: name, task: link.task, transform: link.transform,
      baseScoreConversion: baseScoreConversion)
  }

  /// The margin offset for the stored `base_score` `value`, computed as XGBoost does.
  ///
  /// For logistic objectives XGBoost computes `-logf(1.0f / p - 1.0f)` in `Float`, after
  /// clamping `p` to [1e-6, 1 - 1e-6] (3.x; earlier versions required 0 < p < 1). Doing the
  /// same in `Float` reproduces XGBoost's margins bit for bit; a `Double` logit rounded to
  /// `Float` is off by one ulp for some values.
  func baseMargin(fromStored value: Float) -> Float {
    switch baseScoreConversion {
    case .identity:
      return value
    case .logit:
      let epsilon: Float = 1e-6
      let probability = min(max(value, epsilon), 1 - epsilon)
      return -Float.log(1 / probability - 1)
    }
  }
}
