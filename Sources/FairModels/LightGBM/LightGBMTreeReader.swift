/// Reads one `Tree=` block of a LightGBM text model (<doc:LightGBMText#Tree-blocks>, with
/// its decision types and split rules) into a ``Tree``.
///
/// LightGBM numbers internal nodes 0..<L-1 and leaves 0..<L for a tree of L leaves; a child
/// entry `c < 0` is leaf `~c`. FairGate's ``Tree`` puts internal node `i` at index `i` and
/// leaf `j` at index `L - 1 + j`, so messages about internal nodes use LightGBM's numbers.
/// The cover of a node is its `internal_count`/`leaf_count`, as LightGBM's own
/// `pred_contrib` uses. Every check names the line, tree and field.
struct LightGBMTreeReader {
  /// The names LightGBM gives the fields, for messages from ``TreeEnsemble``.
  static let fieldNames = Tree.FieldNames(
    splitFeature: "split_feature", threshold: "threshold", leftChild: "left_child",
    rightChild: "right_child", categories: "cat_threshold", value: "leaf_value",
    cover: "internal_count")

  /// The number of features (`max_feature_idx + 1`).
  let featureCount: Int
  /// The most nodes a tree may have (``ModelLimits/nodesPerTree``).
  var nodeLimit = ModelLimits.standard.nodesPerTree
  /// The most `cat_threshold` words a tree may have (``ModelLimits/categoryWords``, 2²⁶ by
  /// default, so every category fits an `Int32`).
  var categoryWordLimit = ModelLimits.standard.categoryWords

  /// Reads `block`.
  ///
  /// - Throws: `ModelError` with the line, tree and field: `malformed` for a missing line or
  ///   a bad number, `invalidStructure` for a list of the wrong length, a child out of range,
  ///   a node reached twice or never, a feature index beyond the features, a NaN threshold or
  ///   a bad category bitset, `unsupported` for linear trees.
  func tree(_ block: LightGBMBlock) throws(ModelError) -> Tree {
    let index = block.tree ?? 0
    let file = block.file
    if let linear = block.entries["is_linear"], linear.value.trimmingSpaces != "0" {
      throw ModelError(
        .unsupported, file: file, line: linear.line, place: block.place("is_linear"),
        message: "linear trees (linear_tree=true) are not supported")
    }
    let leafCount = try block.integer("num_leaves")
    guard leafCount >= 1 else {
      throw ModelError(
        .invalidStructure, file: file, line: block.line(of: "num_leaves"),
        place: block.place("num_leaves"), message: "a tree needs at least one leaf")
    }
    // A tree of L leaves has 2L - 1 nodes; checked before any list is sized by L.
    guard leafCount <= (nodeLimit + 1) / 2 else {
      throw ModelError(
        .unsupported, file: file, line: block.line(of: "num_leaves"),
        place: block.place("num_leaves"),
        message: ModelLimits.Message.tooManyLeaves(leafCount, limit: nodeLimit))
    }
    _ = try block.integer("num_cat")  // LightGBM requires it, even in a one-leaf tree
    let leafValues = try block.doubles("leaf_value", count: leafCount)
    let leafCounts = try block.doubles("leaf_count", count: leafCount)
    if block.entries["leaf_weight"] != nil {
      _ = try block.doubles("leaf_weight", count: leafCount)  // LightGBM checks its length
    }
    let internalCount = leafCount - 1
    var tree = Tree(nodeCount: internalCount + leafCount)
    tree.fieldNames = LightGBMTreeReader.fieldNames
    for leaf in 0..<leafCount {
      tree.value[internalCount + leaf] = leafValues[leaf]
      tree.cover[internalCount + leaf] = leafCounts[leaf]
    }
    guard internalCount > 0 else { return tree }

    let features = try block.integers("split_feature", count: internalCount)
    let thresholds = try block.doubles("threshold", count: internalCount)
    let decisionTypes = try block.integers("decision_type", count: internalCount)
    let left = try block.integers("left_child", count: internalCount)
    let right = try block.integers("right_child", count: internalCount)
    let covers = try block.doubles("internal_count", count: internalCount)
    let values =
      block.entries["internal_value"] == nil
      ? [Double](repeating: 0, count: internalCount)
      : try block.doubles("internal_value", count: internalCount)
    let categorySets = try categorySets(block)

    for node in 0..<internalCount {
      func fail(_ field: String, _ message: String) -> ModelError {
        ModelError(
          .invalidStructure, file: file, line: block.line(of: field),
          place: ModelError.treePlace(tree: index, node: node, field: field), message: message)
      }
      guard features[node] >= 0, features[node] < featureCount else {
        throw fail(
          "split_feature",
          "feature index \(features[node]) is beyond the model's \(featureCount) features")
      }
      let decision = decisionTypes[node]
      guard decision >= 0, decision < 16, (decision >> 2) & 3 != 3 else {
        throw fail("decision_type", "\(decision) is not a valid decision type")
      }
      var rule: SplitRule = [.lessOrEqual]
      if decision & 2 != 0 { rule.insert(.defaultLeft) }
      switch (decision >> 2) & 3 {
      case 1: rule.insert(.missingZero)
      case 2: rule.insert(.missingNaN)
      default: break
      }
      if decision & 1 != 0 {
        rule.insert(.categorical)
        let set = Int(exactly: thresholds[node]).flatMap { $0 < categorySets.count ? $0 : nil }
        guard let set, set >= 0 else {
          throw fail(
            "threshold",
            "categorical split names bitset \(thresholds[node]), but the tree has "
              + "\(categorySets.count) ('num_cat')")
        }
        tree.categories[node] = categorySets[set]
      } else {
        guard !thresholds[node].isNaN else { throw fail("threshold", "threshold is NaN") }
        tree.threshold[node] = thresholds[node]
      }
      tree.rule[node] = rule
      tree.splitFeature[node] = Int32(features[node])
      let leftNode = try child(left[node], leafCount: leafCount) { fail("left_child", $0) }
      let rightNode = try child(right[node], leafCount: leafCount) { fail("right_child", $0) }
      tree.leftChild[node] = Int32(leftNode)
      tree.rightChild[node] = Int32(rightNode)
      tree.value[node] = values[node]
      tree.cover[node] = covers[node]
    }
    try checkReachability(tree, block: block)
    return tree
  }

  /// The node index of child entry `entry`: an internal node, or leaf `~entry`.
  private func child(
    _ entry: Int, leafCount: Int, fail: (String) -> ModelError
  ) throws(ModelError) -> Int {
    let internalCount = leafCount - 1
    if entry >= 0 {
      guard entry < internalCount else {
        throw fail("child \(entry) is out of range: the internal nodes are 0..<\(internalCount)")
      }
      return entry
    }
    let leaf = ~entry
    guard leaf < leafCount else {
      throw fail("child \(entry) names leaf \(leaf), but the tree has \(leafCount) leaves")
    }
    return internalCount + leaf
  }

  /// The category set of each categorical split, decoded from `cat_boundaries` and the
  /// `cat_threshold` bitset words (bit `c` set: category `c` goes left).
  private func categorySets(_ block: LightGBMBlock) throws(ModelError) -> [[Int32]] {
    let count = try block.integer("num_cat")
    guard count > 0 else { return [] }
    // `cat_boundaries` has `num_cat + 1` entries; a count of Int.max must not overflow.
    guard count < Int.max else {
      throw ModelError(
        .invalidStructure, file: block.file, line: block.line(of: "num_cat"),
        place: block.place("num_cat"), message: "\(count) category sets cannot be listed")
    }
    let boundaries = try block.integers("cat_boundaries", count: count + 1)
    let wordCount = boundaries.last ?? 0
    guard boundaries.first == 0, zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 <= $1 })
    else {
      throw ModelError(
        .invalidStructure, file: block.file, line: block.line(of: "cat_boundaries"),
        place: block.place("cat_boundaries"),
        message: "boundaries must start at 0 and never decrease")
    }
    guard wordCount <= categoryWordLimit else {
      throw ModelError(
        .unsupported, file: block.file, line: block.line(of: "cat_boundaries"),
        place: block.place("cat_boundaries"),
        message: "the tree's category bitsets have \(wordCount) 32-bit words; FairGate reads "
          + "models whose category bitsets total at most \(categoryWordLimit) words")
    }
    let words = try block.integers("cat_threshold", count: wordCount)
    if let bad = words.firstIndex(where: { $0 < 0 || $0 > Int(UInt32.max) }) {
      throw ModelError(
        .invalidStructure, file: block.file, line: block.line(of: "cat_threshold"),
        place: block.place("cat_threshold", entry: bad),
        message: "\(words[bad]) is not a 32-bit bitset word")
    }
    return (0..<count).map { set in
      var categories: [Int32] = []
      for word in boundaries[set]..<boundaries[set + 1] {
        for bit in 0..<32 where (words[word] >> bit) & 1 == 1 {
          categories.append(Int32((word - boundaries[set]) * 32 + bit))
        }
      }
      return categories
    }
  }

  /// Checks that the root reaches every internal node and every leaf exactly once.
  private func checkReachability(_ tree: Tree, block: LightGBMBlock) throws(ModelError) {
    let index = block.tree ?? 0
    let internalCount = (tree.nodeCount - 1) / 2
    var reached = [Bool](repeating: false, count: tree.nodeCount)
    reached[0] = true
    var stack = [0]
    while let node = stack.popLast() {
      guard node < internalCount else { continue }
      let children = [
        ("left_child", Int(tree.leftChild[node])), ("right_child", Int(tree.rightChild[node])),
      ]
      for (field, child) in children {
        guard !reached[child] else {
          let name = child < internalCount ? "node \(child)" : "leaf \(child - internalCount)"
          throw ModelError(
            .invalidStructure, file: block.file, line: block.line(of: field),
            place: ModelError.treePlace(tree: index, node: node, field: field),
            message: "\(name) is reached twice (the tree has a cycle or a shared node)")
        }
        reached[child] = true
        stack.append(child)
      }
    }
    if let lost = reached.firstIndex(of: false) {
      let name = lost < internalCount ? "node \(lost)" : "leaf \(lost - internalCount)"
      throw ModelError(
        .invalidStructure, file: block.file, line: block.line(of: "left_child"),
        place: ModelError.treePlace(tree: index),
        message: "\(name) cannot be reached from the root")
    }
  }
}
