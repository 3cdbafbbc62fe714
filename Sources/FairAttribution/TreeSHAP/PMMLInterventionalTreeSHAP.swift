public import FairModels

/// Exact interventional SHAP values for PMML tree models against a background, with no need
/// for `recordCount` covers.
///
/// **Which models.** Those ``PMMLModel/additiveTrees(requiringCovers:)`` accepts without
/// covers: a single `TreeModel`, or a `MiningModel` that sums or averages (`sum`, `average`,
/// `weightedSum`, `weightedAverage`) `TreeModel` segments with `<True/>` predicates, whose
/// nodes' predicates each test at most one input field. Siblings may test different fields
/// (the if-else-if chains of compacted trees). That includes sklearn2pmml's decision trees
/// and random forests, whose inner nodes carry no `recordCount`.
///
/// **Game.** A coalition `S` is valued by the mean margin over the background `R` of the
/// hybrid rows taking `x`'s values on `S` and the background row's elsewhere:
///
/// ```
/// v(S) = Σ_{r∈R} w_r · f(x_S, r_S̄) / Σ_{r∈R} w_r
/// ```
///
/// Each tree is walked once per pair `(x, r)` (<doc:TreeSHAPAlgorithms#The-walk-per-reference>)
/// along the routes the PMML evaluator itself takes, missing-value strategies and
/// `noTrueChildStrategy` included, so a row the model stops at an inner node ends there for the
/// game too. Where siblings test different fields (an if-else-if chain), a field is tagged to
/// `x`'s or `r`'s side only when the model's own first-true-child rule reads it and the two
/// rows disagree on it. The values add up to `f(x) − mean_r f(r)`; the base value is the
/// weighted mean background margin (the `Targets` offset, tree weights and averaging applied as
/// the model applies them). A field no tree splits on gets exactly 0.
///
/// **Probability space** (binary classifiers) follows shap's rescaling, as
/// ``InterventionalTreeSHAP`` does: each pair's margin values are multiplied by
/// `[g(f(x)) − g(f(r))] / [f(x) − f(r)]` (1 when the margins are equal), with `g` the model's
/// output transform, and averaged with the weights; the base value is `Σ_r w_r · g(f(r))`.
/// The classifiers accepted today have no link function (their margin already is the
/// probability of the positive class, and `g` is the identity), so their probability values
/// equal their margin values; a model whose trees feed a logistic link would be rescaled
/// pair by pair.
public struct PMMLInterventionalTreeSHAP: Explainer {
  /// The explained model.
  package let model: any AdditiveTreeModel
  /// The model as a weighted sum of trees.
  package let trees: PMMLAdditiveTrees
  /// The background (reference) rows.
  public let background: FeatureMatrix
  /// Each background row's share of the mean, adding up to 1.
  public let backgroundShares: [Double]
  /// The model's margin for each background row.
  public let backgroundMargins: [Double]
  /// The weighted mean background margin, φ₀.
  public let baseValue: Double

  private let backgroundTruths: [Int8]
  /// shap's rescaling through the model's output transform.
  private let rescaling: ProbabilityRescaling
  /// The probability of each background row's margin.
  private let backgroundProbabilities: [Double]

  /// The model's input field names, the columns of the attributions.
  public var featureNames: [String] { model.features.map(\.name) }

  /// The output spaces this explainer attributes: margin, and probability for binary
  /// classifiers.
  public var supportedOutputs: Set<OutputSpace> {
    ProbabilityRescaling.outputs(task: model.task, transform: model.outputTransform)
  }

  /// The base value φ₀ in `output` space: the weighted mean background margin, or the
  /// weighted mean background probability.
  ///
  /// - Parameter output: Margin or probability.
  /// - Returns: φ₀.
  /// - Complexity: O(*R*) for *R* background rows.
  public func baseValue(for output: OutputSpace) -> Double {
    guard output == .probability else { return baseValue }
    return zip(backgroundShares, backgroundProbabilities).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// Prepares interventional TreeSHAP for `model` against `background`.
  ///
  /// - Parameters:
  ///   - model: A PMML tree model of the shape described above.
  ///   - background: The reference rows, bound to the model's features.
  ///   - weights: One non-negative weight per background row, `nil` for equal weights.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/unsupportedModel`` saying
  ///   why the model does not have that shape; of kind
  ///   ``AttributionError/Kind/invalidBackground`` when the background is empty, has a
  ///   different feature count, has unusable weights, or has a row the model gives no
  ///   prediction for (subject `background row N`, 1-based).
  /// - Complexity: O(*R*·*N*·*c*) for *R* background rows, *N* nodes and *c* children per
  ///   node.
  public init(model: PMMLModel, background: FeatureMatrix, weights: [Double]? = nil) throws {
    try self.init(trees: model, background: background, weights: weights)
  }

  /// Prepares an explainer for any model with additive trees.
  ///
  /// - Throws: As ``init(model:background:weights:)``.
  package init(
    trees model: any AdditiveTreeModel, background: FeatureMatrix, weights: [Double]? = nil
  ) throws {
    trees = try PMMLInterventionalTreeSHAP.additiveTrees(of: model)
    let checked = try BackgroundData(
      background, weights: weights, featureCount: model.featureCount)
    let count = checked.rowCount
    let batch = background.batch(rows: 0..<count)
    var margins: [Double] = []
    try model.scoreMargins(batch, into: &margins)
    if let bad = margins.firstIndex(where: { $0.isNaN }) {
      throw AttributionError(
        .invalidBackground, subject: "background row \(bad + 1)",
        message: "the model gives no prediction for this row")
    }
    self.model = model
    self.background = background
    backgroundShares = checked.weights
    backgroundMargins = margins
    baseValue = zip(backgroundShares, margins).reduce(0) { $0 + $1.0 * $1.1 }
    backgroundTruths = model.predicateTruths(batch, trees: trees)
    let rescaling = ProbabilityRescaling(transform: model.outputTransform)
    self.rescaling = rescaling
    backgroundProbabilities = margins.map { rescaling.probability($0) }
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
      _ = try model.additiveTrees(requiringCovers: false)
      return nil
    } catch let error as ModelError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  /// The model's trees, or an unsupported-model error saying why there are none.
  private static func additiveTrees(of model: any AdditiveTreeModel) throws -> PMMLAdditiveTrees {
    do {
      return try model.additiveTrees(requiringCovers: false)
    } catch let error as ModelError {
      throw AttributionError(
        .unsupportedModel,
        message: "interventional TreeSHAP needs PMML trees summed or averaged: "
          + "\(error.message); use kernel SHAP or permutation")
    }
  }

  /// Computes interventional SHAP values for every row of `matrix`.
  ///
  /// Rows are cut into fixed chunks and each row's sums run in a fixed order (background
  /// rows, then trees, in order), so the result does not depend on the thread count.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The output space (margin, or probability for binary classifiers) and
  ///     threads.
  /// - Returns: Attributions whose base values are ``baseValue(for:)`` and predictions the
  ///   model's own outputs.
  /// - Throws: ``AttributionError`` when the feature count differs or the output space is
  ///   not supported, and of kind ``AttributionError/Kind/unsupportedModel`` with subject
  ///   `row N` (1-based) when the model gives no prediction for the row, or along a path
  ///   some hybrid of it with a background row takes.
  /// - Complexity: O(*n*·*R*·*V*) for *n* rows, *R* background rows and *V* nodes the
  ///   hybrids of a pair reach over all trees (at most the node count).
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let output = options.output
    return try explainInChunks(
      matrix, chunkSize: 16, threads: options.workerCount, output: output,
      progress: options.progress
    ) {
      try explainChunk(matrix, rows: $0, output: output)
    }
  }

  /// The attributions and outputs of `rows`.
  private func explainChunk(_ matrix: FeatureMatrix, rows: Range<Int>, output: OutputSpace)
    throws -> AttributionChunk
  {
    let width = model.featureCount
    let nodeCount = trees.nodeCount
    let batch = matrix.batch(rows: rows)
    let truths = model.predicateTruths(batch, trees: trees)
    var margins: [Double] = []
    try model.scoreMargins(batch, into: &margins)
    var values = [Double](repeating: 0, count: rows.count * width)
    var walker = PMMLInterventionalWalker(featureCount: width)
    var phi = [Double](repeating: 0, count: width)
    for local in 0..<rows.count {
      let row = rows.lowerBound + local
      guard !margins[local].isNaN else {
        throw AttributionError(
          .unsupportedModel, subject: "row \(row + 1)",
          message: "the model gives no prediction for this row")
      }
      for feature in 0..<width { phi[feature] = 0 }
      let margin = margins[local]
      let probability = rescaling.probability(margin)
      for reference in 0..<backgroundShares.count {
        // shap's factor for the pair in probability space (exactly 1 for the identity).
        let factor =
          output == .probability
          ? rescaling.factor(
            margin, probability, backgroundMargins[reference], backgroundProbabilities[reference])
          : 1
        let scale = backgroundShares[reference] * factor
        var start = 0
        for member in trees.members {
          let end = start + member.tree.nodeCount
          let xStart = local * nodeCount
          let rStart = reference * nodeCount
          walker.walk(
            member, x: truths[(xStart + start)..<(xStart + end)],
            r: backgroundTruths[(rStart + start)..<(rStart + end)],
            scale: scale, phi: &phi)
          start = end
        }
        guard !walker.failed else {
          throw AttributionError(
            .unsupportedModel, subject: "row \(row + 1)",
            message: "the model gives no prediction for a hybrid of this row and background "
              + "row \(reference + 1) (a missing value under nullPrediction, or no true child)")
        }
      }
      values.replaceSubrange((local * width)..<((local + 1) * width), with: phi)
    }
    if output == .probability {
      for index in margins.indices { margins[index] = rescaling.probability(margins[index]) }
    }
    return AttributionChunk(
      values: values, baseValues: Array(repeating: baseValue(for: output), count: rows.count),
      predictions: margins)
  }
}
