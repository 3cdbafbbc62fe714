public import FairModels

/// The explainer chosen for a model and a request, with the reason for the choice.
///
/// `auto` takes the exact method that fits the model (path-dependent TreeSHAP for tree
/// ensembles with covers, linear SHAP for linear margins) and falls back to KernelSHAP;
/// an explicit method that does not fit the model is an error naming both. Told that the
/// attributions will be asked for in probability space, `auto` takes interventional TreeSHAP
/// for tree models instead, since path-dependent TreeSHAP has no probability form.
///
/// ```swift
/// let plan = try ExplanationPlan(model: model, method: .auto, background: background)
/// let attributions = try plan.explainer.explain(rows, options: ExplainOptions(threads: 4))
/// ```
public struct ExplanationPlan: Sendable {
  /// The method used (never ``AttributionMethod/auto``).
  public let method: AttributionMethod
  /// The prepared explainer.
  public let explainer: any Explainer
  /// Why the method was chosen, when `auto` chose it; lower-case with no final period.
  public let reason: String?
  /// The feature groups of the request.
  public let groups: [FeatureGroup]

  /// Chooses and prepares an explainer.
  ///
  /// - Parameters:
  ///   - model: The model to explain.
  ///   - method: The requested method; `auto` chooses.
  ///   - background: Background rows bound to the model's features; methods that need
  ///     one fail without it.
  ///   - samples: The sample budget of sampling methods: coalitions per row for KernelSHAP
  ///     (shap's `nsamples`), perturbations per row for LIME, the most permutations for
  ///     permutation Shapley; `nil` for each method's default.
  ///   - steps: The integration steps of integrated gradients.
  ///   - groups: Feature groups whose members are attributed as one player by the sampling
  ///     methods; exact methods attribute members separately, and callers sum them.
  ///   - threads: The threads that build the explainer's tables.
  ///   - output: The output space the attributions will be asked for, when known. With
  ///     probability and a background, `auto` takes interventional TreeSHAP where it would
  ///     take path-dependent TreeSHAP (see ``ExactMethod/choose(for:hasBackground:output:)``);
  ///     `nil` and margin keep the margin-space choice.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/unsupportedModel`` when
  ///   the method does not fit the model, or ``AttributionError/Kind/invalidBackground``
  ///   when it needs a background and none was given.
  /// - Complexity: That of preparing the chosen explainer.
  public init(
    model: any ScoringModel, method: AttributionMethod, background: FeatureMatrix?,
    samples: Int? = nil, steps: Int = 50, groups: [FeatureGroup] = [], threads: Int = 1,
    output: OutputSpace? = nil
  ) throws {
    var chosen = method
    var reason: String?
    if method == .auto {
      let hasBackground = background != nil
      let choice = ExactMethod.choose(
        for: model, hasBackground: hasBackground, output: output ?? .margin)
      switch choice {
      case .method(let exact):
        chosen = AttributionMethod(exact)
        reason = "\(chosen.rawValue) is exact for \(model.summary)"
        if choice != ExactMethod.choose(for: model, hasBackground: hasBackground) {
          reason? += AttributionError.Message.probabilityNeedsInterventional
        }
      case .unavailable(let why):
        chosen = .kernel
        reason = "kernel SHAP, since \(why)"
      }
    }
    func need() throws -> FeatureMatrix {
      guard let background else {
        throw AttributionError(
          .invalidBackground,
          message: AttributionError.Message.needsBackground(chosen.rawValue))
      }
      return background
    }
    func unfit(_ what: String) -> AttributionError {
      AttributionError(
        .unsupportedModel,
        message: AttributionError.Message.unfit(chosen.rawValue, needs: what, model: model.summary))
    }
    let explainer: any Explainer
    switch chosen {
    case .auto:
      preconditionFailure("auto is resolved above")
    case .treePathDependent:
      if let trees = model as? any AdditiveTreeModel {
        if let why = PMMLTreeSHAP.unsupportedReason(forTrees: trees) {
          throw AttributionError(
            .unsupportedModel, message: "'tree-path' cannot explain \(model.summary): \(why)")
        }
        explainer = try PMMLTreeSHAP(trees: trees)
        break
      }
      guard let ensemble = (model as? any TreeEnsembleModel)?.treeEnsemble else {
        throw unfit("a tree ensemble")
      }
      guard ensemble.cover.allSatisfy({ $0 > 0 && $0.isFinite }) else {
        throw AttributionError(
          .unsupportedModel,
          message: "'tree-path' needs node covers, which \(model.summary) lacks; use "
            + "'tree-interventional'")
      }
      explainer = TreeSHAP(model: ensemble, threads: threads)
    case .treeInterventional:
      if let trees = model as? any AdditiveTreeModel {
        if let why = PMMLInterventionalTreeSHAP.unsupportedReason(forTrees: trees) {
          throw AttributionError(
            .unsupportedModel,
            message: "'tree-interventional' cannot explain \(model.summary): \(why)")
        }
        explainer = try PMMLInterventionalTreeSHAP(trees: trees, background: try need())
        break
      }
      guard let ensemble = (model as? any TreeEnsembleModel)?.treeEnsemble else {
        throw unfit("a tree ensemble")
      }
      explainer = try InterventionalTreeSHAP(
        model: ensemble, background: try need(), threads: threads)
    case .linear:
      if let linear = model as? any LinearMarginModel {
        explainer = try LinearSHAP(model: linear, background: try need())
      } else if let terms = model as? any AdditiveTermModel, terms.linearDecomposition != nil {
        // Throws unsupported-model, naming the term, when a term reads several fields.
        explainer = try AdditiveTermSHAP(terms: terms, background: try BackgroundData(try need()))
      } else {
        throw unfit("a model whose margin is linear in its inputs")
      }
    case .kernel:
      explainer = try KernelSHAP(
        model: model, background: try BackgroundData(try need()), sampleCount: samples,
        groups: groups)
    case .permutation:
      explainer = try PermutationShapley(
        model: model, background: try BackgroundData(try need()),
        maximumPermutations: max(16, samples ?? 1024), groups: groups)
    case .lime:
      explainer = try LIMETabular(
        model: model, training: try BackgroundData(try need()), sampleCount: samples ?? 5000)
    case .integratedGradients:
      guard let differentiable = model as? any DifferentiableModel,
        differentiable.isDifferentiable
      else {
        throw unfit("a differentiable model (a neural network or a regression)")
      }
      explainer = try IntegratedGradients(
        model: differentiable, baseline: .backgroundMean(try BackgroundData(try need())),
        steps: steps)
    }
    self.method = chosen
    self.explainer = explainer
    self.reason = reason
    self.groups = groups
  }

  /// Explains every row of `matrix`, one column per feature group and ungrouped feature.
  ///
  /// Sampling methods already treat each group as one player; the per-feature results of
  /// the other methods are summed over each group's members, which is exact for them
  /// because their attributions are additive.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: Output space, threads and seed.
  /// - Returns: The attributions, grouped.
  /// - Throws: ``AttributionError`` or the model's error.
  /// - Complexity: That of the chosen explainer.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    let attributions = try explainer.explain(matrix, options: options)
    guard !groups.isEmpty, attributions.featureCount == matrix.featureCount else {
      return attributions
    }
    return try attributions.grouped(by: groups)
  }
}

extension AttributionMethod {
  /// The command-line name of an exact method.
  package init(_ exact: ExactMethod) {
    switch exact {
    case .treePathDependent: self = .treePathDependent
    case .treeInterventional: self = .treeInterventional
    case .linear: self = .linear
    }
  }
}
