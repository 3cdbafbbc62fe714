import FairModels
import _FairSupport

/// Exact loss attributions for tree ensembles: shap's rescaled interventional pair game,
/// with every background row's weight folded in before any tree is walked.
///
/// For an explained row `x` (label `y`) and a background row `r` (weight `w_r`), `φ(x; r)` are
/// the interventional Shapley values of the margin pair game (hybrids take each player from
/// `x` or `r`), and
///
/// ```
/// φ(x) = Σ_r w_r · s(x, r) · φ(x; r),   s(x, r) = [L(m_x, y) − L(m_r, y)] / (m_x − m_r)
/// ```
///
/// (`s = 1` when the margins are equal). The factors depend on `(x, r)` only through the
/// margins, which are computed first, so `W_r = w_r · s(x, r)` is known before the trees.
///
/// **Per leaf.** With path players `P`, the leaf masks `M_x`, `M_r` (the players whose every
/// split on the path the row satisfies), a pair reaches the leaf in the hybrid game iff
/// `P \ M_x ⊆ M_r`. Then `A = P \ M_r` (taken from `x`) and `B = P \ M_x` (taken from `r`),
/// and with `a = |A|`, `b = |B|` and leaf value `v`, each player of `A` gets
/// `+v·(a−1)!·b!/(a+b)!` and each of `B` gets `−v·a!·(b−1)!/(a+b)!`. `B` is the same for every
/// `r`, so the `B` side is one weighted sum per leaf and the `A` side one addition per player
/// of `A`.
///
/// **Per tree.** The set of background rows that reach a node with `x` is carried down the
/// tree as a bit set: a child keeps its parent's set when `x` satisfies the parent's player
/// there, and otherwise keeps only the rows that do (a precomputed bit set per node).
/// Subtrees no pair reaches are skipped, so a row costs about one bit-set operation per node
/// visited plus, per leaf reached, one step per reaching background row.
struct LossTreeKernel: Sendable {
  /// The rows of one chunk; fixed, so results do not depend on the thread count.
  static let chunkRows = 64

  let ensemble: TreeEnsemble
  let frozen: FrozenForest
  let paths: PlayerPaths
  let playerCount: Int
  /// The background's normalised weights.
  let weights: [Double]
  /// The exact `Double` margin of each background row.
  let referenceMargins: [Double]

  private let playerBit: FrozenArray<UInt8>
  private let pathStart: FrozenArray<Int>
  private let pathPlayer: FrozenArray<Int32>
  private let subtreeEnd: FrozenArray<Int32>
  /// Per leaf slot, the low-bit mask of every background row: `[leaf * R + r]`.
  private let referenceMask: FrozenArray<UInt32>
  /// Per preorder node, the background rows that satisfy the parent's player at the node:
  /// `[node * words + word]`.
  private let keeps: FrozenArray<UInt64>
  /// The background rows with a positive weight, the rows every walk starts from.
  private let rootAlive: [UInt64]
  /// ``ShapleyWeights/plus`` and ``ShapleyWeights/minus``, with their row stride.
  private let plus: FrozenArray<Double>
  private let minus: FrozenArray<Double>
  private let stride: Int
  private let words: Int

  /// Routes the background through every tree once and stores what the walks need.
  ///
  /// - Throws: ``AttributionError`` (`unsupportedModel`) when a path has more than 32
  ///   distinct players.
  /// - Complexity: O(*R*·*N*) for *R* background rows and *N* nodes.
  init(ensemble: TreeEnsemble, background: BackgroundData, playerOfFeature: [Int], playerCount: Int)
    throws
  {
    let forest = PreorderForest(ensemble)
    let paths = PlayerPaths(forest: forest, playerOfFeature: playerOfFeature)
    guard paths.largestPathCount <= 32 else {
      throw AttributionError(
        .unsupportedModel, subject: "loss attributions",
        message: AttributionError.Message.tooManyPathPlayers(paths.largestPathCount))
    }
    let frozen = FrozenForest(forest)
    self.ensemble = ensemble
    self.frozen = frozen
    self.paths = paths
    self.playerCount = playerCount
    weights = background.weights
    let playerBit = FrozenArray(paths.bit)
    self.playerBit = playerBit
    pathStart = FrozenArray(paths.pathStart)
    pathPlayer = FrozenArray(paths.player)
    subtreeEnd = FrozenArray(paths.subtreeEnd)
    let shapley = ShapleyWeights(limit: max(1, paths.largestPathCount))
    plus = FrozenArray(shapley.plus)
    minus = FrozenArray(shapley.minus)
    stride = shapley.limit + 1
    let references = background.rowCount
    let words = (references + 63) / 64
    self.words = words
    var alive = [UInt64](repeating: 0, count: words)
    for r in 0..<references where background.weights[r] > 0 {
      alive[r >> 6] |= UInt64(1) << UInt64(r & 63)
    }
    rootAlive = alive

    let width = ensemble.featureCount
    var masksOfLeaves = [UInt32](repeating: 0, count: forest.leafCount * references)
    var keepBits = [UInt64](repeating: 0, count: forest.feature.count * words)
    var margins = [Double](repeating: 0, count: references)
    let columns = UnsafeMutablePointer<Double>.allocate(capacity: max(1, references * width))
    let masks = UnsafeMutablePointer<UInt32>.allocate(
      capacity: max(1, forest.largestTreeNodeCount * references))
    defer {
      columns.deallocate()
      masks.deallocate()
    }
    background.matrix.values.withUnsafeBufferPointer { values in
      guard let base = values.baseAddress else { return }
      FeatureMajorBlock.transpose(
        base, rowCount: references, featureCount: width, into: columns)
    }
    withExtendedLifetime((frozen, playerBit)) {
      let view = LossTreeKernel.view(frozen.view, bit: playerBit.buffer)
      for tree in 0..<forest.treeCount {
        let start = forest.treeStart[tree]
        let nodes = start..<forest.treeStart[tree + 1]
        view.routeBlock(
          nodes: nodes, ensemble: ensemble, columns: columns, rowCount: references, masks: masks)
        for node in nodes {
          let local = node - start
          let split = forest.feature[node]
          if split < 0 {
            let leaf = Int(forest.leafSlot[node])
            let low = PlayerPaths.lowBits(paths.pathStart[leaf + 1] - paths.pathStart[leaf])
            for r in 0..<references {
              let mask = masks[local * references + r] & low
              masksOfLeaves[leaf * references + r] = mask
              if mask == low { margins[r] += forest.leafValue[leaf] }
            }
            continue
          }
          let bit = UInt32(1) &<< UInt32(paths.bit[node])
          for child in [node + 1, Int(forest.rightChild[node])] {
            let childMasks = masks + (child - start) * references
            for r in 0..<references where childMasks[r] & bit != 0 {
              keepBits[child * words + (r >> 6)] |= UInt64(1) << UInt64(r & 63)
            }
          }
        }
      }
    }
    referenceMask = FrozenArray(masksOfLeaves)
    keeps = FrozenArray(keepBits)
    referenceMargins = margins.map { ensemble.baseMargin + $0 }
  }

  /// A view of the forest whose split bits are the players' (``PlayerPaths/bit``).
  private static func view(_ view: ForestView, bit: UnsafeBufferPointer<UInt8>) -> ForestView {
    ForestView(
      originalNode: view.originalNode, feature: view.feature, rightChild: view.rightChild,
      bit: bit, leafSlot: view.leafSlot, route: view.route, threshold: view.threshold,
      floatThreshold: view.floatThreshold, cover: view.cover, value: view.value,
      pathStart: view.pathStart, pathFeature: view.pathFeature, leafNode: view.leafNode,
      pathZeroFraction: view.pathZeroFraction, leafValue: view.leafValue,
      siblingBit: view.siblingBit)
  }

  /// The results of one chunk of rows.
  struct Chunk: Sendable {
    /// Row-major attributions over players.
    var values: [Double]
    var losses: [Double]
    var baselines: [Double]
  }

  /// Explains rows `rows` of `matrix` against the background.
  ///
  /// - Complexity: O(*n*·*T*·(*V*·*W* + Σ_leaves *R*_reached·*d*)) for *V* nodes visited per
  ///   tree, *W* = ⌈*R*/64⌉ words per bit set.
  func explain(_ matrix: FeatureMatrix, labels: [Double], loss: MarginLoss, rows: Range<Int>)
    -> Chunk
  {
    let forest = frozen.forest
    let width = ensemble.featureCount
    let count = rows.count
    let references = weights.count
    let columns = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count * width))
    let masks = UnsafeMutablePointer<UInt32>.allocate(
      capacity: max(1, forest.largestTreeNodeCount * count))
    let alive = UnsafeMutablePointer<UInt64>.allocate(
      capacity: max(1, forest.largestTreeNodeCount * words))
    let scale = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count * references))
    let accumulator = UnsafeMutablePointer<Double>.allocate(capacity: 33)
    accumulator.initialize(repeating: 0, count: 33)
    let categorical = ensemble.categoricalSplitFeatures
    let codeStorage = UnsafeMutablePointer<Int32>.allocate(
      capacity: max(1, categorical.count * count))
    defer {
      columns.deallocate()
      masks.deallocate()
      alive.deallocate()
      scale.deallocate()
      accumulator.deallocate()
      codeStorage.deallocate()
    }
    var phi = [Double](repeating: 0, count: count * playerCount)
    var losses = [Double](repeating: 0, count: count)
    var baselines = [Double](repeating: 0, count: count)
    var margins = [Double](repeating: 0, count: count)
    withExtendedLifetime(self) {
      let view = LossTreeKernel.view(frozen.view, bit: playerBit.buffer)
      matrix.values.withUnsafeBufferPointer { values in
        guard let base = values.baseAddress else { return }
        FeatureMajorBlock.transpose(
          base + rows.lowerBound * width, rowCount: count, featureCount: width, into: columns)
      }
      let codes =
        categorical.isEmpty
        ? nil
        : CategoryCodes(
          features: categorical, ensemble: ensemble, columns: columns, rowCount: count,
          featureCount: width, storage: codeStorage)
      // Margins first: the leaf each row reaches is the one whose whole mask it keeps.
      for tree in 0..<forest.treeCount {
        let start = forest.treeStart[tree]
        let nodes = start..<forest.treeStart[tree + 1]
        view.routeBlock(
          nodes: nodes, ensemble: ensemble, columns: columns, rowCount: count, masks: masks,
          codes: codes)
        for leaf in forest.leafStart[tree]..<forest.leafStart[tree + 1] {
          let low = PlayerPaths.lowBits(paths.pathStart[leaf + 1] - paths.pathStart[leaf])
          let leafMasks = masks + (forest.leafNode[leaf] - start) * count
          for row in 0..<count where leafMasks[row] & low == low {
            margins[row] += forest.leafValue[leaf]
          }
        }
      }
      for row in 0..<count {
        let margin = ensemble.baseMargin + margins[row]
        let label = labels[rows.lowerBound + row]
        let own = loss.evaluate(margin, label)
        losses[row] = own
        var baseline = 0.0
        for r in 0..<references {
          let other = loss.evaluate(referenceMargins[r], label)
          baseline += weights[r] * other
          let difference = margin - referenceMargins[r]
          let factor = difference == 0 ? 1 : (own - other) / difference
          scale[row * references + r] = weights[r] * factor
        }
        baselines[row] = baseline
      }
      phi.withUnsafeMutableBufferPointer { out in
        guard let outBase = out.baseAddress else { return }
        for tree in 0..<forest.treeCount {
          let start = forest.treeStart[tree]
          let nodes = start..<forest.treeStart[tree + 1]
          view.routeBlock(
            nodes: nodes, ensemble: ensemble, columns: columns, rowCount: count, masks: masks,
            codes: codes)
          for row in 0..<count {
            walk(
              nodes: nodes, view: view, masks: masks, row: row, rowCount: count,
              scale: scale + row * references, alive: alive, accumulator: accumulator,
              phi: outBase + row * playerCount)
          }
        }
      }
    }
    return Chunk(values: phi, losses: losses, baselines: baselines)
  }

  /// Adds one tree's attributions of one row, walking the nodes some pair reaches.
  @inline(__always)
  private func walk(
    nodes: Range<Int>, view: ForestView, masks: UnsafeMutablePointer<UInt32>, row: Int,
    rowCount: Int, scale: UnsafePointer<Double>, alive: UnsafeMutablePointer<UInt64>,
    accumulator: UnsafeMutablePointer<Double>, phi: UnsafeMutablePointer<Double>
  ) {
    let words = self.words
    let references = weights.count
    let start = nodes.lowerBound
    let end = subtreeEnd.buffer
    let bits = playerBit.buffer
    let keep = keeps.buffer
    let leafMasks = referenceMask.buffer
    let starts = pathStart.buffer
    let players = pathPlayer.buffer
    let stride = self.stride
    let plus = self.plus.buffer
    let minus = self.minus.buffer
    for word in 0..<words { alive[word] = rootAlive[word] }
    var node = start
    while node < nodes.upperBound {
      let here = alive + (node - start) * words
      var any: UInt64 = 0
      for word in 0..<words { any |= here[word] }
      if any == 0 {
        node = Int(end[node])
        continue
      }
      if view.feature[node] >= 0 {
        let bit = UInt32(1) &<< UInt32(bits[node])
        let right = Int(view.rightChild[node])
        var child = node + 1
        for _ in 0..<2 {
          defer { child = right }
          let target = alive + (child - start) * words
          if masks[(child - start) * rowCount + row] & bit != 0 {
            for word in 0..<words { target[word] = here[word] }
          } else {
            let kept = child * words
            for word in 0..<words { target[word] = here[word] & keep[kept + word] }
          }
        }
        node += 1
        continue
      }
      let leaf = Int(view.leafSlot[node])
      let first = starts[leaf]
      let d = starts[leaf + 1] - first
      node += 1
      if d == 0 { continue }
      let low = PlayerPaths.lowBits(d)
      let mx = masks[(node - 1 - start) * rowCount + row] & low
      let fromReference = low & ~mx
      let b = fromReference.nonzeroBitCount
      var referenceSide = 0.0
      let leafReferenceMasks = leafMasks.baseAddress.map { $0 + leaf * references }
      guard let leafReferenceMasks else { continue }
      for word in 0..<words {
        var pending = here[word]
        while pending != 0 {
          let r = word &* 64 &+ pending.trailingZeroBitCount
          pending &= pending &- 1
          let fromX = low & ~leafReferenceMasks[r]
          let a = fromX.nonzeroBitCount
          if a == 0 && b == 0 { continue }
          let weight = scale[r]
          let index = a &* stride &+ a &+ b
          if b > 0 { referenceSide += weight * minus[index] }
          if a > 0 {
            let share = weight * plus[index]
            var members = fromX
            while members != 0 {
              accumulator[members.trailingZeroBitCount] += share
              members &= members &- 1
            }
          }
        }
      }
      let value = view.leafValue[leaf]
      for k in 0..<d {
        let player = Int(players[first + k])
        if fromReference & (UInt32(1) &<< UInt32(k)) != 0 {
          phi[player] -= value * referenceSide
        } else {
          phi[player] += value * accumulator[k]
          accumulator[k] = 0
        }
      }
    }
  }
}
