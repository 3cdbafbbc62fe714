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
  public var rule: [SplitRule]
  /// For categorical splits, the category codes of the node's set; empty otherwise.
  public var categories: [[Int32]]
  /// The output of each leaf (internal nodes may hold their own value, used by nothing
  /// but reports).
  public var value: [Double]
  /// The amount of training data that reached each node (hessian sum or row count).
  public var cover: [Double]
  /// The names the model file gives these fields, so that messages about the tree use them.
  public var fieldNames: FieldNames = .generic

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

extension Tree {
  /// The names of a tree's per-node fields as a model format spells them.
  ///
  /// ``TreeEnsemble`` names the offending field in its messages (`tree 3, node 17,
  /// 'left_children': child 99 is out of range 0..<31`); a loader sets the names its format
  /// uses so the message points at the text the user sees in the file.
  public struct FieldNames: Sendable, Hashable {
    /// The field holding the feature index of each split.
    public var splitFeature: String
    /// The field holding each split's threshold.
    public var threshold: String
    /// The field holding each left child.
    public var leftChild: String
    /// The field holding each right child.
    public var rightChild: String
    /// The field holding the category sets of categorical splits.
    public var categories: String
    /// The field holding the leaf values.
    public var value: String
    /// The field holding the covers.
    public var cover: String

    /// Creates a set of field names.
    public init(
      splitFeature: String, threshold: String, leftChild: String, rightChild: String,
      categories: String, value: String, cover: String
    ) {
      self.splitFeature = splitFeature
      self.threshold = threshold
      self.leftChild = leftChild
      self.rightChild = rightChild
      self.categories = categories
      self.value = value
      self.cover = cover
    }

    /// Format-neutral names, matching the `Tree` properties in snake case.
    public static let generic = FieldNames(
      splitFeature: "split_feature", threshold: "threshold", leftChild: "left_child",
      rightChild: "right_child", categories: "categories", value: "value", cover: "cover")
  }
}
