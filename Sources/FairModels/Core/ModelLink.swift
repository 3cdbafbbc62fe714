/// How a tree model's margin maps to its prediction, declared by the caller when the model
/// file does not say.
///
/// A model trained with a custom objective (a focal or asymmetric loss written in Python)
/// records no link: LightGBM writes `objective=custom`, and `xgb.train(params, dtrain,
/// obj=…)` records the placeholder `reg:squarederror`. FairGate never guesses that such a
/// margin is log-odds; the caller declares it when loading.
///
/// ```swift
/// let model = try ModelLoader.load(contentsOf: "focal.txt", link: .logistic)
/// ```
///
/// A declared link must agree with a known objective: `logistic` for `binary`,
/// `binary:logistic` or `cross_entropy`, `identity` for the identity regressions. The one
/// exception is XGBoost's `reg:squarederror`, which is also what XGBoost records for a Python
/// objective, so either link is accepted for it.
public enum ModelLink: String, Sendable, Hashable, CaseIterable, Codable {
  /// The margin is the prediction: the model is a regressor.
  case identity
  /// The margin is log-odds: the model is a binary classifier with probability σ(margin).
  case logistic

  /// What a model with this link predicts.
  public var task: ModelTask {
    switch self {
    case .identity: .regression
    case .logistic: .binaryClassification
    }
  }

  /// The map from margin to prediction.
  public var transform: OutputTransform {
    switch self {
    case .identity: .identity
    case .logistic: .logistic
    }
  }

  /// The link of a model with `transform`.
  init(_ transform: OutputTransform) {
    switch transform {
    case .identity: self = .identity
    case .logistic: self = .logistic
    }
  }
}

extension ModelLink {
  /// Messages about declared links, shared by the loaders.
  enum Message {
    /// A custom objective loaded without a declared link.
    static func undeclared(objective: String) -> String {
      "objective '\(objective)' does not say how the margin maps to a prediction; "
        + "declare the link ('identity' or 'logistic')"
    }

    /// A declared link that contradicts a known objective.
    static func disagrees(_ link: ModelLink, objective: String, objectiveLink: ModelLink)
      -> String
    {
      "the declared link '\(link.rawValue)' disagrees with objective '\(objective)', "
        + "whose link is '\(objectiveLink.rawValue)'"
    }

    /// A link declared for a format that states its own output.
    static let notApplicable =
      "a link can be declared only for XGBoost and LightGBM models; PMML states its own output"
  }
}
