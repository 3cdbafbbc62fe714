extension TreeEnsemble {
  /// The number of rows that walk each tree together.
  ///
  /// A block's rows visit the same nodes near the root, which then stay in cache.
  static let rowBlockSize = 64

  /// The deepest tree walked four rows in lockstep.
  ///
  /// Every row of a group takes as many steps as the tree is deep, so lockstep pays for
  /// shallow depth-wise trees (XGBoost's default) and costs for deep leaf-wise ones
  /// (LightGBM's), which are walked a row at a time.
  static let lockstepDepthLimit = 8

  /// Packs the public node arrays into ``PackedNode``s.
  static func packNodes(
    splitFeature: [Int32], threshold: [Double], leftChild: [Int32], rightChild: [Int32],
    rule: [SplitRule], categoryStart: [Int32], categoryWordCount: [Int32], value: [Double]
  ) -> [PackedNode] {
    var nodes: [PackedNode] = []
    nodes.reserveCapacity(splitFeature.count)
    for node in splitFeature.indices {
      let isLeaf = splitFeature[node] < 0
      nodes.append(
        PackedNode(
          thresholdOrValue: isLeaf ? value[node] : threshold[node],
          left: isLeaf ? Int32(node) : leftChild[node],
          right: isLeaf ? Int32(node) : rightChild[node], feature: isLeaf ? 0 : splitFeature[node],
          categoryStart: categoryStart[node], categoryWordCount: categoryWordCount[node],
          rule: rule[node].rawValue, isLeaf: isLeaf))
    }
    return nodes
  }

  /// Writes one margin per row of `batch` into `margins`, replacing its contents.
  ///
  /// Rows are taken in blocks of ``rowBlockSize``; for each block the trees are walked in
  /// order, each by every row of the block (four rows in lockstep through shallow trees of
  /// numeric splits, whose decisions need no branch). Every row still sums its
  /// leaf values in tree order, starting from the base margin, so the result is bit for bit
  /// the row-by-row sum: in `Float` for XGBoost (`margin = margin + Float(leaf) ·
  /// Float(weight)`), in `Double` for LightGBM.
  ///
  /// - Complexity: O(*n*·*T*·*D*) for *n* rows, *T* trees and depth *D*.
  public func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
    precondition(
      batch.featureCount == features.count,
      "'batch.featureCount' \(batch.featureCount) differs from the model's \(features.count)")
    let rowCount = batch.rowCount
    margins = [Double](repeating: 0, count: rowCount)
    guard rowCount > 0 else { return }
    packedNodes.withUnsafeBufferPointer { nodes in
      packedTrees.withUnsafeBufferPointer { trees in
        categoryWords.withUnsafeBufferPointer { words in
          batch.values.withUnsafeBufferPointer { values in
            margins.withUnsafeMutableBufferPointer { out in
              let kernel = ScoringKernel(
                nodes: nodes, trees: trees, values: values, stride: batch.featureCount)
              switch scoringPath {
              case .xgboostNumeric: score(kernel, XGBoostNumericSplit(), into: out)
              case .lightGBMNumeric: score(kernel, LightGBMNumericSplit(), into: out)
              case .general: score(kernel, GeneralSplit(words: words), into: out)
              }
            }
          }
        }
      }
    }
  }

  private func score<Split: SplitDecision>(
    _ kernel: ScoringKernel, _ split: Split, into out: UnsafeMutableBufferPointer<Double>
  ) {
    switch accumulation {
    case .float32:
      kernel.score(split, into: out, start: Float(baseMargin)) { Double($0) }
    case .float64:
      let divisor = averagesTrees && treeCount > 0 ? Double(treeCount) : 1
      let base = baseMargin
      kernel.score(split, into: out, start: 0.0) { base + $0 / divisor }
    }
  }
}

/// How a split sends a value, for one family of rules.
private protocol SplitDecision {
  /// Whether the decision is branch-free, so that walking rows in lockstep pays.
  static var walksInLockstep: Bool { get }
  /// Whether `x` goes to `node`'s left child (`node` is not a leaf).
  func goesLeft(_ node: PackedNode, _ x: Double) -> Bool
}

/// XGBoost numeric splits, without branches: NaN takes the default, else `Float(x) < t`.
private struct XGBoostNumericSplit: SplitDecision {
  static var walksInLockstep: Bool { true }

  @inline(__always)
  func goesLeft(_ node: PackedNode, _ x: Double) -> Bool {
    let value = Float(x)
    let isLess = value < Float(node.thresholdOrValue)
    let defaultLeft = node.rule & SplitRule.defaultLeft.rawValue != 0
    return value.isNaN ? defaultLeft : isLess
  }
}

/// LightGBM numeric splits, without branches, exactly as ``TreeEnsemble/goesLeft(node:x:)``.
private struct LightGBMNumericSplit: SplitDecision {
  static var walksInLockstep: Bool { true }

  @inline(__always)
  func goesLeft(_ node: PackedNode, _ x: Double) -> Bool {
    let rule = SplitRule(rawValue: node.rule)
    let isNaN = x.isNaN
    let missingNaN = rule.contains(.missingNaN)
    let value = isNaN && !missingNaN ? 0 : x
    let isMissing =
      (rule.contains(.missingZero) && abs(value) <= TreeEnsemble.lightGBMZeroThreshold)
      || (missingNaN && isNaN)
    return isMissing ? rule.contains(.defaultLeft) : value <= node.thresholdOrValue
  }
}

/// Any split, categorical ones included, through `TreeEnsemble.decide`.
private struct GeneralSplit: SplitDecision {
  static var walksInLockstep: Bool { false }

  let words: UnsafeBufferPointer<UInt32>

  @inline(__always)
  func goesLeft(_ node: PackedNode, _ x: Double) -> Bool {
    TreeEnsemble.decide(
      rule: SplitRule(rawValue: node.rule), threshold: node.thresholdOrValue, x: x
    ) { category in
      let word = category >> 5
      guard word < Int(node.categoryWordCount) else { return false }
      return words[Int(node.categoryStart) + word] & (1 << UInt32(category & 31)) != 0
    }
  }
}

/// The scoring loop over buffers opened once per batch.
private struct ScoringKernel {
  let nodes: UnsafeBufferPointer<PackedNode>
  let trees: UnsafeBufferPointer<PackedTree>
  let values: UnsafeBufferPointer<Double>
  let stride: Int

  /// One step of a walk: the child `x` goes to, or the leaf itself.
  @inline(__always)
  func step<Split: SplitDecision>(_ split: Split, _ node: PackedNode, row: Int) -> Int {
    let x = values[row + Int(node.feature)]
    return Int(split.goesLeft(node, x) ? node.left : node.right)
  }

  /// The leaf values four rows reach from `root` after `depth` lockstep steps (leaves step
  /// to themselves, so no row needs a branch).
  @inline(__always)
  func leafValues<Split: SplitDecision>(
    _ split: Split, root: Int, depth: Int, rows: (Int, Int, Int, Int)
  ) -> (Double, Double, Double, Double) {
    var a = root
    var b = root
    var c = root
    var d = root
    for _ in 0..<depth {
      a = step(split, nodes[a], row: rows.0)
      b = step(split, nodes[b], row: rows.1)
      c = step(split, nodes[c], row: rows.2)
      d = step(split, nodes[d], row: rows.3)
    }
    return (
      walkToLeaf(split, from: a, row: rows.0), walkToLeaf(split, from: b, row: rows.1),
      walkToLeaf(split, from: c, row: rows.2), walkToLeaf(split, from: d, row: rows.3)
    )
  }

  /// The leaf value one row reaches from `root`.
  @inline(__always)
  func walkToLeaf<Split: SplitDecision>(_ split: Split, from root: Int, row: Int) -> Double {
    var index = root
    while true {
      let node = nodes[index]
      if node.isLeaf { return node.thresholdOrValue }
      index = step(split, node, row: row)
    }
  }

  /// Scores every row: `out[row] = finish(start + Σ_t Sum(leaf_t) · Sum(weight_t))`, summed
  /// in tree order in `Sum`.
  func score<Split: SplitDecision, Sum: BinaryFloatingPoint>(
    _ split: Split, into out: UnsafeMutableBufferPointer<Double>, start: Sum,
    finish: (Sum) -> Double
  ) {
    let rowCount = out.count
    withUnsafeTemporaryAllocation(of: Sum.self, capacity: TreeEnsemble.rowBlockSize) { sums in
      var blockStart = 0
      while blockStart < rowCount {
        let blockCount = min(TreeEnsemble.rowBlockSize, rowCount - blockStart)
        for row in 0..<blockCount { sums[row] = start }
        for tree in trees {
          let root = tree.root
          let weight = Sum(tree.weight)
          let depth = tree.depth
          var row = 0
          while Split.walksInLockstep && depth <= TreeEnsemble.lockstepDepthLimit
            && row + 4 <= blockCount
          {
            let first = (blockStart + row) * stride
            let leaves = leafValues(
              split, root: root, depth: depth,
              rows: (first, first + stride, first + 2 * stride, first + 3 * stride))
            sums[row] += Sum(leaves.0) * weight
            sums[row + 1] += Sum(leaves.1) * weight
            sums[row + 2] += Sum(leaves.2) * weight
            sums[row + 3] += Sum(leaves.3) * weight
            row += 4
          }
          while row < blockCount {
            let leaf = walkToLeaf(split, from: root, row: (blockStart + row) * stride)
            sums[row] += Sum(leaf) * weight
            row += 1
          }
        }
        for row in 0..<blockCount { out[blockStart + row] = finish(sums[row]) }
        blockStart += blockCount
      }
    }
  }
}
