import FairModels
import _FairSupport

/// Per-leaf tables of interventional SHAP contributions, averaged over a background, one
/// block per pattern of path features the explained row satisfies.
///
/// For a leaf with distinct path features `k = 0..<d`, a row's pattern is the bit mask of the
/// features whose every split on the path it satisfies. With `x`'s pattern `mx` and a
/// reference's pattern `p`, the leaf is reachable by a hybrid only when `mx | p` has all bits;
/// then `A_x = ~p`, `A_r = p & ~mx`, and the leaf's Shapley values are those of
/// ``ShapleyWeights`` (<doc:TreeSHAPAlgorithms#One-reference-and-one-leaf>). They depend on the
/// reference only through `p`, so the background is summarised per leaf by a histogram of
/// patterns, and the contributions for every `mx` are tabulated once:
///
/// ```
/// table[mx][k] = (v / R) · Σ_p count(p) · φ_k(mx, p)
/// ```
///
/// The sum runs over the references that reach the leaf with `x`, those with `p ⊇ ~mx`, and
/// the weights depend on `p` only through `|p ∩ mx|`. So the histogram is turned into ranked
/// superset sums `S[c][t] = Σ_{u ⊇ c, |u| = t} count(u)` (a zeta transform, O(2^d·d²)), and
/// every table entry is a sum of `O(d)` of them:
///
/// ```
/// k ∉ mx:  −Σ_j S[~mx][|~mx| + j] · minus(|mx| − j, d − j)
/// k ∈ mx:  +Σ_j (S[~mx][|~mx| + j] − S[~mx ∪ {k}][|~mx| + j]) · plus(|mx| − j, d − j)
/// ```
///
/// where `j` counts the features both `x` and the reference satisfy. Explaining a row then
/// costs `d` additions per leaf, whatever the background size.
struct InterventionalTables: Sendable {
  /// The largest number of distinct path features of a tabulated tree.
  static let maxTabulatedFeatures = 10
  /// The largest estimated number of inner-loop steps spent building tables.
  static let buildBudget = 1 << 30

  /// Whether each tree is tabulated; other trees are walked per reference row.
  let treeIsTabulated: [Bool]
  /// The first table value of each leaf slot; 0 for leaves of untabulated trees.
  let offset: [Int]
  /// All tables, leaf after leaf, mask after mask, feature after feature.
  let values: FrozenArray<Double>

  /// Tabulates the trees of `forest` in order while tables fit in `memoryLimit` bytes and
  /// the estimated build work in ``buildBudget``.
  ///
  /// - Complexity: O(*R*·*N* + Σ_leaves 2^d·d²) over tabulated trees, for *R* background
  ///   rows and *N* nodes.
  init(
    forest: FrozenForest, ensemble: TreeEnsemble, background: FeatureMatrix,
    weights: ShapleyWeights, memoryLimit: Int, threads: Int
  ) {
    let layout = forest.forest
    let references = background.rowCount
    var tabulated = [Bool](repeating: false, count: layout.treeCount)
    var offset = [Int](repeating: 0, count: layout.leafCount)
    var memory = memoryLimit / MemoryLayout<Double>.stride
    var work = InterventionalTables.buildBudget
    var total = 0
    for tree in 0..<layout.treeCount where references > 0 {
      guard layout.treeDistinctFeatures[tree] <= InterventionalTables.maxTabulatedFeatures
      else { continue }
      var size = 0
      var cost = references * (layout.treeStart[tree + 1] - layout.treeStart[tree])
      for leaf in layout.leafStart[tree]..<layout.leafStart[tree + 1] {
        let count = layout.pathStart[leaf + 1] - layout.pathStart[leaf]
        size += (1 << count) * count
        cost += (1 << count) * (count + 1) * (count + 1) * 2
      }
      guard size <= memory && cost <= work else { continue }
      memory -= size
      work -= cost
      tabulated[tree] = true
      for leaf in layout.leafStart[tree]..<layout.leafStart[tree + 1] {
        let count = layout.pathStart[leaf + 1] - layout.pathStart[leaf]
        offset[leaf] = total
        total += (1 << count) * count
      }
    }
    let trees = (0..<layout.treeCount).filter { tabulated[$0] }
    let chunkSize = 4
    let chunkCount = (trees.count + chunkSize - 1) / chunkSize
    let blocks = ParallelChunks.map(count: chunkCount, threads: threads) { chunk -> [Double] in
      var block: [Double] = []
      for tree in trees[(chunk * chunkSize)..<min(trees.count, (chunk + 1) * chunkSize)] {
        InterventionalTables.appendTables(
          tree: tree, forest: forest, ensemble: ensemble, background: background,
          weights: weights, to: &block)
      }
      layout.pairSiblingTables(
        &block, trees: trees[(chunk * chunkSize)..<min(trees.count, (chunk + 1) * chunkSize)])
      return block
    }
    let values = FrozenArray(joining: blocks)
    precondition(values.count == total, "table sizes must match their offsets")
    treeIsTabulated = tabulated
    self.offset = offset
    self.values = values
  }

  /// Appends the tables of every leaf of `tree`, in leaf order.
  private static func appendTables(
    tree: Int, forest: FrozenForest, ensemble: TreeEnsemble, background: FeatureMatrix,
    weights: ShapleyWeights, to block: inout [Double]
  ) {
    let layout = forest.forest
    let nodes = layout.treeStart[tree]..<layout.treeStart[tree + 1]
    let leaves = layout.leafStart[tree]..<layout.leafStart[tree + 1]
    // Histogram of the background's patterns, per leaf.
    var histogramStart = [Int](repeating: 0, count: leaves.count + 1)
    for (local, leaf) in leaves.enumerated() {
      let count = layout.pathStart[leaf + 1] - layout.pathStart[leaf]
      histogramStart[local + 1] = histogramStart[local] + (1 << count)
    }
    var histogram = [Int32](repeating: 0, count: histogramStart[leaves.count])
    let width = background.featureCount
    let masks = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, nodes.count))
    defer { masks.deallocate() }
    withExtendedLifetime(forest) {
      let view = forest.view
      background.values.withUnsafeBufferPointer { rows in
        histogram.withUnsafeMutableBufferPointer { counts in
          guard let base = rows.baseAddress else { return }
          for reference in 0..<background.rowCount {
            view.forEachLeafMask(
              nodes: nodes, ensemble: ensemble, row: base + reference * width, masks: masks
            ) { leaf, mask in
              let local = leaf - leaves.lowerBound
              let count = layout.pathStart[leaf + 1] - layout.pathStart[leaf]
              let used = Int(mask & ((UInt32(1) &<< UInt32(count)) &- 1))
              counts[histogramStart[local] + used] += 1
            }
          }
        }
      }
    }
    let stride = weights.limit + 1
    let scale = 1 / Double(background.rowCount)
    var sums: [Double] = []
    for (local, leaf) in leaves.enumerated() {
      let count = layout.pathStart[leaf + 1] - layout.pathStart[leaf]
      if count == 0 { continue }
      let full = (1 << count) - 1
      let ranks = count + 1
      // Ranked superset sums: sums[c * ranks + t] = Σ_{u ⊇ c, |u| = t} count(u). Entries
      // with t < |c| stay zero at every step (supersets are at least as large), so the
      // transform skips them.
      sums.removeAll(keepingCapacity: true)
      sums.append(contentsOf: repeatElement(0, count: (full + 1) * ranks))
      let value = layout.leafValue[leaf] * scale
      sums.withUnsafeMutableBufferPointer { buffer in
        guard let sums = buffer.baseAddress else { return }
        for pattern in 0...full {
          sums[pattern * ranks + pattern.nonzeroBitCount] =
            Double(histogram[histogramStart[local] + pattern])
        }
        for k in 0..<count {
          let bit = 1 << k
          for subset in 0...full where subset & bit == 0 {
            let target = sums + subset * ranks
            let source = sums + (subset | bit) * ranks
            for rank in (subset.nonzeroBitCount + 1)..<ranks { target[rank] += source[rank] }
          }
        }
        weights.plus.withUnsafeBufferPointer { plus in
          weights.minus.withUnsafeBufferPointer { minus in
            for mx in 0...full {
              let onlyX = full & ~mx  // the features r must satisfy for the leaf to be reachable
              let xCount = mx.nonzeroBitCount
              let base = onlyX.nonzeroBitCount
              let reachable = sums + onlyX * ranks + base
              var loss = 0.0
              if base > 0 {
                for shared in 0...xCount {
                  let frequency = reachable[shared]
                  if frequency != 0 {
                    loss += frequency * minus[(xCount - shared) * stride + count - shared]
                  }
                }
              }
              for k in 0..<count {
                let bit = 1 << k
                guard mx & bit != 0 else {
                  block.append(-value * loss)
                  continue
                }
                let excluded = sums + (onlyX | bit) * ranks + base
                var gain = 0.0
                for shared in 0..<xCount {
                  let frequency = reachable[shared] - excluded[shared]
                  if frequency != 0 {
                    gain += frequency * plus[(xCount - shared) * stride + count - shared]
                  }
                }
                block.append(value * gain)
              }
            }
          }
        }
      }
    }
  }
}
