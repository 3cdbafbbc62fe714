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
  /// - Any other model has no exact method; the caller should fall back to a sampling method
  ///   such as KernelSHAP.
  ///
  /// - Parameters:
  ///   - model: The model to explain.
  ///   - hasBackground: Whether background rows are available.
  /// - Returns: The method, or the reason none fits.
  /// - Complexity: O(*T*) for *T* trees; O(1) otherwise.
  public static func choose(
    for model: any ScoringModel, hasBackground: Bool = false
  ) -> Choice {
    if let ensemble = model as? TreeEnsemble {
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
    return .unavailable(
      reason: "no exact method for \(model.summary.isEmpty ? "this model" : model.summary); "
        + "use a sampling method such as kernel SHAP")
  }
}
