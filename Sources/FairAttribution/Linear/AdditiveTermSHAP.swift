public import FairModels

/// Exact interventional SHAP values of a PMML model whose margin is a sum of one-field terms.
///
/// ``PMMLModel/linearDecomposition`` writes the margin of a `RegressionModel`, a
/// `GeneralRegressionModel` or a `Scorecard` as `intercept + Σ_k term_k(x)`, with the
/// document's own preprocessing, missing-value and category rules inside each term. When
/// every term reads the features of one input field, the interventional Shapley value of
/// field `f` against background rows `b` with weights `w_b` is closed-form (Linear SHAP of
/// Lundberg & Lee 2017, §4.2; see <doc:LinearAndAdditiveSHAP>):
///
/// ```
/// φ_f = Σ_{k reads f} (term_k(x) − μ_k),      μ_k = Σ_b w_b · term_k(b)
/// φ₀  = intercept + Σ_k μ_k = Σ_b w_b · margin(b)
/// ```
///
/// so the one-hot terms of a categorical field add up to one value per field, and a term
/// that reads no field is a constant that lands in φ₀.
///
/// **Probability space** (the binary classifiers, whose margin is a log-odds) follows shap's
/// rescaling, which ``InterventionalTreeSHAP`` uses too and which is **not** the Shapley value
/// of the probability-valued game: each background row's margin values
/// `term_k(x) − term_k(b)` are multiplied by `[σ(f(x)) − σ(f(b))] / [f(x) − f(b)]` (1 when
/// the margins are equal) and averaged with the weights. The values add up to
/// `σ(f(x)) − Σ_b w_b · σ(f(b))`, and the base value is that weighted mean probability.
/// Regressions and scorecards have no probability output.
///
/// A term that reads two or more fields (a `PredictorTerm` product, a `PPCell` interaction,
/// a derived field that combines inputs) has no per-field split; such a model is refused,
/// and KernelSHAP in exact mode gives its interventional values.
public struct AdditiveTermSHAP: Explainer {
  /// The explained model.
  package let model: any AdditiveTermModel
  /// The margin's decomposition.
  package let decomposition: PMMLLinearDecomposition
  /// The weighted background mean `μ_k` of each term, in ``decomposition`` order.
  public let termMeans: [Double]
  /// The base value φ₀: the weighted mean margin of the background.
  public let baseValue: Double

  /// The field each term is attributed to, -1 for constant terms.
  private let termField: [Int]
  /// The background in probability space, for models with a probability output.
  private let probability: AdditiveProbabilityKernel?

  /// The model's input field names, the columns of the attributions.
  public var featureNames: [String] { model.features.map(\.name) }

  /// The output spaces this explainer attributes: margin, and probability for binary
  /// classifiers.
  public var supportedOutputs: Set<OutputSpace> {
    probability == nil ? [.margin] : [.margin, .probability]
  }

  /// The base value φ₀ in `output` space: the weighted mean background margin, or the
  /// weighted mean background probability.
  ///
  /// - Parameter output: Margin, or probability when ``supportedOutputs`` contains it.
  /// - Returns: φ₀; NaN for probability when the model has no probability output.
  /// - Complexity: O(1).
  public func baseValue(for output: OutputSpace) -> Double {
    output == .margin ? baseValue : probability?.baseValue ?? .nan
  }

  /// Prepares an explainer with the term means of weighted background rows.
  ///
  /// - Parameters:
  ///   - model: A PMML model with a ``PMMLModel/linearDecomposition`` whose terms each read
  ///     at most one field.
  ///   - background: The reference rows and their weights.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/unsupportedModel`` when
  ///   the model has no decomposition or a term reads several fields, and of kind
  ///   ``AttributionError/Kind/invalidBackground`` when the background does not fit the
  ///   model or the model refuses one of its rows.
  /// - Complexity: O(*R*·*k*) term evaluations for *R* background rows and *k* terms; the
  ///   explainer keeps the *R*·*k* values for probability space.
  public init(model: PMMLModel, background: BackgroundData) throws {
    try self.init(terms: model, background: background)
  }

  /// Prepares an explainer for any model whose margin is a sum of terms.
  ///
  /// - Throws: As ``init(model:background:)``.
  package init(terms model: any AdditiveTermModel, background: BackgroundData) throws {
    let decomposition = try AdditiveTermSHAP.decomposition(of: model)
    try background.validate(featureCount: model.featureCount)
    let matrix = background.matrix
    let count = decomposition.terms.count
    let values = try model.linearTermValues(matrix.batch(rows: 0..<matrix.rowCount))
    var means = [Double](repeating: 0, count: count)
    for row in 0..<matrix.rowCount {
      let weight = background.weights[row]
      for k in 0..<count {
        let value = values[row * count + k]
        guard !value.isNaN else {
          throw AttributionError(
            .invalidBackground, subject: "background row \(row + 1)",
            message: AdditiveTermSHAP.refusal(model, matrix, row: row))
        }
        means[k] += weight * value
      }
    }
    var base = decomposition.intercept
    for mean in means { base += mean }
    let termField = decomposition.terms.map { $0.featureIndices.first ?? -1 }
    self.model = model
    self.decomposition = decomposition
    self.termMeans = means
    self.baseValue = base
    self.termField = termField
    probability =
      ProbabilityRescaling.hasProbability(model)
      ? AdditiveProbabilityKernel(
        intercept: decomposition.intercept, termValues: values, termCount: count,
        attributed: termField.indices.filter { termField[$0] >= 0 },
        weights: background.weights, transform: model.outputTransform)
      : nil
  }

  /// Prepares an explainer with the term means of background rows, uniformly weighted
  /// unless `weights` are given.
  ///
  /// - Parameters:
  ///   - model: A PMML model whose decomposed terms each read at most one field.
  ///   - background: The reference rows, bound to the model's features.
  ///   - weights: One non-negative weight per background row, or `nil` for uniform weights.
  /// - Throws: ``AttributionError`` as ``init(model:background:)`` does, and when the
  ///   weights are invalid.
  /// - Complexity: O(*R*·*k*) term evaluations for *R* background rows and *k* terms.
  public init(model: PMMLModel, background: FeatureMatrix, weights: [Double]? = nil) throws {
    try self.init(model: model, background: try BackgroundData(background, weights: weights))
  }

  /// Why `model` cannot be explained this way, or `nil` when it can.
  ///
  /// - Parameter model: The PMML model.
  /// - Returns: A lower-case reason with no final period, or `nil`.
  /// - Complexity: O(*k*) for *k* terms.
  public static func unsupportedReason(for model: PMMLModel) -> String? {
    unsupportedReason(forTerms: model)
  }

  /// Why `model` cannot be explained this way, or `nil` when it can.
  package static func unsupportedReason(forTerms model: any AdditiveTermModel) -> String? {
    do {
      _ = try decomposition(of: model)
      return nil
    } catch let error as AttributionError {
      return (error.subject.map { $0 + ": " } ?? "") + error.message
    } catch {
      return "\(error)"
    }
  }

  /// The decomposition of `model`, checked to have only one-field terms.
  private static func decomposition(of model: any AdditiveTermModel) throws
    -> PMMLLinearDecomposition
  {
    guard let decomposition = model.linearDecomposition else {
      throw AttributionError(
        .unsupportedModel,
        message: "the margin of \(model.summary) is not a sum of terms; "
          + "use kernel SHAP or permutation")
    }
    for term in decomposition.terms where term.featureIndices.count > 1 {
      let fields = term.featureIndices.map { "'\(model.features[$0].name)'" }
      throw AttributionError(
        .unsupportedModel, subject: "term '\(term.name)'",
        message: "the term reads the fields \(fields.joined(separator: ", ")) together, so "
          + "its effect has no per-field split; use kernel SHAP (exact mode) instead")
    }
    return decomposition
  }

  /// Computes one attribution per input field.
  ///
  /// Rows are cut into fixed chunks and each row's sums run in a fixed order, so the result
  /// does not depend on the thread count.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The output space (margin, or probability for binary classifiers) and
  ///     threads.
  /// - Returns: Attributions with the model's own outputs as predictions.
  /// - Throws: ``AttributionError`` when the feature count differs or the output space is
  ///   not supported, and of kind ``AttributionError/Kind/unsupportedModel`` with subject
  ///   `row N` (1-based) when the model refuses a row.
  /// - Complexity: O(*n*·*k*) term evaluations for *n* rows and *k* terms, plus
  ///   O(*n*·*R*·*k*) in probability space for *R* background rows.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let output = options.output
    return try explainInChunks(
      matrix, chunkSize: output == .margin ? 256 : 64, threads: options.workerCount,
      output: output, progress: options.progress
    ) {
      try explainChunk(matrix, rows: $0, output: output)
    }
  }

  /// The attributions and outputs of `rows`.
  private func explainChunk(_ matrix: FeatureMatrix, rows: Range<Int>, output: OutputSpace)
    throws -> AttributionChunk
  {
    let width = model.featureCount
    let count = termMeans.count
    let batch = matrix.batch(rows: rows)
    let terms = try model.linearTermValues(batch)
    var margins: [Double] = []
    try model.scoreMargins(batch, into: &margins)
    for local in 0..<rows.count {
      let termSlice = terms[(local * count)..<((local + 1) * count)]
      guard !margins[local].isNaN, !termSlice.contains(where: \.isNaN) else {
        let row = rows.lowerBound + local
        throw AttributionError(
          .unsupportedModel, subject: "row \(row + 1)",
          message: AdditiveTermSHAP.refusal(model, matrix, row: row))
      }
    }
    var values = [Double](repeating: 0, count: rows.count * width)
    if output == .probability, let kernel = probability {
      var workspace = kernel.makeWorkspace()
      for local in 0..<rows.count {
        kernel.attribute(terms[(local * count)..<((local + 1) * count)], workspace: &workspace)
        for (position, term) in kernel.attributed.enumerated() {
          values[local * width + termField[term]] += workspace.sums[position]
        }
      }
      for index in margins.indices {
        margins[index] = kernel.rescaling.probability(margins[index])
      }
    } else {
      for local in 0..<rows.count {
        for k in 0..<count {
          let value = terms[local * count + k]
          let field = termField[k]
          if field >= 0 { values[local * width + field] += value - termMeans[k] }
        }
      }
    }
    return AttributionChunk(
      values: values, baseValues: Array(repeating: baseValue(for: output), count: rows.count),
      predictions: margins)
  }

  /// Why the model refuses row `row` of `matrix`.
  private static func refusal(_ model: any AdditiveTermModel, _ matrix: FeatureMatrix, row: Int)
    -> String
  {
    let reason = model.refusalReason(matrix, row: row)
    return "the model refuses this row: " + (reason ?? "a term has no value")
  }
}
