/// One PMML `TreeModel`, its nodes numbered in document (pre-)order, root first.
///
/// The public arrays describe the tree for explanations: TreeSHAP needs the training cover
/// of each node, which PMML carries as `Node@recordCount` (absent in trees that jpmml's
/// compactor rewrote, such as XGBoost and LightGBM conversions; use interventional methods
/// then). Children of node `n` are `children[childStart[n]..<childStart[n + 1]]`, in
/// document order, which is also the order in which their predicates are tried.
///
/// An immutable final class: trees are large and shared by every row being scored.
public final class PMMLTree: Sendable {
  /// The element path of the `TreeModel`.
  public let place: String
  /// The parent of each node; -1 for the root.
  public let parent: [Int32]
  /// Where each node's children start in ``children``; one extra entry closes the last.
  public let childStart: [Int32]
  /// The children of all nodes, grouped by parent.
  public let children: [Int32]
  /// `Node@recordCount`; NaN when absent.
  public let recordCount: [Double]
  /// The value of each node; NaN when the node has none.
  ///
  /// For regression trees, the `Node@score`; for classification trees, the probability of
  /// the positive class at the node (from `ScoreDistribution`, normalised; 1 or 0 for a
  /// node with only a `score`).
  public let value: [Double]
  /// `Node@id`, empty when absent.
  public let nodeID: [String]

  /// The predicate of each node.
  let predicates: [PMMLPredicate]
  /// Whether each node has a `score` attribute (only such nodes can be a result).
  let hasScore: [Bool]
  /// For classification trees, the category (0 or 1) of each node's `score`; -1 otherwise.
  let scoreCategory: [Int8]
  /// The node that `defaultChild` names, -1 when absent.
  let defaultChild: [Int32]

  /// The number of nodes.
  public var nodeCount: Int { parent.count }

  /// The children of `node`, in document order.
  public func children(of node: Int) -> ArraySlice<Int32> {
    children[Int(childStart[node])..<Int(childStart[node + 1])]
  }

  /// Creates a tree from its node arrays (used by the PMML compiler).
  init(
    place: String, parent: [Int32], childStart: [Int32], children: [Int32],
    recordCount: [Double], value: [Double], nodeID: [String], predicates: [PMMLPredicate],
    hasScore: [Bool], scoreCategory: [Int8], defaultChild: [Int32]
  ) {
    self.place = place
    self.parent = parent
    self.childStart = childStart
    self.children = children
    self.recordCount = recordCount
    self.value = value
    self.nodeID = nodeID
    self.predicates = predicates
    self.hasScore = hasScore
    self.scoreCategory = scoreCategory
    self.defaultChild = defaultChild
  }
}
