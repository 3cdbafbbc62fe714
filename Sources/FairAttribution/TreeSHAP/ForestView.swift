import FairModels

/// Read-only pointers to the per-node and per-leaf arrays of a ``PreorderForest``.
struct ForestView {
  let originalNode: UnsafeBufferPointer<Int32>
  let feature: UnsafeBufferPointer<Int32>
  let rightChild: UnsafeBufferPointer<Int32>
  let bit: UnsafeBufferPointer<UInt8>
  let leafSlot: UnsafeBufferPointer<Int32>
  let route: UnsafeBufferPointer<UInt8>
  let threshold: UnsafeBufferPointer<Double>
  let floatThreshold: UnsafeBufferPointer<Float>
  let cover: UnsafeBufferPointer<Double>
  let value: UnsafeBufferPointer<Double>
  let pathStart: UnsafeBufferPointer<Int>
  let pathFeature: UnsafeBufferPointer<Int32>
  let leafNode: UnsafeBufferPointer<Int>
  let pathZeroFraction: UnsafeBufferPointer<Double>
  let leafValue: UnsafeBufferPointer<Double>
  let siblingBit: UnsafeBufferPointer<Int8>

  /// Whether value `x` goes left at split node `index`, exactly as
  /// ``TreeEnsemble/goesLeft(node:x:)`` decides, with common numeric splits decided inline.
  @inline(__always)
  func goesLeft(_ index: Int, _ x: Double, _ ensemble: TreeEnsemble) -> Bool {
    switch route[index] {
    case PreorderForest.Route.floatLess, PreorderForest.Route.floatLessNaNLeft:
      let value = Float(x)
      if value.isNaN { return route[index] == PreorderForest.Route.floatLessNaNLeft }
      return value < floatThreshold[index]
    case PreorderForest.Route.lessOrEqualNaNAsZero:
      return (x.isNaN ? 0 : x) <= threshold[index]
    case PreorderForest.Route.lessOrEqualNaNLeft, PreorderForest.Route.lessOrEqualNaNRight:
      if x.isNaN { return route[index] == PreorderForest.Route.lessOrEqualNaNLeft }
      return x <= threshold[index]
    default:
      return ensemble.goesLeft(node: Int(originalNode[index]), x: x)
    }
  }

  /// Calls `body(leafSlot, mask)` for every leaf of the tree whose preorder nodes are
  /// `nodes`, where bit `k` of `mask` is set when `row` satisfies every split of the leaf's
  /// path on the path's `k`-th distinct feature.
  ///
  /// Routing follows ``goesLeft(_:_:_:)``, so missing values and categories go where the
  /// model sends them. Only the low `d` bits of a mask are meaningful for a leaf with `d`
  /// distinct path features, and only for trees with at most 32 of them.
  ///
  /// - Parameter masks: Scratch space for at least `nodes.count` masks.
  @inline(__always)
  func forEachLeafMask(
    nodes: Range<Int>, ensemble: TreeEnsemble, row: UnsafePointer<Double>,
    masks: UnsafeMutablePointer<UInt32>, _ body: (Int, UInt32) -> Void
  ) {
    let start = nodes.lowerBound
    masks[0] = UInt32.max
    for index in nodes {
      let local = index - start
      let mask = masks[local]
      let split = Int(feature[index])
      if split < 0 {
        body(Int(leafSlot[index]), mask)
        continue
      }
      // Branch-free: the child the row does not take loses the feature's bit.
      let bitValue = UInt32(1) &<< UInt32(bit[index])
      let left: UInt32 = goesLeft(index, row[split], ensemble) ? 1 : 0
      let rightLoses = bitValue & (0 &- left)
      masks[local + 1] = mask & ~(bitValue ^ rightLoses)
      masks[Int(rightChild[index]) - start] = mask & ~rightLoses
    }
  }

  /// Computes, for every row of a block, its mask at every node of one tree.
  ///
  /// The loop runs node by node and, inside, row by row, so the kind of split is decided
  /// once per node and the rows are independent of each other. Bit `k` of a node's mask is
  /// set when the row satisfies every split above the node on the path's `k`-th distinct
  /// feature.
  ///
  /// - Parameters:
  ///   - columns: The block's values, feature-major: feature `j` of row `i` is at
  ///     `columns[j * rowCount + i]`, so that each split reads contiguous values.
  ///   - masks: Receives `rowCount` masks per node, node-major by preorder position.
  ///   - codes: The block's category codes, when computed, for categorical splits.
  func routeBlock(
    nodes: Range<Int>, ensemble: TreeEnsemble, columns: UnsafePointer<Double>, rowCount: Int,
    masks: UnsafeMutablePointer<UInt32>, codes: CategoryCodes? = nil
  ) {
    let start = nodes.lowerBound
    masks.update(repeating: UInt32.max, count: rowCount)
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, rowCount)) { scratch in
      guard let decided = scratch.baseAddress else { return }
      for index in nodes {
        let split = Int(feature[index])
        if split < 0 { continue }
        let column = columns + split * rowCount
        // Each split is decided for the whole column into `decided` (1: the row goes left),
        // then the children's masks follow from the parent's: two loops with one input and
        // one output each, which the compiler vectorises.
        let kind = route[index]
        switch kind {
        case PreorderForest.Route.floatLess, PreorderForest.Route.floatLessNaNLeft:
          let threshold = floatThreshold[index]
          let missing: UInt8 = kind == PreorderForest.Route.floatLessNaNLeft ? 1 : 0
          for row in 0..<rowCount {
            let value = Float(column[row])
            let less: UInt8 = value < threshold ? 1 : 0
            decided[row] = value.isNaN ? missing : less
          }
        case PreorderForest.Route.lessOrEqualNaNAsZero:
          let threshold = self.threshold[index]
          for row in 0..<rowCount {
            let value = column[row]
            decided[row] = (value.isNaN ? 0 : value) <= threshold ? 1 : 0
          }
        case PreorderForest.Route.lessOrEqualNaNLeft, PreorderForest.Route.lessOrEqualNaNRight:
          let threshold = self.threshold[index]
          let missing: UInt8 = kind == PreorderForest.Route.lessOrEqualNaNLeft ? 1 : 0
          for row in 0..<rowCount {
            let value = column[row]
            let lessOrEqual: UInt8 = value <= threshold ? 1 : 0
            decided[row] = value.isNaN ? missing : lessOrEqual
          }
        default:
          // Categorical splits and LightGBM's missing-zero rule: decided by the ensemble.
          let node = Int(originalNode[index])
          if let categories = codes?.columns[split], ensemble.rule[node].contains(.categorical) {
            ensemble.decideCategories(
              node: node, codes: categories, count: rowCount, into: decided)
          } else {
            ensemble.decideColumn(
              node: node, values: column, stride: 1, count: rowCount, into: decided)
          }
        }
        ForestView.splitMasks(
          parent: UnsafePointer(masks + (index - start) * rowCount),
          left: masks + (index - start + 1) * rowCount,
          right: masks + (Int(rightChild[index]) - start) * rowCount,
          decided: UnsafePointer(decided), count: rowCount,
          bit: UInt32(1) &<< UInt32(bit[index]))
      }
    }
  }

  /// Computes the children's masks of a split for a column of rows.
  ///
  /// The child a row does not take loses `bit`. Branch-free and eight rows at a time.
  @inline(__always)
  private static func splitMasks(
    parent: UnsafePointer<UInt32>, left: UnsafeMutablePointer<UInt32>,
    right: UnsafeMutablePointer<UInt32>, decided: UnsafePointer<UInt8>, count: Int, bit: UInt32
  ) {
    let bits = SIMD8<UInt32>(repeating: bit)
    var row = 0
    while row &+ 8 <= count {
      let goesLeft = SIMD8<UInt32>(
        truncatingIfNeeded: UnsafeRawPointer(decided + row).loadUnaligned(as: SIMD8<UInt8>.self))
      let rightLoses = bits & (SIMD8<UInt32>() &- goesLeft)
      let mask = UnsafeRawPointer(parent + row).loadUnaligned(as: SIMD8<UInt32>.self)
      UnsafeMutableRawPointer(left + row).storeBytes(
        of: mask & ~(bits ^ rightLoses), as: SIMD8<UInt32>.self)
      UnsafeMutableRawPointer(right + row).storeBytes(
        of: mask & ~rightLoses, as: SIMD8<UInt32>.self)
      row &+= 8
    }
    while row < count {
      let rightLoses = bit & (0 &- UInt32(decided[row]))
      let mask = parent[row]
      left[row] = mask & ~(bit ^ rightLoses)
      right[row] = mask & ~rightLoses
      row &+= 1
    }
  }

  /// Adds to each row of a block the tabulated attributions of one tree.
  ///
  /// The rows are routed once through the tree (``routeBlock``), then the leaves are visited
  /// one by one, each adding its table entries to every row. One leaf's table stays in cache
  /// for the whole block, and consecutive additions go to different rows, so they do not wait
  /// on each other. Each row's sum over the tree's leaves runs in leaf order, whatever the
  /// block size.
  ///
  /// `table` holds, for each leaf, `2^d` blocks of `d` values, one block per mask; `offset`
  /// gives each leaf's first block.
  ///
  /// - Parameters:
  ///   - columns: The block's values, feature-major (see ``routeBlock``).
  ///   - rowCount: The number of rows in the block.
  ///   - phi: The block's attributions, feature-major: feature `j` of row `i` is at
  ///     `phi[j * rowCount + i]`.
  ///   - masks: Scratch space for `rowCount` masks per node of the tree.
  ///   - entries: Scratch space for `rowCount` entries.
  ///   - codes: The block's category codes, when computed (see ``CategoryCodes``).
  func addTabulated(
    nodes: Range<Int>, leaves: Range<Int>, ensemble: TreeEnsemble,
    columns: UnsafePointer<Double>, rowCount: Int, offset: UnsafeBufferPointer<Int>,
    table: UnsafeBufferPointer<Double>, phi: UnsafeMutablePointer<Double>,
    masks: UnsafeMutablePointer<UInt32>, entries: UnsafeMutablePointer<Int32>,
    codes: CategoryCodes? = nil
  ) {
    guard let tableBase = table.baseAddress else { return }
    routeBlock(
      nodes: nodes, ensemble: ensemble, columns: columns, rowCount: rowCount, masks: masks,
      codes: codes)
    var leaf = leaves.lowerBound
    while leaf < leaves.upperBound {
      let first = pathStart[leaf]
      let count = pathStart[leaf + 1] - first
      let pairBit = siblingBit[leaf]
      defer { leaf += pairBit >= 0 ? 2 : 1 }
      if count == 0 { continue }
      let low = (UInt32(1) &<< UInt32(count)) &- 1
      let leafMasks = masks + (leafNode[leaf] - nodes.lowerBound) * rowCount
      if pairBit >= 0 {
        // Sibling leaves share one merged table (``PreorderForest/pairSiblingTables``):
        // the parent's mask is the union of the children's, and the left child keeps the
        // parent's bit exactly when the row goes left.
        let rightMasks = masks + (leafNode[leaf + 1] - nodes.lowerBound) * rowCount
        let b = UInt32(pairBit)
        for row in 0..<rowCount {
          let left = leafMasks[row] & low
          let parent = left | (rightMasks[row] & low)
          let index = Int((parent &<< 1) | ((left &>> b) & 1))
          entries[row] = Int32(truncatingIfNeeded: index &* count)
        }
      } else {
        for row in 0..<rowCount {
          entries[row] = Int32(truncatingIfNeeded: Int(leafMasks[row] & low) &* count)
        }
      }
      for k in 0..<count {
        let target = phi + Int(pathFeature[first + k]) * rowCount
        let column = tableBase + offset[leaf] + k
        for row in 0..<rowCount {
          target[row] += column[Int(entries[row])]
        }
      }
    }
  }

  /// Adds to each row of a block the attributions of one tree, evaluating each leaf's
  /// closed form directly (``LeafQuadrature``) instead of reading a table.
  ///
  /// For trees whose tables would be too large. Costs O(*d*·⌈*d*/2⌉) per leaf and row, with
  /// no set-up, against O(*d*²) with a larger constant for the classic recursion.
  ///
  /// - Parameters:
  ///   - columns: The block's values, feature-major (see ``routeBlock``).
  ///   - phi: The block's attributions, feature-major (see ``addTabulated``).
  ///   - masks: Scratch space for `rowCount` masks per node of the tree.
  ///   - scratch: Space for `3 * LeafQuadrature.maxFeatures + 1` values.
  ///   - codes: The block's category codes, when computed (see ``CategoryCodes``).
  func addQuadrature(
    nodes: Range<Int>, leaves: Range<Int>, ensemble: TreeEnsemble,
    columns: UnsafePointer<Double>, rowCount: Int, quadrature: QuadratureView,
    phi: UnsafeMutablePointer<Double>, masks: UnsafeMutablePointer<UInt32>,
    scratch: UnsafeMutablePointer<Double>, codes: CategoryCodes? = nil
  ) {
    guard let zeroBase = pathZeroFraction.baseAddress else { return }
    routeBlock(
      nodes: nodes, ensemble: ensemble, columns: columns, rowCount: rowCount, masks: masks,
      codes: codes)
    let result = scratch + 2 * LeafQuadrature.maxFeatures + 1
    for leaf in leaves {
      let first = pathStart[leaf]
      let count = pathStart[leaf + 1] - first
      if count == 0 { continue }
      let points = LeafQuadrature.points(for: count)
      let start = quadrature.start[points]
      let leafMasks = masks + (leafNode[leaf] - nodes.lowerBound) * rowCount
      for row in 0..<rowCount {
        LeafQuadrature.contributions(
          mask: leafMasks[row], value: leafValue[leaf], zeros: zeroBase + first, count: count,
          nodes: quadrature.nodes + start, weights: quadrature.weights + start,
          points: points, scratch: scratch, result: result)
        for k in 0..<count {
          phi[Int(pathFeature[first + k]) * rowCount + row] += result[k]
        }
      }
    }
  }
}

/// The category codes of a block's rows (``TreeEnsemble/categoryCodes(node:values:stride:count:into:)``),
/// computed once per block for each feature that categorical splits test and read by every
/// categorical split of every tree, so that no split converts the values again.
struct CategoryCodes {
  /// Per feature: its codes, one per row of the block, when categorical splits test it.
  let columns: [UnsafePointer<Int32>?]

  /// Computes the codes of `features` for a block whose values are feature-major (see
  /// ``ForestView/routeBlock(nodes:ensemble:columns:rowCount:masks:codes:)``), into
  /// `storage` (`rowCount` codes per feature).
  init(
    features: [(feature: Int, node: Int)], ensemble: TreeEnsemble,
    columns values: UnsafePointer<Double>, rowCount: Int, featureCount: Int,
    storage: UnsafeMutablePointer<Int32>
  ) {
    var columns = [UnsafePointer<Int32>?](repeating: nil, count: featureCount)
    for (slot, entry) in features.enumerated() {
      let column = storage + slot * rowCount
      ensemble.categoryCodes(
        node: entry.node, values: values + entry.feature * rowCount, stride: 1,
        count: rowCount, into: column)
      columns[entry.feature] = UnsafePointer(column)
    }
    self.columns = columns
  }
}
