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
  public let rule: [SplitRule]
  /// For categorical nodes, the first word of the node's category bitset in ``categoryWords``.
  public let categoryStart: [Int32]
  /// For categorical nodes, the number of 32-bit words of the node's bitset.
  public let categoryWordCount: [Int32]
  /// The category bitsets of all categorical nodes: bit `c` set when category `c` is in the set.
  public let categoryWords: [UInt32]
  /// Each categorical node's first entry in ``categoryDecisions``; −1 for other nodes and
  /// for sets too large to tabulate (see ``decisionTables(rule:categoryStart:categoryWordCount:categoryWords:)``).
  let categoryDecisionStart: [Int32]
  /// The decision tables of categorical nodes, for routing a column of category codes.
  let categoryDecisions: [UInt8]
  /// The value of each node (leaf outputs; internal values if the format has them).
  public let value: [Double]
  /// The cover of each node.
  public let cover: [Double]
  /// The first node of each tree, plus the total node count at the end.
  public let treeStart: [Int32]
  /// The weight of each tree's output: 1, except for XGBoost DART boosters (`weight_drop`)
  /// and LightGBM `binary sigmoid:K` models (K).
  public let treeWeight: [Double]
  /// The offset added to every margin.
  public let baseMargin: Double
  /// How leaf values are summed.
  public let accumulation: Accumulation
  /// Whether the sum is divided by the number of trees (random-forest mode).
  public let averagesTrees: Bool
  /// The depth of the deepest tree (a lone leaf has depth 0).
  public let maxDepth: Int
  /// The nodes packed for the scoring loop (see ``scoreMargins(_:into:)``).
  let packedNodes: [PackedNode]
  /// The trees packed for the scoring loop.
  let packedTrees: [PackedTree]
  /// The scoring loop the splits allow.
  let scoringPath: ScoringPath

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
  ///   feature beyond the feature list, a NaN threshold, a negative category. Fields are
  ///   named as each tree's ``Tree/fieldNames`` give them. Nodes the root cannot reach are
  ///   kept as leaves and never read.
  /// - Complexity: O(*N*) for *N* nodes in all.
  public init(
    trees: [Tree], weights: [Double]? = nil, baseMargin: Double, features: [ModelFeature],
    task: ModelTask, outputTransform: OutputTransform, accumulation: Accumulation,
    averagesTrees: Bool = false, summary: String, file: String
  ) throws {
    try self.init(
      trees: trees, weights: weights, baseMargin: baseMargin, features: features, task: task,
      outputTransform: outputTransform, accumulation: accumulation,
      averagesTrees: averagesTrees, summary: summary, file: file, limits: .standard)
  }

  /// Checks and flattens trees into an ensemble within `limits` (lowered by tests); the
  /// parameters are those of ``init(trees:weights:baseMargin:features:task:outputTransform:accumulation:averagesTrees:summary:file:)``.
  ///
  /// - Throws: `ModelError` as that initializer does, and `unsupported` when the category
  ///   sets need more bitset words than ``ModelLimits/categoryWords`` or the trees have more
  ///   than 2³¹ − 2 nodes in all.
  init(
    trees: [Tree], weights: [Double]?, baseMargin: Double, features: [ModelFeature],
    task: ModelTask, outputTransform: OutputTransform, accumulation: Accumulation,
    averagesTrees: Bool = false, summary: String, file: String, limits: ModelLimits
  ) throws {
    precondition(weights == nil || weights?.count == trees.count, "one weight per tree")
    var builder = FlatTreeBuilder(
      featureCount: features.count, file: file, categoryWordLimit: limits.categoryWords)
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
    (self.categoryDecisionStart, self.categoryDecisions) = TreeEnsemble.decisionTables(
      rule: builder.rule, categoryStart: builder.categoryStart,
      categoryWordCount: builder.categoryWordCount, categoryWords: builder.categoryWords)
    self.value = builder.value
    self.cover = builder.cover
    self.treeStart = builder.treeStart
    self.treeWeight = weights ?? Array(repeating: 1, count: trees.count)
    self.baseMargin = baseMargin
    self.accumulation = accumulation
    self.averagesTrees = averagesTrees
    self.maxDepth = builder.maxDepth
    self.packedNodes = TreeEnsemble.packNodes(
      splitFeature: builder.splitFeature, threshold: builder.threshold,
      leftChild: builder.leftChild, rightChild: builder.rightChild, rule: builder.rule,
      categoryStart: builder.categoryStart, categoryWordCount: builder.categoryWordCount,
      value: builder.value)
    self.scoringPath = ScoringPath(rules: builder.rule, splitFeature: builder.splitFeature)
    self.packedTrees = builder.treeDepths.indices.map { tree in
      PackedTree(
        root: Int(builder.treeStart[tree]), weight: weights?[tree] ?? 1,
        depth: builder.treeDepths[tree])
    }
  }

  /// Whether a value goes to the left child of split `node`.
  ///
  /// Follows the training library exactly, including its edge cases on x86-64 (the rules
  /// are stated in <doc:XGBoostJSON#Categorical-splits>, <doc:XGBoostJSON#Margin-computation>,
  /// <doc:LightGBMText#Numeric-splits> and <doc:LightGBMText#Categorical-splits>):
  ///
  /// - XGBoost numeric: NaN takes the default direction; otherwise `Float(x) < Float(t)`.
  /// - XGBoost categorical: NaN takes the default direction; the value is rounded to `Float`
  ///   first; a negative value or one of 2²⁴ or more is an invalid category and goes left;
  ///   otherwise the category `Int32(Float(x))` (truncated) goes right when it is in the set.
  /// - LightGBM numeric: NaN becomes 0 unless the missing type is NaN; the missing value (NaN,
  ///   or |x| ≤ `Double(Float(1e-35))` for missing type Zero) takes the default direction;
  ///   otherwise `x <= t` in `Double`.
  /// - LightGBM categorical: the category is `Int32(x)`, truncated toward zero, so values in
  ///   (-1, 0) read as category 0. NaN, values of -1 or less and values of 2³¹ or more go
  ///   right (on x86-64 LightGBM's `static_cast<int>` turns NaN and overflow into a negative
  ///   number); a category in the set goes left.
  ///
  /// - Parameters:
  ///   - node: An absolute index of a split node.
  ///   - x: The value of the node's feature; NaN when missing.
  @inlinable
  public func goesLeft(node: Int, x: Double) -> Bool {
    let start = Int(categoryStart[node])
    let count = Int(categoryWordCount[node])
    return TreeEnsemble.decide(rule: rule[node], threshold: threshold[node], x: x) { category in
      let word = category >> 5
      guard word < count else { return false }
      return categoryWords[start + word] & (1 << UInt32(category & 31)) != 0
    }
  }

  /// The features that categorical splits test, each with one of its categorical nodes.
  package var categoricalSplitFeatures: [(feature: Int, node: Int)] {
    var seen = Set<Int32>()
    var result: [(feature: Int, node: Int)] = []
    for node in rule.indices where rule[node].contains(.categorical) && splitFeature[node] >= 0 {
      if seen.insert(splitFeature[node]).inserted {
        result.append((Int(splitFeature[node]), node))
      }
    }
    return result
  }

  /// The category codes of a column as the categorical splits of `node`'s library read them,
  /// for ``decideCategories(node:codes:count:into:)``: the category, or -1 for a value that
  /// is no valid category, or -2 for a missing value.
  ///
  /// XGBoost rounds the value to `Float` and takes values in [0, 2²⁴); LightGBM truncates
  /// values in (-1, 2³¹) toward zero. The codes are the same for every categorical split of
  /// the ensemble, so a block of rows needs them once per feature.
  package func categoryCodes(
    node: Int, values: UnsafePointer<Double>, stride: Int, count: Int,
    into codes: UnsafeMutablePointer<Int32>
  ) {
    if rule[node].contains(.lessOrEqual) {
      for index in 0..<count {
        let x = values[index * stride]
        let valid = x > -1 && x < 2_147_483_648
        let category = Int32(valid ? x : 0)
        codes[index] = x.isNaN ? -2 : valid ? category : -1
      }
    } else {
      for index in 0..<count {
        let value = Float(values[index * stride])
        let valid = value >= 0 && value < 16_777_216
        let category = Int32(valid ? value : 0)
        codes[index] = value.isNaN ? -2 : valid ? category : -1
      }
    }
  }

  /// Decides categorical split `node` for a column of category codes
  /// (``categoryCodes(node:values:stride:count:into:)``) exactly as ``goesLeft(node:x:)``
  /// decides the values: writes 1 to `result[i]` when row `i` goes left, 0 otherwise.
  ///
  /// - Precondition: `node` is a categorical split.
  package func decideCategories(
    node: Int, codes: UnsafePointer<Int32>, count: Int, into result: UnsafeMutablePointer<UInt8>
  ) {
    let rule = self.rule[node]
    precondition(rule.contains(.categorical), "node \(node) is not a categorical split")
    let tableStart = Int(categoryDecisionStart[node])
    if tableStart >= 0 {
      // One load per row from the node's table (codes are at least -2).
      let last = Int(categoryWordCount[node]) &* 32 &+ 2
      categoryDecisions.withUnsafeBufferPointer { table in
        guard let base = table.baseAddress.map({ $0 + tableStart }) else { return }
        for index in 0..<count { result[index] = base[min(Int(codes[index]) &+ 2, last)] }
      }
      return
    }
    let start = Int(categoryStart[node])
    let wordCount = Int(categoryWordCount[node])
    categoryWords.withUnsafeBufferPointer { words in
      TreeEnsemble.decideCategories(
        rule: rule, set: UnsafeBufferPointer(rebasing: words[start..<(start + wordCount)]),
        codes: codes, count: count, into: result)
    }
  }

  /// The largest category set, in 32-bit words, that gets a decision table: 2,048 categories.
  static let decisionTableWordLimit = 64

  /// The most bytes of decision tables an ensemble builds: 64 MiB.
  ///
  /// A table costs up to 2 KiB per categorical split, and only speeds up routing; the splits
  /// past this budget (over 32,000 of them) decide from their bitsets instead, so a file
  /// with millions of categorical nodes cannot make the tables dominate memory.
  static let decisionTableByteLimit = 64 << 20

  /// Decision tables of the categorical splits whose sets have at most
  /// ``decisionTableWordLimit`` words: entry `code + 2` of a node's table is the decision for
  /// category code `code` (−2 missing, −1 invalid, then the categories of its set's words),
  /// and one last entry holds the decision for every larger category.
  ///
  /// - Returns: Each node's first entry (−1 for nodes without a table), and the tables.
  static func decisionTables(
    rule: [SplitRule], categoryStart: [Int32], categoryWordCount: [Int32],
    categoryWords: [UInt32]
  ) -> (start: [Int32], tables: [UInt8]) {
    var start = [Int32](repeating: -1, count: rule.count)
    var tables: [UInt8] = []
    categoryWords.withUnsafeBufferPointer { words in
      for node in rule.indices where rule[node].contains(.categorical) {
        let wordCount = Int(categoryWordCount[node])
        guard wordCount <= decisionTableWordLimit,
          tables.count + wordCount * 32 + 3 <= decisionTableByteLimit
        else { continue }
        let first = Int(categoryStart[node])
        let codes = (-2...Int32(wordCount * 32)).map { $0 }
        let table = [UInt8](unsafeUninitializedCapacity: codes.count) { buffer, initialized in
          guard let output = buffer.baseAddress else { return }
          codes.withUnsafeBufferPointer { codes in
            guard let input = codes.baseAddress else { return }
            decideCategories(
              rule: rule[node],
              set: UnsafeBufferPointer(rebasing: words[first..<(first + wordCount)]),
              codes: input, count: codes.count, into: output)
          }
          initialized = codes.count
        }
        start[node] = Int32(tables.count)
        tables.append(contentsOf: table)
      }
    }
    return (start, tables)
  }

  /// Decides a categorical split with rule `rule` and category set `set` for a column of
  /// category codes: writes 1 to `result[i]` when row `i` goes left, 0 otherwise.
  private static func decideCategories(
    rule: SplitRule, set: UnsafeBufferPointer<UInt32>, codes: UnsafePointer<Int32>, count: Int,
    into result: UnsafeMutablePointer<UInt8>
  ) {
    let wordCount = set.count
    // XGBoost: missing takes the default, an invalid category goes left, a category in the
    // set goes right. LightGBM: missing and invalid go right, a category in the set left.
    let isLightGBM = rule.contains(.lessOrEqual)
    let missing: UInt8 = isLightGBM ? 0 : rule.contains(.defaultLeft) ? 1 : 0
    let invalid: UInt8 = isLightGBM ? 0 : 1
    let flip: UInt8 = isLightGBM ? 0 : 1
    guard wordCount > 0 else {
      for index in 0..<count {
        let code = codes[index]
        result[index] = code == -2 ? missing : code == -1 ? invalid : flip
      }
      return
    }
    for index in 0..<count {
      let code = codes[index]
      let category = Int(max(code, 0))
      let word = category >> 5
      let inRange: UInt8 = word < wordCount ? 1 : 0
      let bits = set[inRange != 0 ? word : 0]
      let inSet = UInt8(truncatingIfNeeded: bits >> UInt32(category & 31)) & 1 & inRange
      let special = code == -2 ? missing : invalid
      result[index] = code < 0 ? special : inSet ^ flip
    }
  }

  /// Decides split `node` for a column of values at once, exactly as ``goesLeft(node:x:)``:
  /// writes 1 to `result[i]` when `values[i * stride]` goes left, 0 otherwise.
  ///
  /// The node's rule, threshold and category set are read once for the whole column, which
  /// is what makes categorical splits cheap to route for a block of rows.
  package func decideColumn(
    node: Int, values: UnsafePointer<Double>, stride: Int, count: Int,
    into result: UnsafeMutablePointer<UInt8>
  ) {
    let rule = self.rule[node]
    if rule.contains(.categorical) {
      // Through the category codes, whose selects avoid the mispredicted branches of
      // set membership.
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { codes in
        guard let base = codes.baseAddress else { return }
        categoryCodes(node: node, values: values, stride: stride, count: count, into: base)
        decideCategories(node: node, codes: base, count: count, into: result)
      }
      return
    }
    let threshold = self.threshold[node]
    let start = Int(categoryStart[node])
    let wordCount = Int(categoryWordCount[node])
    categoryWords.withUnsafeBufferPointer { words in
      for index in 0..<count {
        let left = TreeEnsemble.decide(rule: rule, threshold: threshold, x: values[index * stride])
        {
          category in
          let word = category >> 5
          guard word < wordCount else { return false }
          return words[start + word] & (1 << UInt32(category & 31)) != 0
        }
        result[index] = left ? 1 : 0
      }
    }
  }

  /// The decision of one split, shared by ``goesLeft(node:x:)`` and the scoring kernel.
  ///
  /// - Parameters:
  ///   - rule: The node's rule.
  ///   - threshold: The node's threshold.
  ///   - x: The value; NaN when missing.
  ///   - isInSet: Whether a non-negative category is in the node's set.
  @inlinable @inline(__always)
  static func decide(
    rule: SplitRule, threshold: Double, x: Double, isInSet: (Int) -> Bool
  ) -> Bool {
    if rule.contains(.lessOrEqual) {
      if rule.contains(.categorical) {
        guard x > -1, x < 2_147_483_648 else { return false }  // also false for NaN
        return isInSet(Int(x))
      }
      var value = x
      if value.isNaN && !rule.contains(.missingNaN) { value = 0 }
      if (rule.contains(.missingZero) && value >= -lightGBMZeroThreshold
        && value <= lightGBMZeroThreshold) || (rule.contains(.missingNaN) && value.isNaN)
      {
        return rule.contains(.defaultLeft)
      }
      return value <= threshold
    }
    let value = Float(x)
    if value.isNaN { return rule.contains(.defaultLeft) }
    if rule.contains(.categorical) {
      guard value >= 0, value < 16_777_216 else { return true }
      return !isInSet(Int(value))
    }
    return value < Float(threshold)
  }

  /// LightGBM's `kZeroThreshold`: declared `const double kZeroThreshold = 1e-35f`, so it is
  /// the float nearest 1e-35 widened to `Double`, not 1e-35 itself.
  @inlinable
  static var lightGBMZeroThreshold: Double { 1.0000000180025095e-35 }

  /// Whether `category` is in the set of categorical split `node`.
  @inlinable
  public func categoryContains(node: Int, category: Int) -> Bool {
    let word = category >> 5
    guard category >= 0, word < Int(categoryWordCount[node]) else { return false }
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
}

/// Checks trees and appends them to flat arrays.
private struct FlatTreeBuilder {
  let featureCount: Int
  let file: String
  /// The most bitset words all categorical splits together may need.
  let categoryWordLimit: Int
  var splitFeature: [Int32] = []
  var threshold: [Double] = []
  var leftChild: [Int32] = []
  var rightChild: [Int32] = []
  var rule: [SplitRule] = []
  var categoryStart: [Int32] = []
  var categoryWordCount: [Int32] = []
  var categoryWords: [UInt32] = []
  var value: [Double] = []
  var cover: [Double] = []
  var treeStart: [Int32] = [0]
  var maxDepth = 0
  var treeDepths: [Int] = []

  init(featureCount: Int, file: String, categoryWordLimit: Int) {
    self.featureCount = featureCount
    self.file = file
    self.categoryWordLimit = categoryWordLimit
  }

  private func fail(_ tree: Int, _ node: Int, _ field: String, _ message: String) -> ModelError {
    ModelError(
      .invalidStructure, file: file,
      place: ModelError.treePlace(tree: tree, node: node, field: field), message: message)
  }

  mutating func append(_ tree: Tree, index: Int) throws(ModelError) {
    let count = tree.nodeCount
    let names = tree.fieldNames
    guard count > 0 else {
      throw ModelError(
        .invalidStructure, file: file, place: ModelError.treePlace(tree: index),
        message: "tree has no nodes")
    }
    let lengths: [(String, Int)] = [
      (names.threshold, tree.threshold.count), (names.leftChild, tree.leftChild.count),
      (names.rightChild, tree.rightChild.count), ("rule", tree.rule.count),
      (names.categories, tree.categories.count), (names.value, tree.value.count),
      (names.cover, tree.cover.count),
    ]
    for (field, length) in lengths where length != count {
      throw ModelError(
        .invalidStructure, file: file, place: ModelError.treePlace(tree: index, field: field),
        message: "has \(length) entries, but the tree has \(count) nodes")
    }
    // Node indexes are `Int32`, whose largest value also ends `treeStart`.
    guard count < Int(Int32.max) - splitFeature.count else {
      throw ModelError(
        .unsupported, file: file, place: ModelError.treePlace(tree: index),
        message: "the trees have more than \(Int32.max - 1) nodes in all, the most FairGate "
          + "reads")
    }
    let depthBefore = maxDepth
    maxDepth = 0
    let reached = try checkShape(tree, index: index)
    treeDepths.append(maxDepth)
    maxDepth = max(maxDepth, depthBefore)
    let offset = Int32(splitFeature.count)
    for node in 0..<count {
      // Nodes the root cannot reach (XGBoost's deleted nodes) are stored as inert leaves.
      let isLeaf = tree.splitFeature[node] < 0 || !reached[node]
      splitFeature.append(isLeaf ? -1 : tree.splitFeature[node])
      threshold.append(isLeaf ? 0 : tree.threshold[node])
      leftChild.append(isLeaf ? -1 : tree.leftChild[node] + offset)
      rightChild.append(isLeaf ? -1 : tree.rightChild[node] + offset)
      rule.append(isLeaf ? [] : tree.rule[node])
      value.append(tree.value[node])
      cover.append(tree.cover[node])
      if !isLeaf && tree.rule[node].contains(.categorical) {
        let set = tree.categories[node]
        let largest = set.max() ?? -1
        let words = (Int(largest) >> 5) + 1
        // Checked before allocating: the bitset is sized by the largest category, not by the
        // number of categories the file lists.
        guard words <= categoryWordLimit - categoryWords.count else {
          throw ModelError(
            .unsupported, file: file,
            place: ModelError.treePlace(tree: index, node: node, field: names.categories),
            message: ModelLimits.Message.categorySetsTooLarge(
              largest: largest, limit: categoryWordLimit))
        }
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

  /// Walks the tree from the root: every child in range, every node reached at most once.
  ///
  /// - Returns: Which nodes the root reaches.
  private mutating func checkShape(_ tree: Tree, index: Int) throws(ModelError) -> [Bool] {
    let count = tree.nodeCount
    let names = tree.fieldNames
    var reached = [Bool](repeating: false, count: count)
    var stack: [(node: Int, depth: Int)] = [(0, 0)]
    reached[0] = true
    while let (node, depth) = stack.popLast() {
      maxDepth = max(maxDepth, depth)
      let feature = tree.splitFeature[node]
      if feature < 0 { continue }
      guard Int(feature) < featureCount else {
        throw fail(
          index, node, names.splitFeature,
          "feature index \(feature) is beyond the model's \(featureCount) features")
      }
      let rule = tree.rule[node]
      if rule.contains(.categorical) {
        if let bad = tree.categories[node].first(where: { $0 < 0 }) {
          throw fail(index, node, names.categories, "category \(bad) is negative")
        }
      } else if tree.threshold[node].isNaN {
        throw fail(index, node, names.threshold, "threshold is NaN")
      }
      let children = [
        (names.leftChild, tree.leftChild[node]), (names.rightChild, tree.rightChild[node]),
      ]
      for (field, child) in children {
        guard child >= 0 && Int(child) < count else {
          throw fail(index, node, field, "child \(child) is out of range 0..<\(count)")
        }
        guard !reached[Int(child)] else {
          throw fail(
            index, node, field,
            "child \(child) is reached twice (the tree has a cycle or a shared node)")
        }
        reached[Int(child)] = true
        stack.append((Int(child), depth + 1))
      }
    }
    return reached
  }
}
