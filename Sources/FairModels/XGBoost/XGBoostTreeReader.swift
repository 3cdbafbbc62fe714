/// Reads one tree of an XGBoost JSON model (<doc:XGBoostJSON#One-tree>) into a ``Tree``.
///
/// Every per-node array must have `tree_param.num_nodes` entries. A node is a leaf when its
/// `left_children` entry is -1; a leaf's value is its `split_conditions` entry (the learning
/// rate is already applied) and every node's cover is its `sum_hessian`. `default_left` may be
/// integers (1.6 and later) or booleans (1.0–1.5); `split_type` and the `categories*` arrays
/// (1.3 and later) may be absent. Structural checks that need the whole tree (children in
/// range, cycles, feature indexes) are left to ``TreeEnsemble``.
struct XGBoostTreeReader {
  /// The names XGBoost gives the fields, for messages from ``TreeEnsemble``.
  static let fieldNames = Tree.FieldNames(
    splitFeature: "split_indices", threshold: "split_conditions", leftChild: "left_children",
    rightChild: "right_children", categories: "categories", value: "split_conditions",
    cover: "sum_hessian")

  let document: JSONDocument
  /// The limits on the model's size.
  var limits = ModelLimits.standard

  private var file: String { document.fileName }

  /// Reads tree `index` from its JSON object.
  ///
  /// - Throws: `ModelError` naming the tree, node and field: `malformed` for a missing field
  ///   or an entry of the wrong type, `invalidStructure` for an array of the wrong length or
  ///   a bad category list, `unsupported` for vector-leaf trees.
  func tree(_ value: JSONValue, index: Int) throws(ModelError) -> Tree {
    let place = ModelError.treePlace(tree: index)
    let object = try document.object(value, at: place)
    let parameters = try document.object(
      try document.member("tree_param", of: object, in: place),
      at: ModelError.treePlace(tree: index, field: "tree_param"))
    let nodeCount = try document.integer(
      try document.member("num_nodes", of: parameters, in: place + ", 'tree_param'"),
      at: ModelError.treePlace(tree: index, field: "tree_param.num_nodes"))
    guard nodeCount > 0 else {
      throw ModelError(
        .invalidStructure, file: file, place: place + ", 'tree_param.num_nodes'",
        message: "a tree needs at least one node, found \(nodeCount)")
    }
    // Checked before any array is sized by the count.
    guard nodeCount <= limits.nodesPerTree else {
      throw ModelError(
        .unsupported, file: file, place: place + ", 'tree_param.num_nodes'",
        message: ModelLimits.Message.tooManyNodes(String(nodeCount), limit: limits.nodesPerTree))
    }
    if let leafSize = parameters["size_leaf_vector"] {
      let size = try document.integer(leafSize, at: place + ", 'tree_param.size_leaf_vector'")
      guard size <= 1 else {
        throw ModelError(
          .unsupported, file: file, place: place + ", 'tree_param.size_leaf_vector'",
          message: "vector-leaf trees (size_leaf_vector \(size)) are not supported")
      }
    }

    let arrays = NodeArrays(
      document: document, object: object, tree: index, count: nodeCount,
      countSource: "'tree_param.num_nodes' is")
    let left = try arrays.integers("left_children")
    let right = try arrays.integers("right_children")
    let features = try arrays.integers("split_indices")
    let conditions = try arrays.floats("split_conditions")
    let defaultLeft = try arrays.flags("default_left")
    let cover = try arrays.floats("sum_hessian")
    let splitTypes = try arrays.integers("split_type", required: false)
    // Read only to check them, as XGBoost's `RegTree::LoadModel` does.
    _ = try arrays.floats("loss_changes")
    _ = try arrays.floats("base_weights")
    let parents = try arrays.integers("parents")
    let categories = try categorySets(object, tree: index, nodeCount: nodeCount)
    try checkParents(parents, tree: index)
    try checkDeletedNodes(
      parameters, tree: index, features: features, defaultLeft: defaultLeft)

    var tree = Tree(nodeCount: nodeCount)
    tree.fieldNames = XGBoostTreeReader.fieldNames
    for node in 0..<nodeCount {
      tree.cover[node] = Double(cover[node])
      if left[node] == -1 {
        tree.value[node] = Double(conditions[node])
        continue
      }
      let nodePlace = { (field: String) in
        ModelError.treePlace(tree: index, node: node, field: field)
      }
      guard features[node] >= 0, features[node] <= Int(Int32.max) else {
        throw ModelError(
          .invalidStructure, file: file, place: nodePlace("split_indices"),
          message: "feature index \(features[node]) is not a valid index")
      }
      for (field, child) in [("left_children", left[node]), ("right_children", right[node])] {
        guard child >= 0, child < nodeCount else {
          throw ModelError(
            .invalidStructure, file: file, place: nodePlace(field),
            message: "child \(child) is out of range 0..<\(nodeCount)")
        }
      }
      tree.splitFeature[node] = Int32(features[node])
      tree.leftChild[node] = Int32(left[node])
      tree.rightChild[node] = Int32(right[node])
      var rule: SplitRule = defaultLeft[node] ? [.defaultLeft] : []
      switch splitTypes.isEmpty ? 0 : splitTypes[node] {
      case 0:
        tree.threshold[node] = Double(conditions[node])
      case 1:
        rule.insert(.categorical)
        guard let set = categories[node] else {
          throw ModelError(
            .invalidStructure, file: file, place: nodePlace("split_type"),
            message: "the node is a categorical split (split_type 1), but 'categories_nodes' "
              + "does not list it")
        }
        tree.categories[node] = set
      case let other:
        throw ModelError(
          .unsupported, file: file, place: nodePlace("split_type"),
          message: "split type \(other) is unknown (0 is numeric, 1 categorical)")
      }
      tree.rule[node] = rule
    }
    for node in categories.keys.sorted() where splitTypes.isEmpty || splitTypes[node] != 1 {
      throw ModelError(
        .invalidStructure, file: file,
        place: ModelError.treePlace(tree: index, node: node, field: "categories_nodes"),
        message: "node has a category list but is not a categorical split (split_type 1)")
    }
    return tree
  }

  /// The category codes of each categorical node, from the CSR arrays `categories_nodes`,
  /// `categories_segments`, `categories_sizes` and `categories`.
  private func categorySets(
    _ object: JSONObject, tree index: Int, nodeCount: Int
  ) throws(ModelError) -> [Int: [Int32]] {
    guard let nodesValue = object["categories_nodes"] else { return [:] }
    let nodes = try document.integers(nodesValue, tree: index, field: "categories_nodes")
    if nodes.isEmpty { return [:] }
    let arrays = NodeArrays(
      document: document, object: object, tree: index, count: nodes.count,
      countSource: "'categories_nodes' has")
    let segments = try arrays.integers("categories_segments")
    let sizes = try arrays.integers("categories_sizes")
    let all = try document.integers(
      try document.member("categories", of: object, in: ModelError.treePlace(tree: index)),
      tree: index, field: "categories")
    var sets: [Int: [Int32]] = [:]
    var previous = -1
    for (entry, node) in nodes.enumerated() {
      let place = ModelError.treePlace(tree: index, node: node, field: "categories_segments")
      guard node >= 0, node < nodeCount, sets[node] == nil else {
        throw ModelError(
          .invalidStructure, file: file,
          place: ModelError.treePlace(tree: index, field: "categories_nodes"),
          message: "entry \(entry) names node \(node), which is out of range or repeated")
      }
      // XGBoost reads the lists in node order and aborts on one out of order.
      guard node > previous else {
        throw ModelError(
          .invalidStructure, file: file,
          place: ModelError.treePlace(tree: index, field: "categories_nodes"),
          message: "entry \(entry) names node \(node) after node \(previous); "
            + "the nodes must be in ascending order")
      }
      previous = node
      let start = segments[entry]
      let size = sizes[entry]
      guard size > 0 else {
        throw ModelError(
          .invalidStructure, file: file,
          place: ModelError.treePlace(tree: index, node: node, field: "categories_sizes"),
          message: "size is \(size), but a categorical split lists at least one category")
      }
      // `size <= all.count - start`, not `start + size <= all.count`: a declared size near
      // Int.max must be refused, not overflow.
      guard start >= 0, start <= all.count, size <= all.count - start else {
        let (end, overflows) = start.addingReportingOverflow(size)
        let segment = overflows ? "\(start)..<\(start) + \(size)" : "\(start)..<\(end)"
        throw ModelError(
          .invalidStructure, file: file, place: place,
          message: "segment \(segment) is outside 'categories' (\(all.count) entries)")
      }
      var set: [Int32] = []
      set.reserveCapacity(size)
      for category in all[start..<(start + size)] {
        guard category >= 0, category < 16_777_216 else {
          throw ModelError(
            .invalidStructure, file: file,
            place: ModelError.treePlace(tree: index, node: node, field: "categories"),
            message: "category \(category) is outside 0..<16777216")
        }
        set.append(Int32(category))
      }
      sets[node] = set
    }
    return sets
  }
}

extension XGBoostTreeReader {
  /// XGBoost's marker for a deleted node: split index 2³¹ − 1 with the default-left bit.
  static let deletedSplitIndex = Int(Int32.max)

  /// Checks that every node but the root names a parent in range: XGBoost looks the parent
  /// up without a bounds check (it crashes on 2147483647, the root's marker, and on -1).
  fileprivate func checkParents(_ parents: [Int], tree index: Int) throws(ModelError) {
    let count = parents.count
    for node in 1..<max(count, 1) where !(parents[node] >= 0 && parents[node] < count) {
      throw ModelError(
        .invalidStructure, file: file,
        place: ModelError.treePlace(tree: index, node: node, field: "parents"),
        message: "parent \(parents[node]) is out of range 0..<\(count)")
    }
  }

  /// Checks `tree_param.num_deleted` against the nodes marked deleted, as XGBoost does.
  fileprivate func checkDeletedNodes(
    _ parameters: JSONObject, tree index: Int, features: [Int], defaultLeft: [Bool]
  ) throws(ModelError) {
    let place = ModelError.treePlace(tree: index, field: "tree_param.num_deleted")
    let declared = try parameters["num_deleted"].map { value throws(ModelError) in
      try document.integer(value, at: place)
    }
    let deleted = features.indices.dropFirst().filter {
      features[$0] == XGBoostTreeReader.deletedSplitIndex && defaultLeft[$0]
    }.count
    guard (declared ?? 0) == deleted else {
      throw ModelError(
        .invalidStructure, file: file, place: place,
        message: "is \(declared ?? 0), but \(deleted) nodes are marked deleted "
          + "(split index 2147483647, default left)")
    }
  }
}

/// Reads a tree's per-node arrays, checking that each has the node count.
private struct NodeArrays {
  let document: JSONDocument
  let object: JSONObject
  let tree: Int
  let count: Int
  /// Where `count` comes from, for messages (`"'tree_param.num_nodes' is"`).
  let countSource: String

  private func value(_ field: String, required: Bool) throws(ModelError) -> JSONValue? {
    guard let value = object[field] else {
      guard required else { return nil }
      throw ModelError(
        .malformed, file: document.fileName, place: ModelError.treePlace(tree: tree),
        message: "has no member '\(field)'")
    }
    return value
  }

  private func checkLength(_ length: Int, _ field: String) throws(ModelError) {
    guard length == count else {
      throw ModelError(
        .invalidStructure, file: document.fileName,
        place: ModelError.treePlace(tree: tree, field: field),
        message: "has \(length) entries, but \(countSource) \(count)")
    }
  }

  func integers(_ field: String, required: Bool = true) throws(ModelError) -> [Int] {
    guard let value = try value(field, required: required) else { return [] }
    let result = try document.integers(value, tree: tree, field: field)
    try checkLength(result.count, field)
    return result
  }

  func floats(_ field: String) throws(ModelError) -> [Float] {
    guard let value = try value(field, required: true) else { return [] }
    let result = try document.floats(value, tree: tree, field: field)
    try checkLength(result.count, field)
    return result
  }

  func flags(_ field: String) throws(ModelError) -> [Bool] {
    guard let value = try value(field, required: true) else { return [] }
    let result = try document.flags(value, tree: tree, field: field)
    try checkLength(result.count, field)
    return result
  }
}
