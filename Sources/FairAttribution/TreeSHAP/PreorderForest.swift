import FairModels

/// A tree ensemble re-laid in depth-first preorder, with a summary of every root-to-leaf path.
///
/// In preorder the left child of internal node `i` is `i + 1`, so a single forward scan over
/// a tree's nodes visits every parent before its children. Each internal node also records
/// the *bit* of its feature: the position of the feature among the distinct features of the
/// path from the root, in order of first appearance. Every leaf below the node uses the same
/// positions, so a row's per-leaf bit masks (which features the row satisfies along the
/// path) are built in that forward scan.
///
/// Leaf values are scaled by the tree's weight (DART) and by `1/T` in averaging mode, so the
/// margin is `baseMargin + Σ` of the scaled values of the leaves a row reaches.
///
/// Covers that are not positive (0, or NaN) are replaced by `1e-6`, as shap does for nodes a
/// background dataset never reaches; see ``sanitizedCover(_:)``.
struct PreorderForest: Sendable {
  /// The cover used for a node whose stored cover is not positive.
  static let smallestCover = 1e-6

  /// The first preorder node of each tree, plus the node count at the end.
  let treeStart: [Int]
  /// The first leaf slot of each tree, plus the leaf count at the end.
  let leafStart: [Int]
  /// The ensemble's node index of each preorder node.
  let originalNode: [Int32]
  /// The split feature of each preorder node; -1 for leaves.
  let feature: [Int32]
  /// The preorder index of each internal node's right child; -1 for leaves.
  let rightChild: [Int32]
  /// The bit position of each internal node's feature on the path; 0 for leaves.
  let bit: [UInt8]
  /// The leaf slot of each leaf; -1 for internal nodes.
  let leafSlot: [Int32]
  /// How each split node may be decided without the ensemble (see ``Route``).
  let route: [UInt8]
  /// The threshold of each split node.
  let threshold: [Double]
  /// The threshold of each split node rounded to `Float` (XGBoost compares in `Float`).
  let floatThreshold: [Float]
  /// The sanitized cover of each preorder node.
  let cover: [Double]
  /// The scaled value of each preorder node (meaningful for leaves).
  let value: [Double]
  /// The largest number of distinct features on a path, per tree.
  let treeDistinctFeatures: [Int]
  /// The largest node count of one tree.
  let largestTreeNodeCount: Int
  /// The largest depth of one tree.
  let maxDepth: Int
  /// The cover-weighted mean of the scaled leaf values, per tree (`E_t` of
  /// <doc:TreeSHAPAlgorithms#The-base-value>).
  let treeExpectation: [Double]

  /// The start of each leaf's path in ``pathFeature`` and ``pathZeroFraction``, plus the end.
  let pathStart: [Int]
  /// The distinct features on each leaf's path, in order of first appearance.
  let pathFeature: [Int32]
  /// For each path feature, the product of the cover ratios of its splits on the path.
  let pathZeroFraction: [Double]
  /// The scaled value of each leaf slot.
  let leafValue: [Double]
  /// The preorder node of each leaf slot.
  let leafNode: [Int]
  /// The sibling mark of each leaf slot.
  ///
  /// For a leaf slot whose sibling is the next leaf slot (both children of one split): the
  /// bit of the parent's feature on their common path; −2 for that next slot; −1 otherwise.
  /// See <doc:TreeSHAPAlgorithms#Sibling-leaves>.
  let siblingBit: [Int8]

  /// The largest leaf count of one tree.
  let largestTreeLeafCount: Int

  /// Shortcuts for the common numeric splits, decided exactly as
  /// ``TreeEnsemble/goesLeft(node:x:)`` decides them; every other split asks the ensemble.
  enum Route {
    /// Ask the ensemble (categorical splits, LightGBM's missing-zero rule).
    static let general: UInt8 = 0
    /// XGBoost numeric, NaN goes right: left iff `Float(x) < Float(t)`.
    static let floatLess: UInt8 = 1
    /// XGBoost numeric, NaN goes left.
    static let floatLessNaNLeft: UInt8 = 2
    /// LightGBM numeric without a missing type: NaN reads as 0; left iff `x <= t`.
    static let lessOrEqualNaNAsZero: UInt8 = 3
    /// LightGBM numeric, missing type NaN, default left.
    static let lessOrEqualNaNLeft: UInt8 = 4
    /// LightGBM numeric, missing type NaN, default right.
    static let lessOrEqualNaNRight: UInt8 = 5

    /// The route of a split with `rule`.
    static func of(_ rule: SplitRule) -> UInt8 {
      if rule.contains(.categorical) { return general }
      if !rule.contains(.lessOrEqual) {
        return rule.contains(.defaultLeft) ? floatLessNaNLeft : floatLess
      }
      if rule.contains(.missingZero) { return general }
      if !rule.contains(.missingNaN) { return lessOrEqualNaNAsZero }
      return rule.contains(.defaultLeft) ? lessOrEqualNaNLeft : lessOrEqualNaNRight
    }
  }

  /// The number of trees.
  var treeCount: Int { treeStart.count - 1 }
  /// The number of leaves.
  var leafCount: Int { leafValue.count }

  /// A cover that is safe to divide by: `cover` if positive, else ``smallestCover``.
  static func sanitizedCover(_ cover: Double) -> Double {
    cover > 0 ? cover : smallestCover
  }

  /// Re-lays `ensemble` in preorder.
  ///
  /// - Complexity: O(*N*·*D*) for *N* nodes and depth *D*.
  init(_ ensemble: TreeEnsemble) {
    var builder = Builder(ensemble: ensemble)
    let trees = ensemble.treeCount
    let averaging = ensemble.averagesTrees && trees > 0 ? 1 / Double(trees) : 1
    for tree in 0..<trees {
      builder.beginTree(scale: ensemble.treeWeight[tree] * averaging)
      _ = builder.visit(Int(ensemble.treeStart[tree]), depth: 0)
      builder.endTree()
    }
    treeStart = builder.treeStart
    leafStart = builder.leafStart
    originalNode = builder.originalNode
    feature = builder.feature
    rightChild = builder.rightChild
    bit = builder.bit
    leafSlot = builder.leafSlot
    route = builder.route
    threshold = builder.threshold
    floatThreshold = builder.threshold.map { Float($0) }
    var largestLeaves = 0
    for tree in 0..<trees {
      largestLeaves = max(largestLeaves, builder.leafStart[tree + 1] - builder.leafStart[tree])
    }
    largestTreeLeafCount = largestLeaves
    cover = builder.cover
    value = builder.value
    treeDistinctFeatures = builder.treeDistinct
    largestTreeNodeCount = builder.largestTree
    maxDepth = builder.maxDepth
    treeExpectation = builder.treeExpectation
    pathStart = builder.pathStart
    pathFeature = builder.pathFeature
    pathZeroFraction = builder.pathZeroFraction
    leafValue = builder.leafValue
    leafNode = builder.leafNode
    siblingBit = PreorderForest.siblingBits(
      leafNode: builder.leafNode, leafStart: builder.leafStart, feature: builder.feature,
      rightChild: builder.rightChild, bit: builder.bit)
  }

  /// Computes ``siblingBit``.
  ///
  /// In preorder a leaf whose previous node is a split is that split's left child, and its
  /// sibling is the next leaf slot when the split's right child is that leaf. Siblings share
  /// their path, so the same path features in the same order.
  private static func siblingBits(
    leafNode: [Int], leafStart: [Int], feature: [Int32], rightChild: [Int32], bit: [UInt8]
  ) -> [Int8] {
    var result = [Int8](repeating: -1, count: leafNode.count)
    for tree in 0..<(leafStart.count - 1) {
      var leaf = leafStart[tree]
      while leaf + 1 < leafStart[tree + 1] {
        let parent = leafNode[leaf] - 1
        if parent >= 0 && feature[parent] >= 0 && Int(rightChild[parent]) == leafNode[leaf + 1] {
          result[leaf] = Int8(bit[parent])
          result[leaf + 1] = -2
          leaf += 2
        } else {
          leaf += 1
        }
      }
    }
    return result
  }

  /// Merges the tables of sibling leaves (``siblingBit``) of `trees`, in place, so that a
  /// pair costs one lookup per row instead of two.
  ///
  /// `values` holds the tables of `trees`, tree after tree and leaf after leaf:
  /// `2^d` blocks of `d` values per leaf, one block per mask (the layout
  /// ``ForestView/addTabulated`` reads). A pair's two tables, `L` and `R`, become one of
  /// `2^(d+1)` blocks in the same space, indexed by the parent's mask `m` and the direction
  /// `g` (1 when the row goes left; 0 when it goes right or when `m` lacks the parent's bit
  /// `b`, since then both children see `m`):
  ///
  /// ```
  /// merged[2m + 1] = L[m] + R[m & ~b]        (the row goes left)
  /// merged[2m]     = L[m & ~b] + R[m]        (the row goes right, or m lacks b)
  /// ```
  ///
  /// The sum of a pair's two entries is rounded once, before it is added to the row, so
  /// attributions may differ from leaf-by-leaf sums in the last bit.
  func pairSiblingTables(_ values: inout [Double], trees: some Collection<Int>) {
    var merged: [Double] = []
    var position = 0
    for tree in trees {
      var leaf = leafStart[tree]
      while leaf < leafStart[tree + 1] {
        let count = pathStart[leaf + 1] - pathStart[leaf]
        let size = (1 << count) * count
        guard siblingBit[leaf] >= 0 else {
          position += size
          leaf += 1
          continue
        }
        precondition(
          pathStart[leaf + 2] - pathStart[leaf + 1] == count,
          "sibling leaves share their path features")
        let b = 1 << Int(siblingBit[leaf])
        merged.removeAll(keepingCapacity: true)
        values.withUnsafeBufferPointer { buffer in
          guard let left = buffer.baseAddress.map({ $0 + position }) else { return }
          let right = left + size
          // When m lacks b, m & ~b is m, so both rows of the table read L[m] + R[m].
          for mask in 0..<(1 << count) {
            for k in 0..<count {
              merged.append(left[(mask & ~b) * count + k] + right[mask * count + k])
            }
            for k in 0..<count {
              merged.append(left[mask * count + k] + right[(mask & ~b) * count + k])
            }
          }
        }
        values.replaceSubrange(position..<(position + 2 * size), with: merged)
        position += 2 * size
        leaf += 2
      }
    }
  }

  /// Accumulates the preorder arrays.
  private struct Builder {
    let ensemble: TreeEnsemble
    var treeStart: [Int] = [0]
    var leafStart: [Int] = [0]
    var originalNode: [Int32] = []
    var feature: [Int32] = []
    var rightChild: [Int32] = []
    var bit: [UInt8] = []
    var leafSlot: [Int32] = []
    var route: [UInt8] = []
    var threshold: [Double] = []
    var cover: [Double] = []
    var value: [Double] = []
    var treeDistinct: [Int] = []
    var largestTree = 0
    var maxDepth = 0
    var treeExpectation: [Double] = []
    var pathStart: [Int] = [0]
    var pathFeature: [Int32] = []
    var pathZeroFraction: [Double] = []
    var leafValue: [Double] = []
    var leafNode: [Int] = []

    var scale = 1.0
    var expectation = 0.0
    var distinct = 0
    var currentFeatures: [Int32] = []
    var currentZeros: [Double] = []

    init(ensemble: TreeEnsemble) {
      self.ensemble = ensemble
      let nodes = ensemble.splitFeature.count
      originalNode.reserveCapacity(nodes)
      feature.reserveCapacity(nodes)
      rightChild.reserveCapacity(nodes)
      bit.reserveCapacity(nodes)
      leafSlot.reserveCapacity(nodes)
      cover.reserveCapacity(nodes)
      value.reserveCapacity(nodes)
    }

    mutating func beginTree(scale: Double) {
      self.scale = scale
      expectation = 0
      distinct = 0
    }

    mutating func endTree() {
      largestTree = max(largestTree, feature.count - (treeStart.last ?? 0))
      treeStart.append(feature.count)
      leafStart.append(leafValue.count)
      treeDistinct.append(distinct)
      treeExpectation.append(expectation)
    }

    /// Appends `node` and its subtree; returns the preorder index of `node`.
    mutating func visit(_ node: Int, depth: Int) -> Int {
      let index = feature.count
      maxDepth = max(maxDepth, depth)
      let split = ensemble.splitFeature[node]
      originalNode.append(Int32(node))
      feature.append(split)
      rightChild.append(-1)
      route.append(split < 0 ? Route.general : Route.of(ensemble.rule[node]))
      threshold.append(split < 0 ? 0 : ensemble.threshold[node])
      cover.append(PreorderForest.sanitizedCover(ensemble.cover[node]))
      value.append(ensemble.value[node] * scale)
      if split < 0 {
        bit.append(0)
        leafSlot.append(Int32(leafValue.count))
        let leaf = ensemble.value[node] * scale
        leafValue.append(leaf)
        leafNode.append(index)
        pathFeature.append(contentsOf: currentFeatures)
        pathZeroFraction.append(contentsOf: currentZeros)
        pathStart.append(pathFeature.count)
        distinct = max(distinct, currentFeatures.count)
        var probability = 1.0
        for zero in currentZeros { probability *= zero }
        expectation += leaf * probability
        return index
      }
      leafSlot.append(-1)
      let left = Int(ensemble.leftChild[node])
      let right = Int(ensemble.rightChild[node])
      let parentCover = PreorderForest.sanitizedCover(ensemble.cover[node])
      let leftRatio = PreorderForest.sanitizedCover(ensemble.cover[left]) / parentCover
      let rightRatio = PreorderForest.sanitizedCover(ensemble.cover[right]) / parentCover
      let rightIndex: Int
      if let position = currentFeatures.firstIndex(of: split) {
        bit.append(UInt8(truncatingIfNeeded: min(position, 255)))
        let saved = currentZeros[position]
        currentZeros[position] = saved * leftRatio
        _ = visit(left, depth: depth + 1)
        currentZeros[position] = saved * rightRatio
        rightIndex = visit(right, depth: depth + 1)
        currentZeros[position] = saved
      } else {
        bit.append(UInt8(truncatingIfNeeded: min(currentFeatures.count, 255)))
        currentFeatures.append(split)
        currentZeros.append(leftRatio)
        _ = visit(left, depth: depth + 1)
        currentZeros[currentZeros.count - 1] = rightRatio
        rightIndex = visit(right, depth: depth + 1)
        currentFeatures.removeLast()
        currentZeros.removeLast()
      }
      rightChild[index] = Int32(rightIndex)
      return index
    }
  }
}
