/// The loss and the cost matrix an audit declares, for loss and expected cost per slice and
/// for loss attributions.
public struct LossDeclaration: Sendable, Hashable {
  /// The per-row loss, if one is declared.
  public var loss: LossFunction?
  /// The cost matrix of decisions, if one is declared.
  public var costs: CostMatrix?

  /// Creates a declaration.
  public init(loss: LossFunction? = nil, costs: CostMatrix? = nil) {
    self.loss = loss
    self.costs = costs
  }
}
