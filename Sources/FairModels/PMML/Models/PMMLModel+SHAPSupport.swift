/// A PMML tree model read as `offset + Σ_m weight_m · value_m(node the row ends in)`, with
/// each node's children chosen by the values of at most one input field.
///
/// ``PMMLModel/additiveTrees()`` builds one for a single `TreeModel`, or a `MiningModel`
/// whose `Segmentation` sums or averages (`sum`, `average`, `weightedSum`,
/// `weightedAverage`) `TreeModel` segments with `<True/>` predicates. Path-dependent
/// TreeSHAP needs every node to carry a positive `recordCount`, uses the record counts as
/// covers and ``PMMLModel/treeRoutes(_:trees:)`` as the model's own routing of each row.
/// Interventional TreeSHAP needs no covers and routes hybrid rows with
/// ``PMMLModel/predicateTruths(_:trees:)`` and ``Member/step(from:truth:)``.
package struct PMMLAdditiveTrees: Sendable {
  /// One tree of the sum.
  package struct Member: Sendable {
    /// The tree; its ``PMMLTree/recordCount`` values are all positive and finite when
    /// ``PMMLModel/additiveTrees(requiringCovers:)`` required covers.
    package let tree: PMMLTree
    /// The tree's factor in the margin (`Targets@rescaleFactor`, `Segment@weight`, ÷ the
    /// number or total weight of segments when averaging).
    package let weight: Double
    /// For each node, the one feature its children's predicates read; -1 when they read
    /// none (constant predicates) or the node is a leaf; -2 when they read several (only
    /// when covers are not required).
    package let splitFeature: [Int]
    /// For each node, the one feature its own predicate reads; -1 when it reads none.
    package let predicateFeature: [Int]
    /// The compiled tree with its missing-value and no-true-child strategies.
    let body: PMMLTreeBody

    /// Where a row goes from `node`, given the truth of each child's predicate.
    ///
    /// Follows the model's own rules: the first child whose predicate is true; on an
    /// unknown predicate, the tree's missing-value strategy; when no child is true, its
    /// no-true-child strategy.
    ///
    /// - Parameters:
    ///   - node: A node of ``tree``.
    ///   - truth: The truth of the predicate of a child (by node index): 1 true, 0 false,
    ///     -1 unknown (see ``PMMLModel/predicateTruths(_:trees:)``).
    /// - Returns: The child the row continues in, `node` when the prediction is `node`'s,
    ///   or -1 for no prediction.
    /// - Complexity: O(*c*) for *c* children.
    package func step(from node: Int, truth: (Int) -> Int8) -> Int {
      body.step(from: node) { child in
        switch truth(child) {
        case 1: .true
        case 0: .false
        default: .unknown
        }
      }
    }
  }

  /// The constant part of the margin (`Targets@rescaleConstant`).
  package let offset: Double
  /// The trees, in document order.
  package let members: [Member]
  /// The total number of nodes over all members, the width of a row of routes.
  package var nodeCount: Int { members.reduce(0) { $0 + $1.tree.nodeCount } }
}

extension PMMLModel {
  /// The model as a weighted sum of trees, for TreeSHAP.
  ///
  /// With covers required (path-dependent TreeSHAP), the children of each node must test
  /// one field between them; without (interventional TreeSHAP), each node's own predicate
  /// must test at most one field, so that compacted trees whose children form an
  /// if-else-if chain over several fields qualify.
  ///
  /// - Parameter requiringCovers: Whether every node must carry a positive `recordCount`
  ///   (path-dependent TreeSHAP needs them; interventional TreeSHAP does not).
  /// - Returns: The trees, weights and offset.
  /// - Throws: `ModelError` of kind `unsupported`, saying why, when the model is not a
  ///   single `TreeModel` or a sum or average of `TreeModel` segments; when a segment has
  ///   a predicate other than `<True/>` or its own `Targets`; when `Targets` clamp or round;
  ///   when arithmetic is in `Float` (`x-mathContext="float"`); when a node's predicate
  ///   tests several fields; when covers are required and a node lacks a positive
  ///   `recordCount` or the children of a node test more than one field; or when a tree's
  ///   root predicate is not `<True/>`.
  /// - Complexity: O(*N*) for *N* nodes.
  package func additiveTrees(requiringCovers: Bool = true) throws -> PMMLAdditiveTrees {
    let root = program.root
    func unsupported(_ message: String) -> ModelError {
      ModelError(.unsupported, file: file, message: message)
    }
    guard !root.isFloat else {
      throw unsupported("the model computes in float (x-mathContext), so sums are rounded")
    }
    guard !root.isLogitLinked else {
      throw unsupported("the trees feed a link function, not the margin directly")
    }
    let targets = root.targets
    guard targets.minimum == nil, targets.maximum == nil, targets.castInteger == nil else {
      throw unsupported("the Targets clamp or round the trees' result")
    }
    let factor = root.function == .regression ? targets.rescaleFactor : 1
    let offset = root.function == .regression ? targets.rescaleConstant : 0
    var bodies: [(body: PMMLTreeBody, weight: Double)] = []
    switch root.body {
    case .tree(let body):
      bodies = [(body, factor)]
    case .mining(let mining):
      let isAverage = mining.method == .average || mining.method == .weightedAverage
      let isWeighted = mining.method == .weightedSum || mining.method == .weightedAverage
      guard mining.method == .sum || mining.method == .weightedSum || isAverage else {
        throw unsupported(
          "the segmentation combines trees by '\(mining.method.rawValue)', not a sum or average")
      }
      var total = 0.0
      for (index, segment) in mining.segments.enumerated() {
        guard case .constant(true) = segment.predicate else {
          throw unsupported("segment \(index + 1) has a predicate other than <True/>")
        }
        guard case .tree(let body) = segment.model.body,
          segment.model.function == root.function
        else {
          throw unsupported("segment \(index + 1) is not a TreeModel of the same function")
        }
        guard segment.model.targets.isIdentity, !segment.model.isFloat else {
          throw unsupported("segment \(index + 1) rescales or rounds its result")
        }
        let weight = isWeighted ? segment.weight : 1
        total += weight
        bodies.append((body, weight))
      }
      guard total > 0 else { throw unsupported("the segmentation has no weighted trees") }
      let scale = isAverage ? factor / total : factor
      bodies = bodies.map { ($0.body, $0.weight * scale) }
    default:
      throw unsupported("the model is a \(modelElement), not a tree or a sum of trees")
    }
    var members: [PMMLAdditiveTrees.Member] = []
    for (body, weight) in bodies {
      let tree = body.tree
      // weightedConfidence and aggregateNodes blend several leaves for a row with a missing
      // input; the single-path routes a SHAP walker follows cannot represent that.
      guard body.aggregation == nil else {
        throw unsupported(
          "the tree at \(tree.place) blends leaves for missing values (weightedConfidence or "
            + "aggregateNodes), which no single-path walk reproduces")
      }
      guard case .constant(true) = tree.predicates[0] else {
        throw unsupported("the root node of the tree at \(tree.place) is not <True/>")
      }
      var splitFeature = [Int](repeating: -1, count: tree.nodeCount)
      var predicateFeature = [Int](repeating: -1, count: tree.nodeCount)
      for node in 0..<tree.nodeCount {
        let own = featureSet(of: tree.predicates[node])
        guard own.count <= 1 || requiringCovers else {
          throw unsupported(
            "the predicate of node \(node + 1) of the tree at \(tree.place) tests several "
              + "fields")
        }
        predicateFeature[node] = own.first ?? -1
        let count = tree.recordCount[node]
        guard !requiringCovers || (count > 0 && count.isFinite) else {
          throw unsupported(
            "node \(node + 1) of the tree at \(tree.place) has no positive recordCount")
        }
        var read = Set<Int>()
        for child in tree.children(of: node) {
          read.formUnion(featureSet(of: tree.predicates[Int(child)]))
        }
        if read.count > 1 && !requiringCovers {
          splitFeature[node] = -2
          continue
        }
        guard read.count <= 1 else {
          let names = read.sorted().map { "'\(features[$0].name)'" }.joined(separator: ", ")
          throw unsupported(
            "the children of node \(node + 1) of the tree at \(tree.place) test several "
              + "fields (\(names))")
        }
        splitFeature[node] = read.first ?? -1
      }
      members.append(
        .init(
          tree: tree, weight: weight, splitFeature: splitFeature,
          predicateFeature: predicateFeature, body: body))
    }
    return PMMLAdditiveTrees(offset: offset, members: members)
  }

  /// Where the model sends each row at every node of every tree of ``additiveTrees()``.
  ///
  /// For row `r`, member `m` and node `j` (numbered within its tree), the entry at
  /// `r · nodeCount + (nodes of members before m) + j` is the child the row continues in,
  /// following the tree's missing-value and no-true-child rules exactly as scoring does;
  /// `j` itself when the row's prediction would be node `j` (always so at a scored leaf);
  /// -1 when the tree gives no prediction from `j`.
  ///
  /// - Parameters:
  ///   - batch: Rows in ``features`` order.
  ///   - trees: The result of ``additiveTrees()``.
  /// - Returns: `batch.rowCount × trees.nodeCount` node indexes, row-major.
  /// - Complexity: O(*n*·*N*·*c*) for *n* rows, *N* nodes and *c* children per node.
  package func treeRoutes(_ batch: RowBatch, trees: PMMLAdditiveTrees) -> [Int32] {
    let width = trees.nodeCount
    var routes = [Int32](repeating: -1, count: batch.rowCount * width)
    var bodies: [PMMLTreeBody] = []
    switch program.root.body {
    case .tree(let body): bodies = [body]
    case .mining(let mining):
      bodies = mining.segments.compactMap { segment in
        if case .tree(let body) = segment.model.body { return body }
        return nil
      }
    default: return routes
    }
    var context = PMMLRowContext(program: program, batch: batch)
    for row in 0..<batch.rowCount {
      context.begin(row: row)
      var start = row * width
      for body in bodies {
        for node in 0..<body.tree.nodeCount {
          routes[start + node] = Int32(context.step(body, from: node))
        }
        start += body.tree.nodeCount
      }
    }
    return routes
  }

  /// The truth of every node's own predicate for every row, for the trees of
  /// ``additiveTrees(requiringCovers:)``.
  ///
  /// The layout is that of ``treeRoutes(_:trees:)``; each entry is 1 (true), 0 (false) or
  /// -1 (unknown: the predicate reads a missing value). With
  /// ``PMMLAdditiveTrees/Member/step(from:truth:)`` it gives the route of any row whose
  /// fields each come from one of several rows.
  ///
  /// - Parameters:
  ///   - batch: Rows in ``features`` order.
  ///   - trees: The result of ``additiveTrees(requiringCovers:)``.
  /// - Returns: `batch.rowCount × trees.nodeCount` truths, row-major.
  /// - Complexity: O(*n*·*N*) predicate evaluations for *n* rows and *N* nodes.
  package func predicateTruths(_ batch: RowBatch, trees: PMMLAdditiveTrees) -> [Int8] {
    let width = trees.nodeCount
    var truths = [Int8](repeating: -1, count: batch.rowCount * width)
    var context = PMMLRowContext(program: program, batch: batch)
    for row in 0..<batch.rowCount {
      context.begin(row: row)
      var start = row * width
      for member in trees.members {
        for node in 0..<member.tree.nodeCount {
          switch context.truth(of: member.tree.predicates[node]) {
          case .true: truths[start + node] = 1
          case .false: truths[start + node] = 0
          case .unknown: truths[start + node] = -1
          }
        }
        start += member.tree.nodeCount
      }
    }
    return truths
  }

  /// The features a predicate reads.
  func featureSet(of predicate: PMMLPredicate) -> Set<Int> {
    switch predicate {
    case .constant: return []
    case .compare(let expression, _, _), .missing(let expression, _),
      .member(let expression, _, _):
      return featureSet(of: expression)
    case .compound(_, let children):
      return children.reduce(into: Set<Int>()) { $0.formUnion(featureSet(of: $1)) }
    }
  }
}

extension PMMLRowContext {
  /// One step of ``resultNode(_:)`` from `node`: the child the row continues in, `node`
  /// when the prediction is `node`'s, or -1 for no prediction.
  mutating func step(_ body: PMMLTreeBody, from node: Int) -> Int {
    body.step(from: node) { truth(of: body.tree.predicates[$0]) }
  }
}

extension PMMLTreeBody {
  /// One step from `node` given the truth of each child's predicate: the child the row
  /// continues in, `node` when the prediction is `node`'s, or -1 for no prediction.
  func step(from node: Int, truth: (Int) -> PMMLTruth) -> Int {
    let tree = tree
    func scored(_ node: Int) -> Int {
      tree.hasScore[node] && !tree.value[node].isNaN ? node : -1
    }
    let first = Int(tree.childStart[node])
    let end = Int(tree.childStart[node + 1])
    if first == end { return scored(node) }
    for position in first..<end {
      let child = Int(tree.children[position])
      switch truth(child) {
      case .true:
        return child
      case .false:
        continue
      case .unknown:
        switch missingValueStrategy {
        case .none: continue
        case .nullPrediction: return -1
        case .lastPrediction: return scored(node)
        case .defaultChild: return Int(tree.defaultChild[node])
        }
      }
    }
    return returnsLastPrediction ? scored(node) : -1
  }
}
