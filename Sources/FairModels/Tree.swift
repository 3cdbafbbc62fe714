/// One decision tree as a loader reads it: parallel arrays indexed by node, with children
/// given as node indexes within the tree.
///
/// Loaders fill a `Tree` per tree and hand them to ``TreeEnsemble``, which checks and
/// flattens them.
public struct Tree: Sendable, Equatable {
  /// The feature each split reads; -1 marks a leaf.
  public var splitFeature: [Int32]
  /// The numeric threshold of each split (unused for leaves and categorical splits).
  public var threshold: [Double]
  /// The left child of each split node; -1 for leaves.
  public var leftChild: [Int32]
  /// The right child of each split node; -1 for leaves.
  public var rightChild: [Int32]
  /// How each split decides.
  public var rule: [DecisionRule]
  /// For categorical splits, the category codes of the node's set; empty otherwise.
  public var categories: [[Int32]]
  /// The output of each leaf (internal nodes may hold their own value, used by nothing
  /// but reports).
  public var value: [Double]
  /// The amount of training data that reached each node (hessian sum or row count).
  public var cover: [Double]

  /// Creates a tree with `nodeCount` nodes, all leaves with value 0, for a loader to fill.
  public init(nodeCount: Int) {
    splitFeature = Array(repeating: -1, count: nodeCount)
    threshold = Array(repeating: 0, count: nodeCount)
    leftChild = Array(repeating: -1, count: nodeCount)
    rightChild = Array(repeating: -1, count: nodeCount)
    rule = Array(repeating: [], count: nodeCount)
    categories = Array(repeating: [], count: nodeCount)
    value = Array(repeating: 0, count: nodeCount)
    cover = Array(repeating: 0, count: nodeCount)
  }

  /// The number of nodes.
  public var nodeCount: Int { splitFeature.count }
}
