extension PMMLCompiler {
  /// Compiles a `TreeModel` into flat node arrays (document pre-order, root first).
  func compileTree(
    _ element: PMMLElement, function: PMMLSubmodel.Function, isFloat: Bool, in scope: PMMLScope
  ) throws -> PMMLTreeBody {
    let strategyText = attribute("missingValueStrategy", of: element) ?? "none"
    let aggregation = PMMLTreeBody.Aggregation(rawValue: strategyText)
    let singlePath =
      aggregation == nil
      ? PMMLTreeBody.MissingValueStrategy(rawValue: strategyText) : .nullPrediction
    guard let strategy = singlePath else {
      throw error(
        .unsupported, element,
        "missingValueStrategy '\(strategyText)' is not supported; FairGate evaluates none, "
          + "nullPrediction, lastPrediction, defaultChild, weightedConfidence and "
          + "aggregateNodes")
    }
    if aggregation != nil, function != .classification {
      throw error(
        .unsupported, element,
        "missingValueStrategy '\(strategyText)' combines class confidences or record counts, "
          + "so it is defined for classification trees only")
    }
    let noTrueChild = attribute("noTrueChildStrategy", of: element) ?? "returnNullPrediction"
    guard noTrueChild == "returnNullPrediction" || noTrueChild == "returnLastPrediction" else {
      throw error(.unsupported, element, "noTrueChildStrategy '\(noTrueChild)' is not supported")
    }
    guard let root = document.child(of: element, named: "Node") else {
      throw error(.invalidStructure, element, "TreeModel has no Node")
    }
    guard trees.count < limits.treeCount else {
      throw error(
        .unsupported, element,
        ModelLimits.Message.tooManyTrees("more than \(limits.treeCount)", limit: limits.treeCount))
    }
    var builder = TreeBuilder()
    builder.collectsClassCounts = aggregation == .aggregateNodes
    var stack: [(element: PMMLElement, parent: Int32)] = [(root, -1)]
    var childLists: [[Int32]] = []
    var pendingDefaults: [(node: Int, id: String, element: PMMLElement)] = []
    while let (nodeElement, parent) = stack.popLast() {
      let index = builder.parent.count
      guard index < limits.nodesPerTree else {
        throw error(
          .unsupported, nodeElement,
          ModelLimits.Message.tooManyNodes(
            "more than \(limits.nodesPerTree)", limit: limits.nodesPerTree))
      }
      if parent >= 0 { childLists[Int(parent)].append(Int32(index)) }
      childLists.append([])
      try builder.append(
        nodeElement, parent: parent, function: function, isFloat: isFloat, compiler: self,
        scope: scope)
      if let id = attribute("defaultChild", of: nodeElement) {
        pendingDefaults.append((index, id, nodeElement))
      }
      let children = document.children(of: nodeElement, named: "Node")
      for child in children.reversed() { stack.append((child, Int32(index))) }
    }
    var childStart: [Int32] = [0]
    var children: [Int32] = []
    for list in childLists {
      children += list
      childStart.append(Int32(children.count))
    }
    var defaultChild = [Int32](repeating: -1, count: builder.parent.count)
    for (node, id, nodeElement) in pendingDefaults {
      guard let target = childLists[node].first(where: { builder.nodeID[Int($0)] == id }) else {
        throw error(
          .invalidStructure, nodeElement, "defaultChild '\(id)' is not the id of a child node")
      }
      defaultChild[node] = target
    }
    let tree = PMMLTree(
      place: document.path(of: element), parent: builder.parent, childStart: childStart,
      children: children, recordCount: builder.recordCount, value: builder.value,
      nodeID: builder.nodeID, predicates: builder.predicates, hasScore: builder.hasScore,
      scoreCategory: builder.scoreCategory, defaultChild: defaultChild)
    trees.append(tree)
    switch aggregation {
    case .weightedConfidence:
      // The spec: "weightedConfidence should only be applied when the recordCount
      // attribute is specified in each Node".
      if let node = tree.recordCount.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
        throw error(
          .invalidStructure, element,
          "missingValueStrategy 'weightedConfidence' needs a recordCount on every Node; "
            + "node \(node + 1) (document order) has none")
      }
    case .aggregateNodes:
      if let node = builder.incompleteCounts.first {
        throw error(
          .invalidStructure, element,
          "missingValueStrategy 'aggregateNodes' needs a recordCount on every "
            + "ScoreDistribution; one of node \(node + 1) (document order) has none")
      }
    case nil:
      break
    }
    return PMMLTreeBody(
      tree: tree, missingValueStrategy: strategy,
      returnsLastPrediction: noTrueChild == "returnLastPrediction", aggregation: aggregation,
      classCounts: aggregation == .aggregateNodes ? builder.classCounts : [])
  }
}

/// Collects the node arrays of one tree.
private struct TreeBuilder {
  var parent: [Int32] = []
  var recordCount: [Double] = []
  var value: [Double] = []
  var nodeID: [String] = []
  var predicates: [PMMLPredicate] = []
  var hasScore: [Bool] = []
  var scoreCategory: [Int8] = []
  /// Whether to fill ``classCounts`` (only `aggregateNodes` reads them).
  var collectsClassCounts = false
  /// The `ScoreDistribution@recordCount` sums of each node, category 0 then 1; NaN for a
  /// node without `ScoreDistribution` (when ``collectsClassCounts``).
  var classCounts: [Double] = []
  /// The nodes (by index) with a `ScoreDistribution` that lacks a `recordCount`.
  var incompleteCounts: [Int] = []

  private static let nodeChildren: Set<String> = PMMLCompiler.predicateNames.union([
    "Extension", "Partition", "ScoreDistribution", "Node",
  ])

  mutating func append(
    _ element: PMMLElement, parent: Int32, function: PMMLSubmodel.Function, isFloat: Bool,
    compiler: PMMLCompiler, scope: PMMLScope
  ) throws {
    let document = compiler.document
    for child in document.children(of: element)
    where !TreeBuilder.nodeChildren.contains(document.name(of: child)) {
      throw compiler.unsupported(
        child, "element '\(document.name(of: child))' inside a Node is not supported")
    }
    self.parent.append(parent)
    nodeID.append(compiler.attribute("id", of: element) ?? "")
    recordCount.append(try compiler.number("recordCount", of: element) ?? .nan)
    predicates.append(
      try compiler.compilePredicate(try compiler.predicateElement(of: element), in: scope))
    let score = compiler.attribute("score", of: element)
    hasScore.append(score != nil)
    switch function {
    case .regression:
      scoreCategory.append(-1)
      guard let score else {
        value.append(.nan)
        return
      }
      guard let number = PMMLDataType.double.parseNumber(score) else {
        throw compiler.error(.invalidStructure, element, "score '\(score)' is not a number")
      }
      value.append(isFloat ? Double(Float(number)) : number)
    case .classification:
      let category = try score.map { try compiler.categoryIndex($0, at: element) }
      scoreCategory.append(Int8(category ?? -1))
      value.append(
        try positiveProbability(element, compiler: compiler, scoreCategory: category))
      if collectsClassCounts { try appendClassCounts(element, compiler: compiler) }
    }
  }

  /// Records the per-category `ScoreDistribution@recordCount` sums of a node, as the
  /// `aggregateNodes` strategy adds them up.
  private mutating func appendClassCounts(_ element: PMMLElement, compiler: PMMLCompiler) throws {
    let document = compiler.document
    let distributions = document.children(of: element, named: "ScoreDistribution")
    guard !distributions.isEmpty else {
      classCounts += [.nan, .nan]
      return
    }
    var counts = [0.0, 0.0]
    for distribution in distributions {
      let category = try compiler.categoryIndex(
        try compiler.required("value", of: distribution), at: distribution)
      guard let count = try compiler.number("recordCount", of: distribution) else {
        incompleteCounts.append(parent.count - 1)
        counts = [.nan, .nan]
        break
      }
      counts[category] += count
    }
    classCounts += counts
  }

  /// The positive-class probability of a node: from `ScoreDistribution` (the `probability`
  /// attributes if the first has one, else `recordCount`s), normalised to sum 1; else 1 or 0
  /// from the score.
  private func positiveProbability(
    _ element: PMMLElement, compiler: PMMLCompiler, scoreCategory: Int?
  ) throws -> Double {
    let document = compiler.document
    let distributions = document.children(of: element, named: "ScoreDistribution")
    guard let first = distributions.first else {
      guard let scoreCategory else { return .nan }
      return scoreCategory == 1 ? 1 : 0
    }
    let useProbability = compiler.attribute("probability", of: first) != nil
    var weights = [0.0, 0.0]
    var total = 0.0
    for distribution in distributions {
      let category = try compiler.categoryIndex(
        try compiler.required("value", of: distribution), at: distribution)
      let amount =
        useProbability
        ? try compiler.requiredNumber("probability", of: distribution)
        : try compiler.requiredNumber("recordCount", of: distribution)
      weights[category] += amount
      total += amount
    }
    return total > 0 ? weights[1] / total : .nan
  }
}
