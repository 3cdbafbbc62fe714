public import FairAttribution

/// The loss and the cost matrix an audit declares, for loss and expected cost per slice and
/// for loss attributions.
public struct LossDeclaration: Sendable, Hashable {
  /// The per-row loss, if one is declared.
  public var loss: LossFunction?
  /// The cost matrix of decisions, if one is declared.
  public var costs: CostMatrix?
  /// How the loss is attributed to features: `tree` (exact, tree ensembles), `permutation`
  /// (sampled, any model) or `auto`.
  public var attributionMethod: LossExplainer.Method

  /// Creates a declaration.
  public init(
    loss: LossFunction? = nil, costs: CostMatrix? = nil,
    attributionMethod: LossExplainer.Method = .auto
  ) {
    self.loss = loss
    self.costs = costs
    self.attributionMethod = attributionMethod
  }
}
