public import FairModels

/// Exact SHAP values of a linear margin under feature independence (shap's `LinearExplainer`
/// with interventional perturbation).
///
/// For `margin(x) = b + Σ_t w_t · g_t(x_{j(t)})` and background means `μ_t = E_R[g_t(r)]`,
/// the interventional Shapley values of the margin are closed-form (Lundberg & Lee 2017,
/// NeurIPS, §4.2, Linear SHAP; see <doc:LinearAndAdditiveSHAP>):
///
/// ```
/// φ_j = Σ_{t : j(t) = j} w_t · (g_t(x_j) − μ_t)          φ₀ = b + Σ_t w_t · μ_t
/// ```
///
/// so the terms of a one-hot-expanded categorical field add up to one value per input field
/// (``explain(_:options:)``); ``explainTerms(_:options:)`` reports one column per term
/// instead.
///
/// **Probability space** (binary classifiers, explained against background rows) follows
/// shap's rescaling, which ``InterventionalTreeSHAP`` uses too and which is **not** the
/// Shapley value of the probability-valued game: each background row's margin values
/// `w_t · (g_t(x) − g_t(r))` are multiplied by `[σ(f(x)) − σ(f(r))] / [f(x) − f(r)]` (1 when
/// the margins are equal) and averaged. The values add up to `σ(f(x)) − mean_r σ(f(r))`,
/// and the base value is that mean probability. An explainer made from term means alone
/// (``init(model:termMeans:)``) has no background rows, so it attributes the margin only.
public struct LinearSHAP: Explainer {
  /// The explained model.
  public let model: any LinearMarginModel
  /// The background mean of each term's basis, in ``LinearMarginModel/linearTerms`` order.
  public let termMeans: [Double]
  /// The base value φ₀: the model's mean margin over the background.
  public let baseValue: Double

  private let terms: [LinearTerm]
  /// The background in probability space, for classifiers explained against background rows.
  private let probability: AdditiveProbabilityKernel?

  /// The model's feature names, the columns of the attributions.
  public var featureNames: [String] { model.features.map(\.name) }

  /// The output spaces this explainer attributes: margin, and probability for binary
  /// classifiers explained against background rows.
  public var supportedOutputs: Set<OutputSpace> {
    probability == nil ? [.margin] : [.margin, .probability]
  }

  /// The base value φ₀ in `output` space: the mean background margin, or the mean background
  /// probability.
  ///
  /// - Parameter output: Margin, or probability when ``supportedOutputs`` contains it.
  /// - Returns: φ₀; NaN for probability when the explainer has no probability output.
  /// - Complexity: O(1).
  public func baseValue(for output: OutputSpace) -> Double {
    output == .margin ? baseValue : probability?.baseValue ?? .nan
  }

  /// Prepares an explainer with the term means of `background`.
  ///
  /// - Parameters:
  ///   - model: The linear model.
  ///   - background: The reference rows, bound to the model's features.
  /// - Throws: ``AttributionError`` with kind ``AttributionError/Kind/invalidBackground``
  ///   when the background is empty, has a different number of features, or has a missing
  ///   value in a feature a numeric term reads (the margin is undefined there).
  /// - Complexity: O(*R*·*k*) for *R* background rows and *k* terms; for a classifier the
  ///   explainer keeps the *R*·*k* term values for probability space.
  public init(model: any LinearMarginModel, background: FeatureMatrix) throws {
    let terms = model.linearTerms
    let rows = background.rowCount
    _ = try BackgroundData(background, featureCount: model.featureCount)
    let keepsTerms = ProbabilityRescaling.hasProbability(model)
    var means = [Double](repeating: 0, count: terms.count)
    var contributions = [Double](repeating: 0, count: keepsTerms ? rows * terms.count : 0)
    for (index, term) in terms.enumerated() {
      try LinearSHAP.checkTerm(term, featureCount: model.featureCount)
      var sum = 0.0
      for row in 0..<rows {
        let value = term.basisValue(background[row, term.feature])
        guard !value.isNaN else {
          throw AttributionError(
            .invalidBackground, subject: "background row \(row + 1)",
            message: "feature '\(model.features[term.feature].name)' is missing, "
              + "and the linear term '\(term.name)' cannot read a missing value")
        }
        sum += value
        if keepsTerms { contributions[row * terms.count + index] = term.coefficient * value }
      }
      means[index] = sum / Double(rows)
    }
    try self.init(
      model: model, termMeans: means,
      probability: keepsTerms
        ? AdditiveProbabilityKernel(
          intercept: model.intercept, termValues: contributions, termCount: terms.count,
          attributed: Array(terms.indices),
          weights: Array(repeating: 1 / Double(rows), count: rows),
          transform: model.outputTransform)
        : nil)
  }

  /// Prepares an explainer with given term means.
  ///
  /// - Parameters:
  ///   - model: The linear model.
  ///   - termMeans: The background mean of each term's basis, in term order (for an
  ///     indicator term, the frequency of its level).
  /// - Throws: ``AttributionError`` with kind ``AttributionError/Kind/invalidBackground``
  ///   when there is not one mean per term, or a term reads a feature out of range.
  /// - Complexity: O(*k*) for *k* terms.
  public init(model: any LinearMarginModel, termMeans: [Double]) throws {
    try self.init(model: model, termMeans: termMeans, probability: nil)
  }

  /// Prepares an explainer with given term means and, for probability space, the
  /// background's term values.
  private init(
    model: any LinearMarginModel, termMeans: [Double], probability: AdditiveProbabilityKernel?
  ) throws {
    let terms = model.linearTerms
    guard termMeans.count == terms.count else {
      throw AttributionError(
        .invalidBackground, subject: "term means",
        message: "expected \(terms.count) means, one per term, found \(termMeans.count)")
    }
    var base = model.intercept
    for (term, mean) in zip(terms, termMeans) {
      try LinearSHAP.checkTerm(term, featureCount: model.featureCount)
      base += term.coefficient * mean
    }
    self.model = model
    self.terms = terms
    self.termMeans = termMeans
    self.baseValue = base
    self.probability = probability
  }

  private static func checkTerm(_ term: LinearTerm, featureCount: Int) throws {
    guard term.feature >= 0 && term.feature < featureCount else {
      throw AttributionError(
        .unsupportedModel, subject: "linear term '\(term.name)'",
        message: "feature index \(term.feature) is out of range 0..<\(featureCount)")
    }
  }

  /// Computes one attribution per input feature: the sum over the feature's terms.
  ///
  /// Rows are cut into fixed chunks and each row's sums run in a fixed order, so the result
  /// does not depend on the thread count.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The output space (see ``supportedOutputs``) and threads.
  /// - Returns: Attributions with the model's own outputs as predictions.
  /// - Throws: ``AttributionError`` when the feature count differs or the output space is
  ///   not supported; whatever the model throws while scoring.
  /// - Complexity: O(*n*·(*k* + *m*)) for *n* rows, *k* terms and *m* features, plus
  ///   O(*n*·*R*·*k*) in probability space for *R* background rows.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let column = terms.map(\.feature)
    return try explain(matrix, columns: column, names: featureNames, options: options)
  }

  /// Computes one attribution per term: `w_t · (g_t(x) − μ_t)` in margin space.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The output space (see ``supportedOutputs``) and threads.
  /// - Returns: Attributions whose columns are the terms, named by ``LinearTerm/name``.
  /// - Throws: ``AttributionError`` when the feature count differs or the output space is
  ///   not supported; whatever the model throws while scoring.
  /// - Complexity: O(*n*·*k*) for *n* rows and *k* terms, plus O(*n*·*R*·*k*) in
  ///   probability space for *R* background rows.
  public func explainTerms(
    _ matrix: FeatureMatrix, options: ExplainOptions
  ) throws -> Attributions {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    return try explain(
      matrix, columns: Array(terms.indices), names: terms.map(\.name), options: options)
  }

  /// Sums each term's attribution into `columns[term]` of a `names.count`-wide result.
  private func explain(
    _ matrix: FeatureMatrix, columns: [Int], names: [String], options: ExplainOptions
  ) throws -> Attributions {
    let output = options.output
    return try explainInChunks(
      matrix, chunkSize: output == .margin ? 256 : 64, threads: options.workerCount,
      output: output, columnNames: names, progress: options.progress
    ) { rows in
      try explainChunk(matrix, rows: rows, columns: columns, width: names.count, output: output)
    }
  }

  /// The attributions and outputs of `rows`, `width` columns per row.
  private func explainChunk(
    _ matrix: FeatureMatrix, rows: Range<Int>, columns: [Int], width: Int, output: OutputSpace
  ) throws -> AttributionChunk {
    let batch = matrix.batch(rows: rows)
    var margins: [Double] = []
    try model.scoreMargins(batch, into: &margins)
    var values = [Double](repeating: 0, count: rows.count * width)
    if output == .probability, let kernel = probability {
      var workspace = kernel.makeWorkspace()
      var contributions = [Double](repeating: 0, count: terms.count)
      for local in 0..<rows.count {
        for (index, term) in terms.enumerated() {
          contributions[index] =
            term.coefficient * term.basisValue(matrix[rows.lowerBound + local, term.feature])
        }
        kernel.attribute(contributions[...], workspace: &workspace)
        for index in terms.indices {
          values[local * width + columns[index]] += workspace.sums[index]
        }
      }
      for index in margins.indices {
        margins[index] = kernel.rescaling.probability(margins[index])
      }
    } else {
      for local in 0..<rows.count {
        for (index, term) in terms.enumerated() {
          let x = matrix[rows.lowerBound + local, term.feature]
          values[local * width + columns[index]] +=
            term.coefficient * (term.basisValue(x) - termMeans[index])
        }
      }
    }
    return AttributionChunk(
      values: values, baseValues: Array(repeating: baseValue(for: output), count: rows.count),
      predictions: margins)
  }
}
