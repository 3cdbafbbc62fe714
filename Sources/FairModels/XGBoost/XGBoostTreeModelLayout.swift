/// Checks the bookkeeping of an XGBoost tree model (`gradient_booster.model`) against its
/// trees, as XGBoost's `GBTreeModel::LoadModel` does (<doc:LoaderConsistency>).
///
/// XGBoost refuses a model whose `gbtree_model_param.num_trees`, `tree_info` and
/// `iteration_indptr` disagree with the `trees` array, and files each tree under its `id`.
/// FairGate refuses the same files, and also the ones XGBoost accepts but scores with trees
/// silently skipped (an `iteration_indptr` that does not start at 0) or crashes on (a repeated
/// tree `id`).
struct XGBoostTreeModelLayout {
  let document: JSONDocument

  private var file: String { document.fileName }
  private let modelPlace = "'learner.gradient_booster.model"

  /// Checks `model` and returns the order in which XGBoost stores its trees: entry `i` is
  /// the position in `trees` of the tree whose `id` is `i`.
  ///
  /// - Throws: `ModelError`: `malformed` for a missing or mistyped field, `invalidStructure`
  ///   for counts that disagree, `unsupported` for trees of another output group.
  func treeOrder(_ model: JSONObject, trees: [JSONValue]) throws(ModelError) -> [Int] {
    let parametersPlace = modelPlace + ".gbtree_model_param'"
    let parameters = try document.object(
      try document.member("gbtree_model_param", of: model, in: modelPlace + "'"),
      at: parametersPlace)
    let numTreesPlace = modelPlace + ".gbtree_model_param.num_trees'"
    let treeCount = try document.integer(
      try document.member("num_trees", of: parameters, in: parametersPlace), at: numTreesPlace)
    guard treeCount == trees.count else {
      throw ModelError(
        .invalidStructure, file: file, place: numTreesPlace,
        message: "is \(treeCount), but 'trees' holds \(trees.count) trees")
    }
    var parallelTrees = 1
    if let value = parameters["num_parallel_tree"] {
      let place = modelPlace + ".gbtree_model_param.num_parallel_tree'"
      parallelTrees = try document.integer(value, at: place)
      guard parallelTrees >= 1 else {
        throw ModelError(
          .invalidStructure, file: file, place: place,
          message: "is \(parallelTrees), but it must be at least 1")
      }
    }
    try checkTreeInfo(model, treeCount: treeCount)
    try checkIterations(model, treeCount: treeCount, parallelTrees: parallelTrees)
    return try order(trees)
  }

  /// Checks that `tree_info` has one entry per tree and that every tree adds to output 0.
  private func checkTreeInfo(_ model: JSONObject, treeCount: Int) throws(ModelError) {
    let place = modelPlace + ".tree_info'"
    let groups = try document.array(
      try document.member("tree_info", of: model, in: modelPlace + "'"), at: place)
    guard groups.count == treeCount else {
      throw ModelError(
        .invalidStructure, file: file, place: place,
        message: "has \(groups.count) entries, but 'num_trees' is \(treeCount)")
    }
    for (tree, value) in groups.enumerated() {
      let treePlace = ModelError.treePlace(tree: tree, field: "tree_info")
      let group = try document.integer(value, at: treePlace)
      guard group == 0 else {
        throw ModelError(
          .unsupported, file: file, place: treePlace,
          message: "the tree belongs to output group \(group); "
            + "multiclass models are not supported")
      }
    }
  }

  /// Checks `iteration_indptr` (XGBoost 2.0+), or, for older files without it, that the trees
  /// divide into whole iterations of `num_parallel_tree` trees, as XGBoost rebuilds it.
  private func checkIterations(
    _ model: JSONObject, treeCount: Int, parallelTrees: Int
  ) throws(ModelError) {
    guard let value = model["iteration_indptr"] else {
      guard treeCount % parallelTrees == 0 else {
        throw ModelError(
          .invalidStructure, file: file, place: modelPlace + ".gbtree_model_param.num_trees'",
          message: "\(treeCount) trees do not make whole iterations of \(parallelTrees) "
            + "('num_parallel_tree'), and the file has no 'iteration_indptr'")
      }
      return
    }
    let place = modelPlace + ".iteration_indptr'"
    var bounds: [Int] = []
    for (index, element) in try document.array(value, at: place).enumerated() {
      bounds.append(try document.integer(element, at: modelPlace + ".iteration_indptr[\(index)]'"))
    }
    guard let first = bounds.first, let last = bounds.last else {
      throw ModelError(
        .invalidStructure, file: file, place: place,
        message: "is empty, but it must start at 0 and end at 'num_trees' (\(treeCount))")
    }
    guard first == 0 else {
      throw ModelError(
        .invalidStructure, file: file, place: modelPlace + ".iteration_indptr[0]'",
        message: "is \(first), but the first iteration starts at tree 0")
    }
    if let step = bounds.indices.dropFirst().first(where: { bounds[$0] < bounds[$0 - 1] }) {
      throw ModelError(
        .invalidStructure, file: file, place: modelPlace + ".iteration_indptr[\(step)]'",
        message: "is \(bounds[step]), less than the entry before it (\(bounds[step - 1]))")
    }
    guard last == treeCount else {
      throw ModelError(
        .invalidStructure, file: file,
        place: modelPlace + ".iteration_indptr[\(bounds.count - 1)]'",
        message: "is \(last), but 'num_trees' is \(treeCount)")
    }
  }

  /// The position in `trees` of each tree `id`, 0 first.
  private func order(_ trees: [JSONValue]) throws(ModelError) -> [Int] {
    var positions = [Int?](repeating: nil, count: trees.count)
    for (position, value) in trees.enumerated() {
      let treePlace = ModelError.treePlace(tree: position)
      let object = try document.object(value, at: treePlace)
      let id = try document.integer(
        try document.member("id", of: object, in: treePlace),
        at: ModelError.treePlace(tree: position, field: "id"))
      guard id >= 0, id < trees.count else {
        throw ModelError(
          .invalidStructure, file: file, place: ModelError.treePlace(tree: position, field: "id"),
          message: "id \(id) is out of range 0..<\(trees.count)")
      }
      if let other = positions[id] {
        throw ModelError(
          .invalidStructure, file: file, place: ModelError.treePlace(tree: position, field: "id"),
          message: "id \(id) is also the id of tree \(other)")
      }
      positions[id] = position
    }
    return positions.map { $0 ?? 0 }
  }
}
