public import FairModels

/// Path-dependent TreeSHAP for PMML tree models whose nodes carry `recordCount` covers.
///
/// **Which models.** Those ``PMMLModel/additiveTrees()`` accepts: a single `TreeModel`, or a
/// `MiningModel` that sums or averages `TreeModel` segments with `<True/>` predicates; every
/// node has a positive `recordCount`, the root predicate is `<True/>`, and the children of
/// each node test one input field (directly, or through derived fields of that field alone).
/// Splits may be binary or multi-way. That is the shape R `rpart`/KNIME-style exports take.
/// sklearn2pmml's trees do not qualify: their internal nodes carry no `recordCount` (the
/// leaves carry `1`), and the XGBoost and LightGBM conversions drop it altogether.
///
/// **Game.** With `c(·)` the record counts, the value of a coalition `S` for one tree is (the
/// game of <doc:TreeSHAPAlgorithms#The-path-dependent-game>, extended to multi-way splits and
/// to rows that stop at an inner node)
///
/// ```
/// G(j, S) = value(j)                                 if the row's prediction is node j
///         = G(route(j), S)                           if j's field ∈ S, or j tests no field
///         = Σ_children c(ch) · G(ch, S) / Σ_children c(ch)    otherwise
/// ```
///
/// where `route(j)` is where the model itself sends the row from `j`: the PMML evaluator's
/// own predicate evaluation, with its missing-value strategy (`none`, `defaultChild`,
/// `lastPrediction`) and `noTrueChildStrategy`. A row that the model stops at an inner node
/// `j` (`lastPrediction`, `returnLastPrediction`) is a pseudo-leaf of zero cover below `j`.
/// The covers are normalised over each node's children, so record counts that do not add
/// up (rounded, or missing-value records) still give a weighted mean.
///
/// φ₀ + Σ φ equals the model's margin: the tree value (the regression score, or the
/// probability of the positive class for a classification tree) times the member weight,
/// summed, plus the `Targets` offset.
///
/// - Complexity: O(*N*·*D*²) per row for *N* nodes and depth *D*.
public struct PMMLTreeSHAP: Explainer {
  /// The explained model.
  package let model: any AdditiveTreeModel
  /// The model as a weighted sum of trees.
  package let trees: PMMLAdditiveTrees

  /// The model's input field names, the columns of the attributions.
  public var featureNames: [String] { model.features.map(\.name) }

  /// The output spaces this explainer attributes.
  public var supportedOutputs: Set<OutputSpace> { [.margin] }

  /// Prepares path-dependent TreeSHAP for `model`.
  ///
  /// - Parameter model: A PMML tree model of the shape described above.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/unsupportedModel`` saying
  ///   why the model does not have that shape.
  /// - Complexity: O(*N*) for *N* nodes.
  public init(model: PMMLModel) throws {
    try self.init(trees: model)
  }

  /// Prepares an explainer for any model with additive trees carrying covers.
  ///
  /// - Throws: As ``init(model:)``.
  package init(trees model: any AdditiveTreeModel) throws {
    do {
      self.trees = try model.additiveTrees(requiringCovers: true)
    } catch let error as ModelError {
      throw AttributionError(
        .unsupportedModel,
        message: "path-dependent TreeSHAP needs PMML trees with recordCount covers: "
          + "\(error.message); use kernel SHAP (exact mode) or permutation for "
          + "interventional values")
    }
    self.model = model
  }

  /// Why `model` cannot be explained this way, or `nil` when it can.
  ///
  /// - Parameter model: The PMML model.
  /// - Returns: A lower-case reason with no final period, or `nil`.
  /// - Complexity: O(*N*) for *N* nodes.
  public static func unsupportedReason(for model: PMMLModel) -> String? {
    unsupportedReason(forTrees: model)
  }

  /// Why `model` cannot be explained this way, or `nil` when it can.
  package static func unsupportedReason(forTrees model: any AdditiveTreeModel) -> String? {
    do {
      _ = try model.additiveTrees(requiringCovers: true)
      return nil
    } catch let error as ModelError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  /// Computes one attribution per input field.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The thread count; the output space must be margin.
  /// - Returns: Margin-space attributions; the base value is the cover-weighted mean.
  /// - Throws: ``AttributionError`` when the feature count differs; of kind
  ///   ``AttributionError/Kind/unsupportedOutput`` for probability, which path-dependent
  ///   TreeSHAP has no form for (use ``PMMLInterventionalTreeSHAP``); of kind
  ///   ``AttributionError/Kind/unsupportedModel`` with subject
  ///   `row N` (1-based) when the model gives no prediction along some branch the game
  ///   follows for the row (as `nullPrediction` does for a missing value).
  /// - Complexity: O(*n*·*N*·*D*²) for *n* rows, *N* nodes and depth *D*.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(
      matrix, featureCount: model.featureCount, output: options.output,
      hint: AttributionError.Message.pathDependentHasNoProbability)
    return try explainInChunks(
      matrix, chunkSize: 64, threads: options.workerCount, progress: options.progress
    ) {
      try explainChunk(matrix, rows: $0)
    }
  }

  /// The attributions, base values and margins of `rows`.
  private func explainChunk(_ matrix: FeatureMatrix, rows: Range<Int>) throws
    -> AttributionChunk
  {
    let width = model.featureCount
    let batch = matrix.batch(rows: rows)
    let routes = model.treeRoutes(batch, trees: trees)
    let nodeCount = trees.nodeCount
    var margins: [Double] = []
    try model.scoreMargins(batch, into: &margins)
    var values = [Double](repeating: 0, count: rows.count * width)
    var bases = [Double](repeating: trees.offset, count: rows.count)
    for local in 0..<rows.count {
      var phi = [Double](repeating: 0, count: width)
      var start = local * nodeCount
      var failed = margins[local].isNaN
      for member in trees.members where !failed {
        var walker = PMMLTreeSHAPWalker(
          member: member, routes: routes[start..<(start + member.tree.nodeCount)])
        walker.run(into: &phi)
        let expected = walker.expectedValue()
        failed = walker.failed || expected.isNaN
        bases[local] += member.weight * expected
        start += member.tree.nodeCount
      }
      guard !failed else {
        let row = rows.lowerBound + local
        throw AttributionError(
          .unsupportedModel, subject: "row \(row + 1)",
          message: margins[local].isNaN
            ? "the model gives no prediction for this row"
            : "the model gives no prediction along a branch path-dependent TreeSHAP "
              + "averages over (a missing value under nullPrediction); use kernel SHAP")
      }
      values.replaceSubrange((local * width)..<((local + 1) * width), with: phi)
    }
    return AttributionChunk(values: values, baseValues: bases, predictions: margins)
  }
}
