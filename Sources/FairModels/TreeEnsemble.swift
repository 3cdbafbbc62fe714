/// A boosted or bagged ensemble of decision trees, stored as flat arrays (no object per node).
///
/// All trees' nodes live in the same arrays; tree `t` occupies nodes
/// `treeStart[t]..<treeStart[t + 1]` and its root is `treeStart[t]`. Child indexes are
/// absolute. The margin of a row is
///
/// ```
/// margin = baseMargin + Σ_t weight[t] · leaf_t(x)          (divided by T when averaging)
/// ```
///
/// summed in `Float` for XGBoost models (bit-for-bit as XGBoost sums) and in `Double` for
/// LightGBM models.
public struct TreeEnsemble: ScoringModel, Sendable {
  /// The arithmetic in which leaf values are summed.
  public enum Accumulation: String, Sendable, Hashable {
    /// XGBoost: the base margin and each leaf value are rounded to `Float` and summed in it.
    case float32
    /// LightGBM and PMML: sums in `Double`.
    case float64
  }

  /// The model's inputs, in order.
  public let features: [ModelFeature]
  /// What the model predicts.
  public let task: ModelTask
  /// The map from margin to response.
  public let outputTransform: OutputTransform
  /// A short description for reports.
  public let summary: String

  /// The feature read by each node; -1 for leaves.
  public let splitFeature: [Int32]
  /// The numeric threshold of each split node.
  public let threshold: [Double]
  /// The absolute index of each node's left child; -1 for leaves.
  public let leftChild: [Int32]
  /// The absolute index of each node's right child; -1 for leaves.
  public let rightChild: [Int32]
  /// The decision rule of each node.
  public let rule: [DecisionRule]
  /// For categorical nodes, the first word of the node's category bitset in ``categoryWords``.
  public let categoryStart: [Int32]
  /// For categorical nodes, the number of 32-bit words of the node's bitset.
  public let categoryWordCount: [Int32]
  /// The category bitsets of all categorical nodes: bit `c` set when category `c` is in the set.
  public let categoryWords: [UInt32]
  /// The value of each node (leaf outputs; internal values if the format has them).
  public let value: [Double]
  /// The cover of each node.
  public let cover: [Double]
  /// The first node of each tree, plus the total node count at the end.
  public let treeStart: [Int32]
  /// The weight of each tree (1 except for DART boosters).
  public let treeWeight: [Double]
  /// The offset added to every margin.
  public let baseMargin: Double
  /// How leaf values are summed.
  public let accumulation: Accumulation
  /// Whether the sum is divided by the number of trees (random-forest mode).
  public let averagesTrees: Bool
  /// The depth of the deepest tree (a lone leaf has depth 0).
  public let maxDepth: Int

  /// The number of trees.
  public var treeCount: Int { treeStart.count - 1 }

  /// Checks and flattens trees into an ensemble.
  ///
  /// - Parameters:
  ///   - trees: The trees, in boosting order.
  ///   - weights: One weight per tree; `nil` means 1 for every tree.
  ///   - baseMargin: The offset added to every margin, in margin space.
  ///   - features: The model's inputs; every split must read one of them.
  ///   - task: What the model predicts.
  ///   - outputTransform: The map from margin to response.
  ///   - accumulation: How leaf values are summed.
  ///   - averagesTrees: Whether the sum is divided by the number of trees.
  ///   - summary: A short description for reports.
  ///   - file: The model file, for messages.
  /// - Throws: `ModelError` naming the tree, node and field of the first inconsistency: a
  ///   child out of range, a node reached twice (a cycle or shared child), a split on a
  ///   feature beyond the feature list, a NaN or infinite threshold, a negative category.
  /// - Complexity: O(*N*) for *N* nodes in all.
  public init(
    trees: [Tree], weights: [Double]? = nil, baseMargin: Double, features: [ModelFeature],
    task: ModelTask, outputTransform: OutputTransform, accumulation: Accumulation,
    averagesTrees: Bool = false, summary: String, file: String
  ) throws {
    precondition(weights == nil || weights?.count == trees.count, "one weight per tree")
    var builder = FlatTreeBuilder(featureCount: features.count, file: file)
    for (index, tree) in trees.enumerated() { try builder.append(tree, index: index) }
    self.features = features
    self.task = task
    self.outputTransform = outputTransform
    self.summary = summary
    self.splitFeature = builder.splitFeature
    self.threshold = builder.threshold
    self.leftChild = builder.leftChild
    self.rightChild = builder.rightChild
    self.rule = builder.rule
    self.categoryStart = builder.categoryStart
    self.categoryWordCount = builder.categoryWordCount
    self.categoryWords = builder.categoryWords
    self.value = builder.value
    self.cover = builder.cover
    self.treeStart = builder.treeStart
    self.treeWeight = weights ?? Array(repeating: 1, count: trees.count)
    self.baseMargin = baseMargin
    self.accumulation = accumulation
    self.averagesTrees = averagesTrees
    self.maxDepth = builder.maxDepth
  }

  /// Whether a value goes to the left child of split `node`.
  ///
  /// - Parameters:
  ///   - node: An absolute index of a split node.
  ///   - x: The value of the node's feature; NaN when missing.
  @inlinable
  public func goesLeft(node: Int, x: Double) -> Bool {
    let rule = self.rule[node]
    if rule.contains(.lessOrEqual) {
      if rule.contains(.categorical) {
        guard !x.isNaN, x >= 0, x < 2_147_483_648 else { return false }
        return categoryContains(node: node, category: Int(x))
      }
      var value = x
      if value.isNaN && !rule.contains(.missingNaN) { value = 0 }
      if (rule.contains(.missingZero) && value >= -1e-35 && value <= 1e-35)
        || (rule.contains(.missingNaN) && value.isNaN)
      {
        return rule.contains(.defaultLeft)
      }
      return value <= threshold[node]
    }
    if x.isNaN { return rule.contains(.defaultLeft) }
    if rule.contains(.categorical) {
      guard x >= 0, x < 16_777_216 else { return true }
      return !categoryContains(node: node, category: Int(x))
    }
    return Float(x) < Float(threshold[node])
  }

  /// Whether `category` is in the set of categorical split `node`.
  @inlinable
  public func categoryContains(node: Int, category: Int) -> Bool {
    let word = category >> 5
    guard word < Int(categoryWordCount[node]) else { return false }
    return categoryWords[Int(categoryStart[node]) + word] & (1 << UInt32(category & 31)) != 0
  }

  /// The absolute index of the leaf that `row` reaches in tree `tree`.
  ///
  /// - Parameter row: The row's values in feature order; NaN when missing.
  @inlinable
  public func leaf(tree: Int, row: UnsafeBufferPointer<Double>) -> Int {
    var node = Int(treeStart[tree])
    while true {
      let feature = Int(splitFeature[node])
      if feature < 0 { return node }
      node = Int(goesLeft(node: node, x: row[feature]) ? leftChild[node] : rightChild[node])
    }
  }

  public func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
    precondition(batch.featureCount == features.count, "batch has the wrong number of features")
    let rowCount = batch.rowCount
    let stride = batch.featureCount
    margins = Array(repeating: 0, count: rowCount)
    let trees = treeCount
    batch.values.withUnsafeBufferPointer { values in
      margins.withUnsafeMutableBufferPointer { out in
        for row in 0..<rowCount {
          let x = UnsafeBufferPointer(rebasing: values[(row * stride)..<((row + 1) * stride)])
          switch accumulation {
          case .float32:
            var sum = Float(baseMargin)
            for tree in 0..<trees {
              sum += Float(value[leaf(tree: tree, row: x)]) * Float(treeWeight[tree])
            }
            out[row] = Double(sum)
          case .float64:
            var sum = 0.0
            for tree in 0..<trees { sum += value[leaf(tree: tree, row: x)] * treeWeight[tree] }
            if averagesTrees && trees > 0 { sum /= Double(trees) }
            out[row] = baseMargin + sum
          }
        }
      }
    }
  }
}

/// Checks trees and appends them to flat arrays.
private struct FlatTreeBuilder {
  let featureCount: Int
  let file: String
  var splitFeature: [Int32] = []
  var threshold: [Double] = []
  var leftChild: [Int32] = []
  var rightChild: [Int32] = []
  var rule: [DecisionRule] = []
  var categoryStart: [Int32] = []
  var categoryWordCount: [Int32] = []
  var categoryWords: [UInt32] = []
  var value: [Double] = []
  var cover: [Double] = []
  var treeStart: [Int32] = [0]
  var maxDepth = 0

  init(featureCount: Int, file: String) {
    self.featureCount = featureCount
    self.file = file
  }

  private func fail(_ tree: Int, _ node: Int, _ field: String, _ message: String) -> ModelError {
    ModelError(
      .invalidStructure, file: file,
      place: ModelError.treePlace(tree: tree, node: node, field: field), message: message)
  }

  mutating func append(_ tree: Tree, index: Int) throws(ModelError) {
    let count = tree.nodeCount
    guard count > 0 else {
      throw ModelError(
        .invalidStructure, file: file, place: ModelError.treePlace(tree: index),
        message: "tree has no nodes")
    }
    let lengths: [(String, Int)] = [
      ("threshold", tree.threshold.count), ("left_child", tree.leftChild.count),
      ("right_child", tree.rightChild.count), ("rule", tree.rule.count),
      ("categories", tree.categories.count), ("value", tree.value.count),
      ("cover", tree.cover.count),
    ]
    for (field, length) in lengths where length != count {
      throw ModelError(
        .invalidStructure, file: file, place: ModelError.treePlace(tree: index, field: field),
        message: "has \(length) entries, but the tree has \(count) nodes")
    }
    try checkShape(tree, index: index)
    let offset = Int32(splitFeature.count)
    for node in 0..<count {
      let isLeaf = tree.splitFeature[node] < 0
      splitFeature.append(isLeaf ? -1 : tree.splitFeature[node])
      threshold.append(tree.threshold[node])
      leftChild.append(isLeaf ? -1 : tree.leftChild[node] + offset)
      rightChild.append(isLeaf ? -1 : tree.rightChild[node] + offset)
      rule.append(tree.rule[node])
      value.append(tree.value[node])
      cover.append(tree.cover[node])
      if !isLeaf && tree.rule[node].contains(.categorical) {
        let set = tree.categories[node]
        let words = (Int(set.max() ?? -1) >> 5) + 1
        categoryStart.append(Int32(categoryWords.count))
        categoryWordCount.append(Int32(words))
        var bits = [UInt32](repeating: 0, count: words)
        for category in set { bits[Int(category) >> 5] |= 1 << UInt32(category & 31) }
        categoryWords.append(contentsOf: bits)
      } else {
        categoryStart.append(0)
        categoryWordCount.append(0)
      }
    }
    treeStart.append(Int32(splitFeature.count))
  }

  /// Walks the tree from the root: every child in range, every node reached once.
  private mutating func checkShape(_ tree: Tree, index: Int) throws(ModelError) {
    let count = tree.nodeCount
    var reached = [Bool](repeating: false, count: count)
    var stack: [(node: Int, depth: Int)] = [(0, 0)]
    reached[0] = true
    while let (node, depth) = stack.popLast() {
      maxDepth = max(maxDepth, depth)
      let feature = tree.splitFeature[node]
      if feature < 0 { continue }
      guard Int(feature) < featureCount else {
        throw fail(
          index, node, "split_feature",
          "feature index \(feature) is beyond the model's \(featureCount) features")
      }
      let rule = tree.rule[node]
      if rule.contains(.categorical) {
        if let bad = tree.categories[node].first(where: { $0 < 0 }) {
          throw fail(index, node, "categories", "category \(bad) is negative")
        }
      } else if !tree.threshold[node].isFinite {
        throw fail(index, node, "threshold", "threshold is \(tree.threshold[node])")
      }
      for (field, child) in [("left_child", tree.leftChild[node]), ("right_child", tree.rightChild[node])] {
        guard child >= 0 && Int(child) < count else {
          throw fail(index, node, field, "child \(child) is out of range 0..<\(count)")
        }
        guard !reached[Int(child)] else {
          throw fail(
            index, node, field, "child \(child) is reached twice (the tree has a cycle)")
        }
        reached[Int(child)] = true
        stack.append((Int(child), depth + 1))
      }
    }
  }
}
