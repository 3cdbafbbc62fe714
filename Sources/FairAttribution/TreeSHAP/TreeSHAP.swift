public import FairModels
import _FairSupport

/// Exact path-dependent SHAP values for tree ensembles (shap's
/// `feature_perturbation="tree_path_dependent"`, XGBoost's `pred_contribs`).
///
/// The game is the one of Lundberg, Erion & Lee (2018): a coalition `S` is valued by walking
/// each tree, following the row where the split feature is in `S` and averaging both children
/// by their covers otherwise. Covers are whatever the loader stored: hessian sums for XGBoost,
/// training-row counts for LightGBM. Attributions are in margin space and have local
/// accuracy:
///
/// ```
/// φ₀ = baseMargin + Σ_t w_t · E_t          (÷ T when the ensemble averages its trees)
/// φ₀ + Σ_j φ_j = baseMargin + Σ_t w_t · leaf_t(x)
/// ```
///
/// where `E_t` is tree `t`'s cover-weighted mean leaf value and `w_t` its weight (DART).
/// Routing uses ``TreeEnsemble/goesLeft(node:x:)``, so missing values and categorical
/// splits follow the model's own rules; the other child of each split is integrated with its
/// cover fraction.
///
/// **Zero covers.** A cover that is 0 (or NaN) is read as `1e-6`, as shap does for nodes
/// that a background dataset never reaches. Covers are used only as ratios, so this gives
/// such a child a negligible but positive share and keeps every quantity finite; local
/// accuracy still holds exactly because `E_t` is computed from the same ratios.
///
/// **Algorithms.** ``Algorithm/fast`` (the default) evaluates, per leaf, the closed form of
/// <doc:TreeSHAPAlgorithms#The-closed-form-per-leaf> with exact Gauss–Legendre quadrature. For
/// trees with at most 10 distinct features on a path it tabulates, once per model, every leaf's
/// contributions for every pattern of path features a row satisfies, so a row then costs O(*d*)
/// additions per leaf (the idea of FastTreeSHAP v2); deeper trees, and trees beyond the table
/// memory limit, evaluate the closed form per row, O(*d*·⌈*d*/2⌉) per leaf; trees with more
/// than 32 distinct features on a path use the classic recursion. ``Algorithm/classic`` uses
/// the classic recursion (Algorithm 2 of Lundberg, Erion & Lee 2018;
/// <doc:TreeSHAPAlgorithms#The-classic-recursion>) for every tree and serves as the reference
/// implementation. Both work in `Double` and agree to about 1e-13 relative.
public struct TreeSHAP: Explainer {
  /// How attributions are computed.
  public enum Algorithm: String, Sendable, Hashable, CaseIterable {
    /// Tabulated or directly evaluated closed form per leaf.
    case fast
    /// The classic recursion ("Algorithm 2") for every tree.
    case classic
  }

  /// The explained model.
  public let model: TreeEnsemble
  /// The algorithm in use.
  public let algorithm: Algorithm
  /// The base value φ₀ in margin space, the same for every row.
  public let baseValue: Double

  private let frozen: FrozenForest
  private let tables: PathDependentTables
  private let tableOffset: FrozenArray<Int>
  private let tableValues: FrozenArray<Double>
  private let quadrature = LeafQuadrature()

  /// How each tree is explained.
  private let kernel: [Kernel]

  /// The per-tree algorithms.
  private enum Kernel: Sendable {
    case table, quadrature, classic
  }

  /// The number of trees explained from tables.
  public var tabulatedTreeCount: Int { tables.treeIsTabulated.lazy.filter { $0 }.count }

  /// The model's feature names, the columns of the attributions.
  public var featureNames: [String] { model.features.map(\.name) }

  /// The output spaces this explainer attributes.
  public var supportedOutputs: Set<OutputSpace> { [.margin] }

  /// The default memory limit of the fast algorithm's tables: 256 MiB.
  public static let defaultTableMemoryLimit = 256 << 20

  /// Prepares an explainer for `model`.
  ///
  /// - Parameters:
  ///   - model: The tree ensemble.
  ///   - algorithm: Tabulated (default) or classic.
  ///   - tableMemoryLimit: The most bytes the fast algorithm's tables may use; trees are
  ///     tabulated in order until the next one would not fit.
  ///   - threads: The number of threads that build the tables.
  /// - Complexity: O(*N*·*D*) for *N* nodes of depth *D*, plus for the fast algorithm
  ///   O(Σ 2^*d*·*d*²) over the leaves of tabulated trees (*d* distinct features on the path).
  public init(
    model: TreeEnsemble, algorithm: Algorithm = .fast,
    tableMemoryLimit: Int = TreeSHAP.defaultTableMemoryLimit, threads: Int = 1
  ) {
    let forest = PreorderForest(model)
    self.model = model
    self.algorithm = algorithm
    frozen = FrozenForest(forest)
    tables = PathDependentTables(
      forest: forest, memoryLimit: algorithm == .fast ? max(0, tableMemoryLimit) : 0,
      threads: max(1, threads))
    tableOffset = FrozenArray(tables.offset)
    tableValues = tables.values
    kernel = (0..<forest.treeCount).map { [tables] tree in
      if algorithm == .classic { return .classic }
      if tables.treeIsTabulated[tree] { return .table }
      return forest.treeDistinctFeatures[tree] <= LeafQuadrature.maxFeatures
        ? .quadrature : .classic
    }
    var base = 0.0
    for expectation in forest.treeExpectation { base += expectation }
    baseValue = model.baseMargin + base
  }

  /// Computes path-dependent SHAP values for every row of `matrix`.
  ///
  /// Rows are cut into chunks of 256, explained tree by tree so that each tree's tables stay
  /// in cache; each row's sum runs over trees in order, so the result does not depend on the
  /// thread count.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The thread count; the output space must be margin.
  /// - Returns: Margin-space attributions; ``Attributions/predictions`` holds the model's own
  ///   margins (summed in `Float` for XGBoost models).
  /// - Throws: ``AttributionError`` when the feature count differs from the model's, or of
  ///   kind ``AttributionError/Kind/unsupportedOutput`` for probability, which
  ///   path-dependent TreeSHAP has no form for (use ``InterventionalTreeSHAP``); whatever
  ///   the model throws while scoring.
  /// - Complexity: O(*n*·*T*·*L*·*d*) for *n* rows, *T* tabulated trees with *L* leaves and
  ///   *d* distinct features per path; O(*n*·*L*·*d*²) per tree evaluated directly or by the
  ///   classic recursion.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(
      matrix, featureCount: model.featureCount, output: options.output,
      hint: AttributionError.Message.pathDependentHasNoProbability)
    let rows = matrix.rowCount
    let width = model.featureCount
    let chunkSize = 256
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let categorical = model.categoricalSplitFeatures
    let task = options.progress?.start("attributions", total: rows)
    let parts = ParallelChunks.map(count: chunkCount, threads: options.workerCount) { chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      defer { task?.advance(by: range.count) }
      return explainChunk(matrix, rows: range, categorical: categorical)
    }
    task?.finish()
    var values: [Double] = []
    values.reserveCapacity(rows * width)
    for part in parts { values.append(contentsOf: part) }
    let predictions =
      try options.margins.flatMap { $0.count == rows ? $0 : nil }
      ?? model.predict(matrix, output: .margin, threads: options.workerCount)
    return Attributions(
      values: values, rowCount: rows, baseValues: Array(repeating: baseValue, count: rows),
      predictions: predictions, featureNames: featureNames, outputSpace: .margin)
  }

  /// The attributions of `rows`, row-major.
  ///
  /// `categorical` lists the features that categorical splits test (with one such node
  /// each); their category codes are computed once for the block.
  private func explainChunk(
    _ matrix: FeatureMatrix, rows: Range<Int>, categorical: [(feature: Int, node: Int)]
  ) -> [Double] {
    let width = model.featureCount
    let count = rows.count
    var block = FeatureMajorBlock(rowCount: count, featureCount: width)
    let forest = frozen.forest
    let classic = ClassicTreeSHAPKernel(maxDepth: forest.maxDepth)
    let masks = UnsafeMutablePointer<UInt32>.allocate(
      capacity: max(1, forest.largestTreeNodeCount * count))
    let entries = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, count))
    defer {
      masks.deallocate()
      entries.deallocate()
    }
    let scratch = UnsafeMutablePointer<Double>.allocate(
      capacity: 3 * LeafQuadrature.maxFeatures + 1)
    defer { scratch.deallocate() }
    let codeStorage = UnsafeMutablePointer<Int32>.allocate(
      capacity: max(1, categorical.count * count))
    defer { codeStorage.deallocate() }
    let columns = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count * width))
    defer { columns.deallocate() }
    withExtendedLifetime(self) {
      let view = frozen.view
      let offset = tableOffset.buffer
      let table = tableValues.buffer
      quadrature.nodes.withUnsafeBufferPointer { nodes in
        quadrature.weights.withUnsafeBufferPointer { weights in
          quadrature.start.withUnsafeBufferPointer { start in
            matrix.values.withUnsafeBufferPointer { x in
              block.values.withUnsafeMutableBufferPointer { out in
                guard let xBase = x.baseAddress, let phi = out.baseAddress,
                  let nodeBase = nodes.baseAddress, let weightBase = weights.baseAddress,
                  let startBase = start.baseAddress
                else { return }
                let rules = QuadratureView(nodes: nodeBase, weights: weightBase, start: startBase)
                let first = xBase + rows.lowerBound * width
                FeatureMajorBlock.transpose(
                  first, rowCount: count, featureCount: width, into: columns)
                let codes =
                  categorical.isEmpty
                  ? nil
                  : CategoryCodes(
                    features: categorical, ensemble: model, columns: columns, rowCount: count,
                    featureCount: width, storage: codeStorage)
                for tree in 0..<forest.treeCount {
                  let nodes = forest.treeStart[tree]..<forest.treeStart[tree + 1]
                  let leaves = forest.leafStart[tree]..<forest.leafStart[tree + 1]
                  switch kernel[tree] {
                  case .table:
                    view.addTabulated(
                      nodes: nodes, leaves: leaves, ensemble: model, columns: columns,
                      rowCount: count, offset: offset, table: table, phi: phi, masks: masks,
                      entries: entries, codes: codes)
                  case .quadrature:
                    view.addQuadrature(
                      nodes: nodes, leaves: leaves, ensemble: model, columns: columns,
                      rowCount: count, quadrature: rules, phi: phi, masks: masks,
                      scratch: scratch, codes: codes)
                  case .classic:
                    for row in 0..<count {
                      classic.explain(
                        root: nodes.lowerBound, forest: view, ensemble: model,
                        row: first + row * width, phi: phi + row, stride: count)
                    }
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
}
