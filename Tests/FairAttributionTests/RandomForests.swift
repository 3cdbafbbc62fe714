import FairModels
import _FairSupport

/// A small, seedable generator (SplitMix64), so that test cases name their seed.
struct TestRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random ensembles that exercise every routing rule: XGBoost and LightGBM numeric splits
/// with every missing-value rule, categorical splits of both families, repeated features on a
/// path, ties at thresholds, and NaN values.
struct RandomForests {
  /// The library whose routing rules the trees use.
  enum Flavor: CaseIterable { case xgboost, lightGBM }

  var rng: TestRandom
  let featureCount: Int
  let categoricalFeatures: Set<Int>
  let flavor: Flavor
  /// Features the trees may split on (a dummy feature is left out of it).
  let splitFeatures: [Int]
  /// When true, about a third of the leaves have zero cover.
  let zeroCovers: Bool

  static let thresholds: [Double] = [-1, -0.5, 0, 0.5, 1]
  static let categoryCount = 6

  init(
    seed: UInt64, featureCount: Int, flavor: Flavor, dummy: Int? = nil, zeroCovers: Bool = false
  ) {
    rng = TestRandom(seed: seed)
    self.featureCount = featureCount
    self.flavor = flavor
    self.zeroCovers = zeroCovers
    categoricalFeatures = featureCount >= 4 ? [featureCount - 1, featureCount - 3] : []
    splitFeatures = (0..<featureCount).filter { $0 != dummy }
  }

  var features: [ModelFeature] {
    (0..<featureCount).map { index in
      categoricalFeatures.contains(index)
        ? ModelFeature(
          name: "c\(index)",
          kind: .categorical(levels: (0..<RandomForests.categoryCount).map { "L\($0)" }))
        : ModelFeature(name: "x\(index)")
    }
  }

  /// A random ensemble of `treeCount` trees of depth at most `maxDepth`.
  mutating func ensemble(
    treeCount: Int, maxDepth: Int, weighted: Bool = false, averaging: Bool = false
  ) throws -> TreeEnsemble {
    var trees: [Tree] = []
    var weights: [Double] = []
    for _ in 0..<treeCount {
      let depth = Int.random(in: 1...maxDepth, using: &rng)
      trees.append(tree(maxDepth: depth))
      weights.append(weighted ? Double.random(in: 0.25...1.5, using: &rng) : 1)
    }
    return try TreeEnsemble(
      trees: trees, weights: weights, baseMargin: Double.random(in: -1...1, using: &rng),
      features: features, task: .binaryClassification, outputTransform: .logistic,
      accumulation: .float64, averagesTrees: averaging, summary: "random", file: "random")
  }

  /// A random tree whose leaves reach at most `maxDepth`.
  mutating func tree(maxDepth: Int) -> Tree {
    var builder = Builder()
    _ = grow(depth: 0, maxDepth: maxDepth, into: &builder)
    var tree = Tree(nodeCount: builder.feature.count)
    tree.splitFeature = builder.feature
    tree.threshold = builder.threshold
    tree.leftChild = builder.left
    tree.rightChild = builder.right
    tree.rule = builder.rule
    tree.categories = builder.categories
    tree.value = builder.value
    tree.cover = builder.cover
    return tree
  }

  private struct Builder {
    var feature: [Int32] = []
    var threshold: [Double] = []
    var left: [Int32] = []
    var right: [Int32] = []
    var rule: [SplitRule] = []
    var categories: [[Int32]] = []
    var value: [Double] = []
    var cover: [Double] = []
  }

  /// Appends a subtree; returns its root index and cover.
  private mutating func grow(depth: Int, maxDepth: Int, into builder: inout Builder) -> (
    Int32, Double
  ) {
    let index = builder.feature.count
    builder.feature.append(-1)
    builder.threshold.append(0)
    builder.left.append(-1)
    builder.right.append(-1)
    builder.rule.append([])
    builder.categories.append([])
    builder.value.append(0)
    builder.cover.append(0)
    let splits = depth < maxDepth && (depth == 0 || Double.random(in: 0..<1, using: &rng) < 0.8)
    if !splits {
      builder.value[index] = Double.random(in: -1...1, using: &rng)
      let cover =
        zeroCovers && Double.random(in: 0..<1, using: &rng) < 0.35
        ? 0 : Double(Int.random(in: 1...50, using: &rng))
      builder.cover[index] = cover
      return (Int32(index), cover)
    }
    let feature = splitFeatures.randomElement(using: &rng) ?? 0
    builder.feature[index] = Int32(feature)
    if categoricalFeatures.contains(feature) {
      var set: [Int32] = []
      for category in 0..<RandomForests.categoryCount where Bool.random(using: &rng) {
        set.append(Int32(category))
      }
      if set.isEmpty { set = [0] }
      builder.categories[index] = set
      var rule: SplitRule = [.categorical]
      if flavor == .lightGBM { rule.insert(.lessOrEqual) }
      if Bool.random(using: &rng) { rule.insert(.defaultLeft) }
      builder.rule[index] = rule
    } else {
      builder.threshold[index] = RandomForests.thresholds.randomElement(using: &rng) ?? 0
      var rule: SplitRule = []
      if Bool.random(using: &rng) { rule.insert(.defaultLeft) }
      if flavor == .lightGBM {
        rule.insert(.lessOrEqual)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: rule.insert(.missingZero)
        case 1: rule.insert(.missingNaN)
        default: break
        }
      }
      builder.rule[index] = rule
    }
    let (left, leftCover) = grow(depth: depth + 1, maxDepth: maxDepth, into: &builder)
    let (right, rightCover) = grow(depth: depth + 1, maxDepth: maxDepth, into: &builder)
    builder.left[index] = left
    builder.right[index] = right
    // Covers stay consistent (parent = sum of children), as when recomputed from data: a
    // node has zero cover only when its whole subtree has.
    let cover = leftCover + rightCover
    builder.cover[index] = cover
    return (Int32(index), cover)
  }

  /// Random rows: grid values, exact thresholds, zeros and NaN; categories, unseen and NaN.
  mutating func rows(_ count: Int) -> FeatureMatrix {
    var values: [Double] = []
    for _ in 0..<count {
      for feature in 0..<featureCount {
        let roll = Int.random(in: 0..<10, using: &rng)
        if roll == 0 {
          values.append(.nan)
        } else if categoricalFeatures.contains(feature) {
          values.append(
            roll == 1
              ? FeatureMatrix.unseenCategory
              : Double(Int.random(in: 0..<RandomForests.categoryCount, using: &rng)))
        } else if roll <= 3 {
          values.append(RandomForests.thresholds.randomElement(using: &rng) ?? 0)
        } else {
          values.append(Double.random(in: -1.5...1.5, using: &rng))
        }
      }
    }
    return FeatureMatrix(values: values, rowCount: count, featureCount: featureCount)
  }
}
