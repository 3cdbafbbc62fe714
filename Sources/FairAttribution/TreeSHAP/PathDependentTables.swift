import FairModels
import _FairSupport

/// Per-leaf tables of path-dependent SHAP contributions, one block per pattern of satisfied
/// path features.
///
/// Fix a leaf with value `v` and distinct path features `k = 0..<d`, with zero fractions
/// `q_k` (products of cover ratios) and one fractions `o_k ∈ {0, 1}` (whether the row
/// satisfies every split on `k`). The leaf's share of the path-dependent game is
/// multiplicative, and its Shapley values have the closed form
/// (<doc:TreeSHAPAlgorithms#The-closed-form-per-leaf>)
///
/// ```
/// φ_k = v · (o_k − q_k) · ∫₀¹ Π_{l≠k} (q_l + (o_l − q_l)·t) dt
/// ```
///
/// which is the Beta-integral identity with `Π q` folded into the factors, so that no
/// division by a cover ratio is needed (see ``LeafQuadrature``). The values depend on the row
/// only through the bit mask of the `o_k`, so all `2^d` masks are tabulated once per model
/// (the idea of FastTreeSHAP v2, Yang 2021); explaining a row then costs `d` additions per
/// leaf. Building a leaf's table costs about as much as evaluating it directly for `2^d`
/// rows, so only trees with at most 10 distinct features per path are tabulated.
struct PathDependentTables: Sendable {
  /// The largest number of distinct path features of a tabulated tree.
  static let maxTabulatedFeatures = 10

  /// Whether each tree is tabulated; other trees fall back to the classic recursion.
  let treeIsTabulated: [Bool]
  /// The first table value of each leaf slot; 0 for leaves of untabulated trees.
  let offset: [Int]
  /// All tables, leaf after leaf, mask after mask, feature after feature.
  let values: FrozenArray<Double>

  /// Tabulates the trees of `forest` in order while the tables fit in `memoryLimit` bytes.
  ///
  /// - Complexity: O(Σ_leaves 2^d·d²) time and O(Σ_leaves 2^d·d) memory over tabulated trees.
  init(forest: PreorderForest, memoryLimit: Int, threads: Int) {
    var tabulated = [Bool](repeating: false, count: forest.treeCount)
    var offset = [Int](repeating: 0, count: forest.leafCount)
    var budget = memoryLimit / MemoryLayout<Double>.stride
    var total = 0
    for tree in 0..<forest.treeCount {
      guard forest.treeDistinctFeatures[tree] <= PathDependentTables.maxTabulatedFeatures else {
        continue
      }
      var size = 0
      for leaf in forest.leafStart[tree]..<forest.leafStart[tree + 1] {
        let count = forest.pathStart[leaf + 1] - forest.pathStart[leaf]
        size += (1 << count) * count
      }
      guard size <= budget else { continue }
      budget -= size
      tabulated[tree] = true
      for leaf in forest.leafStart[tree]..<forest.leafStart[tree + 1] {
        let count = forest.pathStart[leaf + 1] - forest.pathStart[leaf]
        offset[leaf] = total
        total += (1 << count) * count
      }
    }
    let quadrature = LeafQuadrature()
    // Build per tree in parallel; each tree's block depends only on the tree.
    let trees = (0..<forest.treeCount).filter { tabulated[$0] }
    let chunkSize = 8
    let chunkCount = (trees.count + chunkSize - 1) / chunkSize
    let blocks = ParallelChunks.map(count: chunkCount, threads: threads) { chunk -> [Double] in
      var block: [Double] = []
      for tree in trees[(chunk * chunkSize)..<min(trees.count, (chunk + 1) * chunkSize)] {
        for leaf in forest.leafStart[tree]..<forest.leafStart[tree + 1] {
          let first = forest.pathStart[leaf]
          let count = forest.pathStart[leaf + 1] - first
          if count == 0 { continue }
          PathDependentTables.appendTable(
            value: forest.leafValue[leaf],
            zeros: Array(forest.pathZeroFraction[first..<(first + count)]),
            quadrature: quadrature, to: &block)
        }
      }
      forest.pairSiblingTables(
        &block, trees: trees[(chunk * chunkSize)..<min(trees.count, (chunk + 1) * chunkSize)])
      return block
    }
    let values = FrozenArray(joining: blocks)
    precondition(values.count == total, "table sizes must match their offsets")
    self.treeIsTabulated = tabulated
    self.offset = offset
    self.values = values
  }

  /// Appends the `2^d · d` contributions of one leaf to `block`, mask after mask.
  static func appendTable(
    value: Double, zeros: [Double], quadrature: LeafQuadrature, to block: inout [Double]
  ) {
    let count = zeros.count
    let points = LeafQuadrature.points(for: count)
    let first = quadrature.start[points]
    let start = block.count
    block.append(contentsOf: repeatElement(0, count: (1 << count) * count))
    zeros.withUnsafeBufferPointer { zeros in
      quadrature.nodes.withUnsafeBufferPointer { nodes in
        quadrature.weights.withUnsafeBufferPointer { weights in
          block.withUnsafeMutableBufferPointer { out in
            guard let zeroBase = zeros.baseAddress, let nodeBase = nodes.baseAddress,
              let weightBase = weights.baseAddress, let outBase = out.baseAddress
            else { return }
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * count + 1) { scratch in
              guard let scratchBase = scratch.baseAddress else { return }
              for mask in 0..<(1 << count) {
                LeafQuadrature.contributions(
                  mask: UInt32(mask), value: value, zeros: zeroBase, count: count,
                  nodes: nodeBase + first, weights: weightBase + first, points: points,
                  scratch: scratchBase, result: outBase + start + mask * count)
              }
            }
          }
        }
      }
    }
  }
}
