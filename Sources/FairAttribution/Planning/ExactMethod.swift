public import FairModels

/// An exact attribution method, as the command line names it.
public enum ExactMethod: String, Sendable, Hashable, CaseIterable, Codable {
  /// ``TreeSHAP``: path-dependent TreeSHAP from the model's covers.
  case treePathDependent = "tree-path"
  /// ``InterventionalTreeSHAP``: interventional TreeSHAP against a background.
  case treeInterventional = "tree-interventional"
  /// ``LinearSHAP``: closed-form SHAP of a linear margin.
  case linear

  /// The outcome of choosing an exact method for a model.
  public enum Choice: Sendable, Hashable {
    /// The method fits the model.
    case method(ExactMethod)
    /// No exact method fits; the reason says why, lower-case with no final period.
    case unavailable(reason: String)

    /// The chosen method, if any.
    public var method: ExactMethod? {
      if case .method(let method) = self { return method }
      return nil
    }
  }

  /// Chooses the exact method that `--method auto` uses for `model`.
  ///
  /// - A ``TreeEnsemble`` with covers (every tree's root cover positive and finite; zero
  ///   covers further down are read as tiny, see ``TreeSHAP``) gets path-dependent TreeSHAP.
  ///   Without covers, as in most PMML trees, it gets interventional TreeSHAP when a
  ///   background is available, and no exact method otherwise.
  /// - A ``LinearMarginModel`` gets linear SHAP.
  /// - A ``PMMLModel`` whose margin is a sum of one-field terms (regression models, general
  ///   regression models and scorecards; see ``AdditiveTermSHAP``) gets linear SHAP when a
  ///   background is available. PMML trees that are sums or averages of `TreeModel`s get
  ///   path-dependent TreeSHAP when every node carries a `recordCount`, and otherwise
  ///   interventional TreeSHAP (``PMMLInterventionalTreeSHAP``) when a background is
  ///   available; other PMML trees (boosted trees behind a link function, voting) get none.
  /// - Any other model has no exact method; the caller should fall back to a sampling method
  ///   such as KernelSHAP.
  ///
  /// Path-dependent TreeSHAP has no probability form, so for `output` probability, a binary
  /// classifier and a background, tree models get interventional TreeSHAP instead (as shap
  /// requires `feature_perturbation="interventional"` for `model_output="probability"`).
  ///
  /// - Parameters:
  ///   - model: The model to explain.
  ///   - hasBackground: Whether background rows are available.
  ///   - output: The output space the attributions will be asked for.
  /// - Returns: The method, or the reason none fits.
  /// - Complexity: O(*T*) for *T* trees; O(1) otherwise.
  public static func choose(
    for model: any ScoringModel, hasBackground: Bool = false, output: OutputSpace = .margin
  ) -> Choice {
    let choice = choose(forMargin: model, hasBackground: hasBackground)
    guard output == .probability, hasBackground, choice == .method(.treePathDependent),
      ProbabilityRescaling.hasProbability(model)
    else { return choice }
    if let trees = model as? any AdditiveTreeModel, !(model is any TreeEnsembleModel),
      PMMLInterventionalTreeSHAP.unsupportedReason(forTrees: trees) != nil
    {
      return choice
    }
    return .method(.treeInterventional)
  }

  /// The exact method for `model` in margin space, or why there is none.
  private static func choose(forMargin model: any ScoringModel, hasBackground: Bool) -> Choice {
    if let ensemble = (model as? any TreeEnsembleModel)?.treeEnsemble {
      let rootsHaveCovers = (0..<ensemble.treeCount).allSatisfy { tree in
        let cover = ensemble.cover[Int(ensemble.treeStart[tree])]
        return cover > 0 && cover.isFinite
      }
      if rootsHaveCovers { return .method(.treePathDependent) }
      if hasBackground { return .method(.treeInterventional) }
      return .unavailable(
        reason: "the tree model has no usable covers for path-dependent TreeSHAP; "
          + "give a background for interventional TreeSHAP")
    }
    if model is any LinearMarginModel { return .method(.linear) }
    if let terms = model as? any AdditiveTermModel, terms.linearDecomposition != nil {
      return choose(forTerms: terms, hasBackground: hasBackground)
    }
    if let trees = model as? any AdditiveTreeModel, trees.hasTrees {
      return choose(forTrees: trees, hasBackground: hasBackground)
    }
    return .unavailable(
      reason: "no exact method for \(model.summary.isEmpty ? "this model" : model.summary); "
        + "use a sampling method such as kernel SHAP")
  }
}

extension ExactMethod {
  /// The exact method for a model whose margin is a sum of terms, or why there is none.
  static func choose(forTerms model: any AdditiveTermModel, hasBackground: Bool) -> Choice {
    if let reason = AdditiveTermSHAP.unsupportedReason(forTerms: model) {
      return .unavailable(reason: reason)
    }
    if hasBackground { return .method(.linear) }
    return .unavailable(
      reason: "linear SHAP of \(model.summary) needs background rows for the term means")
  }

  /// The exact method for a model made of trees (PMML), or why there is none.
  static func choose(forTrees model: any AdditiveTreeModel, hasBackground: Bool) -> Choice {
    if PMMLTreeSHAP.unsupportedReason(forTrees: model) == nil {
      return .method(.treePathDependent)
    }
    if PMMLInterventionalTreeSHAP.unsupportedReason(forTrees: model) == nil {
      if hasBackground { return .method(.treeInterventional) }
      return .unavailable(
        reason: "PMML trees carry no usable recordCount covers for path-dependent TreeSHAP "
          + "(sklearn2pmml leaves them out or writes 1); give a background for "
          + "interventional TreeSHAP")
    }
    return .unavailable(
      reason: "PMML trees carry no usable recordCount covers for path-dependent TreeSHAP "
        + "(sklearn2pmml leaves them out or writes 1, and compacted XGBoost and LightGBM "
        + "trees drop them); interventional SHAP of \(model.summary) is exact with kernel "
        + "SHAP in exact mode (a sample budget of at least 2^M − 2 coalitions for M "
        + "fields) or estimated by permutation")
  }
}
