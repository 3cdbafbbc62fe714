public import FairModels
import _FairSupport

/// Exact interventional SHAP values for tree ensembles against a background dataset (shap's
/// `feature_perturbation="interventional"`).
///
/// A coalition `S` is valued by the mean model output over the background `R` of the
/// hybrid rows that take `x`'s values on `S` and the background row's elsewhere:
///
/// ```
/// v(S) = (1/|R|) Σ_{r∈R} f(x_S, r_S̄)
/// ```
///
/// In margin space the values add up to `f(x) − mean_r f(r)`, and the base value is the mean
/// background margin. Margins here are exact `Double` sums of the leaf values (XGBoost itself
/// sums in `Float`, about 1e-7 relative away). Missing values and categorical splits are
/// routed by ``TreeEnsemble/goesLeft(node:x:)`` for the explained row and for every
/// background row alike.
///
/// **Probability space** (models with a logistic transform) follows shap's rule, which is a
/// rescaling and **not** the Shapley value of the probability-valued game: for each pair
/// `(x, r)` the margin attributions `φ(x; r)` are multiplied by
///
/// ```
/// [σ(f(x)) − σ(f(r))] / [f(x) − f(r)]          (1 when the margins are equal)
/// ```
///
/// and then averaged over `r`. They add up to `σ(f(x)) − mean_r σ(f(r))`, and the base value
/// is `mean_r σ(f(r))`.
///
/// **Algorithm.** In margin space the background is summarised once, at construction, per
/// leaf, as a histogram of which path features each background row satisfies; every leaf's
/// contributions for every pattern of the explained row are then tabulated, so a row costs
/// O(*d*) per leaf whatever the background size. Trees with more than 10 distinct features
/// on a path, or beyond the memory and work limits, and all trees in probability space (where
/// each reference is weighted differently), are explained by walking each tree once per
/// `(x, r)` pair, visiting only the nodes some hybrid reaches, with the background's routing
/// precomputed as bit sets.
public struct InterventionalTreeSHAP: Explainer {
  /// The explained model.
  public let model: TreeEnsemble
  /// The background (reference) rows.
  public let background: FeatureMatrix
  /// The exact `Double` margin of each background row.
  public let backgroundMargins: [Double]

  private let frozen: FrozenForest
  private let weights: ShapleyWeights
  private let tables: InterventionalTables
  private let tableOffset: FrozenArray<Int>
  private let tableValues: FrozenArray<Double>
  private let backgroundLeft: FrozenArray<UInt64>
  private let wordsPerRow: Int

  /// The model's feature names, the columns of the attributions.
  public var featureNames: [String] { model.features.map(\.name) }

  /// The output spaces this explainer attributes: margin, and probability for binary
  /// classifiers.
  public var supportedOutputs: Set<OutputSpace> {
    ProbabilityRescaling.outputs(task: model.task, transform: model.outputTransform)
  }

  /// The number of trees explained from tables in margin space.
  public var tabulatedTreeCount: Int { tables.treeIsTabulated.lazy.filter { $0 }.count }

  /// Prepares an explainer for `model` against `background`.
  ///
  /// - Parameters:
  ///   - model: The tree ensemble.
  ///   - background: The reference rows, bound to the model's features; shap recommends
  ///     100 to 1,000.
  ///   - tableMemoryLimit: The most bytes the margin-space tables may use.
  ///   - threads: The number of threads that build the tables.
  /// - Throws: ``AttributionError`` with kind ``AttributionError/Kind/invalidBackground``
  ///   when the background has no rows or a different number of features.
  /// - Complexity: O(*R*·*N*) for *R* background rows and *N* nodes, plus
  ///   O(Σ min(3^*d*, *R*·2^*d*)·*d*) over the leaves of tabulated trees.
  public init(
    model: TreeEnsemble, background: FeatureMatrix,
    tableMemoryLimit: Int = TreeSHAP.defaultTableMemoryLimit, threads: Int = 1
  ) throws {
    _ = try BackgroundData(background, featureCount: model.featureCount)
    let forest = PreorderForest(model)
    let frozen = FrozenForest(forest)
    let weights = ShapleyWeights(limit: forest.maxDepth + 1)
    self.model = model
    self.background = background
    self.frozen = frozen
    self.weights = weights
    tables = InterventionalTables(
      forest: frozen, ensemble: model, background: background, weights: weights,
      memoryLimit: max(0, tableMemoryLimit), threads: max(1, threads))
    tableOffset = FrozenArray(tables.offset)
    tableValues = tables.values
    let words = (forest.feature.count + 63) / 64
    wordsPerRow = words
    var bits = [UInt64](repeating: 0, count: background.rowCount * words)
    var margins = [Double](repeating: 0, count: background.rowCount)
    withExtendedLifetime(frozen) {
      let view = frozen.view
      let rows = background.rowCount
      let width = background.featureCount
      background.values.withUnsafeBufferPointer { values in
        bits.withUnsafeMutableBufferPointer { out in
          guard let base = values.baseAddress, let outBase = out.baseAddress else { return }
          // Each split decided for every background row at once, as `route` decides it.
          withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, rows)) { scratch in
            guard let decided = scratch.baseAddress else { return }
            for index in 0..<view.feature.count where view.feature[index] >= 0 {
              model.decideColumn(
                node: Int(view.originalNode[index]), values: base + Int(view.feature[index]),
                stride: width, count: rows, into: decided)
              let word = index &>> 6
              let bit = UInt64(1) &<< UInt64(index & 63)
              for row in 0..<rows where decided[row] != 0 { outBase[row * words + word] |= bit }
            }
          }
          for row in 0..<rows {
            margins[row] = InterventionalTreeSHAP.margin(
              forest: forest, view: view, left: UnsafePointer(outBase + row * words),
              baseMargin: model.baseMargin)
          }
        }
      }
    }
    backgroundLeft = FrozenArray(bits)
    backgroundMargins = margins
  }

  /// The base value φ₀ in `output` space: the mean background output.
  ///
  /// - Complexity: O(*R*) for *R* background rows.
  public func baseValue(for output: OutputSpace) -> Double {
    var sum = 0.0
    for margin in backgroundMargins {
      sum += output == .margin ? margin : model.outputTransform.apply(margin)
    }
    return sum / Double(backgroundMargins.count)
  }

  /// Computes interventional SHAP values for every row of `matrix`.
  ///
  /// Rows are cut into fixed chunks, and each row's sums run in a fixed order, so the result
  /// does not depend on the thread count.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The output space (margin, or probability for logistic models) and threads.
  /// - Returns: Attributions whose ``Attributions/predictions`` are the model's own outputs
  ///   (NaN when `options` says they are not needed and no margins were given).
  /// - Throws: ``AttributionError`` when the feature count differs from the model's or the
  ///   output space is not supported.
  /// - Complexity: Margin space: O(*n*·*T*·*L*·*d*) for tabulated trees; otherwise
  ///   O(*n*·*R*·*T*·*V*) where *V* is the number of nodes the hybrids of a pair reach.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let rows = matrix.rowCount
    let width = model.featureCount
    let output = options.output
    let chunkSize = output == .margin ? 256 : 8
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let categorical = output == .margin ? model.categoricalSplitFeatures : []
    let task = options.progress?.start("attributions", total: rows)
    let parts = ParallelChunks.map(count: chunkCount, threads: options.workerCount) { chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      defer { task?.advance(by: range.count) }
      return explainChunk(matrix, rows: range, output: output, categorical: categorical)
    }
    task?.finish()
    var values: [Double] = []
    values.reserveCapacity(rows * width)
    for part in parts { values.append(contentsOf: part) }
    let predictions: [Double]
    if let margins = options.margins, margins.count == rows {
      let transform = model.outputTransform
      predictions = output == .margin ? margins : margins.map(transform.apply)
    } else if !options.needsPredictions {
      predictions = Array(repeating: .nan, count: rows)
    } else {
      predictions = try model.predict(matrix, output: output, threads: options.workerCount)
    }
    return Attributions(
      values: values, rowCount: rows,
      baseValues: Array(repeating: baseValue(for: output), count: rows),
      predictions: predictions, featureNames: featureNames, outputSpace: output)
  }

  /// The attributions of `rows`, row-major.
  ///
  /// `categorical` lists the features that categorical splits test (with one such node
  /// each); their category codes are computed once for the block of tabulated trees.
  private func explainChunk(
    _ matrix: FeatureMatrix, rows: Range<Int>, output: OutputSpace,
    categorical: [(feature: Int, node: Int)]
  ) -> [Double] {
    let width = model.featureCount
    var block = FeatureMajorBlock(rowCount: rows.count, featureCount: width)
    let forest = frozen.forest
    let references = background.rowCount
    let masks = UnsafeMutablePointer<UInt32>.allocate(
      capacity: max(1, forest.largestTreeNodeCount * rows.count))
    let entries = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, rows.count))
    let xLeft = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, wordsPerRow))
    let state = UnsafeMutablePointer<Int8>.allocate(capacity: max(1, width))
    state.initialize(repeating: 0, count: max(1, width))
    let tagFeature = UnsafeMutablePointer<Int32>.allocate(capacity: forest.maxDepth + 1)
    let tagSign = UnsafeMutablePointer<Int8>.allocate(capacity: forest.maxDepth + 1)
    let codeStorage = UnsafeMutablePointer<Int32>.allocate(
      capacity: max(1, categorical.count * rows.count))
    let columns = UnsafeMutablePointer<Double>.allocate(
      capacity: output == .margin ? max(1, rows.count * width) : 1)
    defer {
      codeStorage.deallocate()
      columns.deallocate()
      masks.deallocate()
      entries.deallocate()
      xLeft.deallocate()
      state.deallocate()
      tagFeature.deallocate()
      tagSign.deallocate()
    }
    let walkedTrees = (0..<forest.treeCount).filter {
      output != .margin || !tables.treeIsTabulated[$0]
    }
    withExtendedLifetime(self) {
      let view = frozen.view
      let offset = tableOffset.buffer
      let table = tableValues.buffer
      let referenceLeft = backgroundLeft.buffer
      weights.plus.withUnsafeBufferPointer { plus in
        weights.minus.withUnsafeBufferPointer { minus in
          matrix.values.withUnsafeBufferPointer { x in
            block.values.withUnsafeMutableBufferPointer { out in
              guard let xBase = x.baseAddress, let outBase = out.baseAddress,
                let plusBase = plus.baseAddress, let minusBase = minus.baseAddress,
                let referenceBase = referenceLeft.baseAddress
              else { return }
              if output == .margin {
                FeatureMajorBlock.transpose(
                  xBase + rows.lowerBound * width, rowCount: rows.count, featureCount: width,
                  into: columns)
                let codes =
                  categorical.isEmpty
                  ? nil
                  : CategoryCodes(
                    features: categorical, ensemble: model, columns: columns,
                    rowCount: rows.count, featureCount: width, storage: codeStorage)
                for tree in 0..<forest.treeCount where tables.treeIsTabulated[tree] {
                  view.addTabulated(
                    nodes: forest.treeStart[tree]..<forest.treeStart[tree + 1],
                    leaves: forest.leafStart[tree]..<forest.leafStart[tree + 1],
                    ensemble: model, columns: columns, rowCount: rows.count, offset: offset,
                    table: table, phi: outBase, masks: masks, entries: entries, codes: codes)
                }
              }
              if walkedTrees.isEmpty { return }
              var walker = InterventionalWalker(
                view: view, plus: plusBase, minus: minusBase, stride: weights.limit + 1,
                state: state, tagFeature: tagFeature, tagSign: tagSign,
                xLeft: UnsafePointer(xLeft), rLeft: referenceBase, phi: outBase,
                phiStride: rows.count, scale: 0)
              for row in rows {
                InterventionalTreeSHAP.route(
                  xBase + row * width, view: view, ensemble: model, into: xLeft)
                walker.phi = outBase + (row - rows.lowerBound)
                let margin = InterventionalTreeSHAP.margin(
                  forest: forest, view: view, left: UnsafePointer(xLeft),
                  baseMargin: model.baseMargin)
                for reference in 0..<references {
                  walker.rLeft = referenceBase + reference * wordsPerRow
                  walker.scale =
                    rescaleFactor(
                      margin, backgroundMargins[reference], output: output) / Double(references)
                  for tree in walkedTrees {
                    walker.walk(forest.treeStart[tree], n: 0, mx: 0)
                  }
                }
              }
            }
          }
        }
      }
    }
    return block.rowMajor()
  }

  /// shap's factor turning margin attributions of one pair into probability attributions.
  private func rescaleFactor(_ x: Double, _ reference: Double, output: OutputSpace) -> Double {
    guard output == .probability else { return 1 }
    return ProbabilityRescaling(transform: model.outputTransform).factor(x, reference)
  }

  /// Sets bit `i` of `left` when `row` goes left at preorder node `i`, for every node.
  static func route(
    _ row: UnsafePointer<Double>, view: ForestView, ensemble: TreeEnsemble,
    into left: UnsafeMutablePointer<UInt64>
  ) {
    let count = view.feature.count
    var word: UInt64 = 0
    for index in 0..<count {
      let split = Int(view.feature[index])
      if split >= 0 && view.goesLeft(index, row[split], ensemble) {
        word |= UInt64(1) &<< UInt64(index & 63)
      }
      if index & 63 == 63 || index == count - 1 {
        left[index &>> 6] = word
        word = 0
      }
    }
  }

  /// The exact `Double` margin of the row whose routing is `left`.
  static func margin(
    forest: PreorderForest, view: ForestView, left: UnsafePointer<UInt64>, baseMargin: Double
  ) -> Double {
    var sum = 0.0
    for tree in 0..<forest.treeCount {
      var node = forest.treeStart[tree]
      while view.feature[node] >= 0 {
        node = InterventionalWalker.isSet(left, node) ? node + 1 : Int(view.rightChild[node])
      }
      sum += view.value[node]
    }
    return baseMargin + sum
  }
}
