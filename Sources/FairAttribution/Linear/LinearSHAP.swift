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
/// instead. Values are in margin (log-odds) space; probability space has no closed form.
public struct LinearSHAP: Explainer {
  /// The explained model.
  public let model: any LinearMarginModel
  /// The background mean of each term's basis, in ``LinearMarginModel/linearTerms`` order.
  public let termMeans: [Double]
  /// The base value φ₀: the model's mean margin over the background.
  public let baseValue: Double

  private let terms: [LinearTerm]

  /// The model's feature names, the columns of the attributions.
  public var featureNames: [String] { model.features.map(\.name) }

  /// The output spaces this explainer attributes.
  public var supportedOutputs: Set<OutputSpace> { [.margin] }

  /// Prepares an explainer with the term means of `background`.
  ///
  /// - Parameters:
  ///   - model: The linear model.
  ///   - background: The reference rows, bound to the model's features.
  /// - Throws: ``AttributionError`` with kind ``AttributionError/Kind/invalidBackground``
  ///   when the background is empty, has a different number of features, or has a missing
  ///   value in a feature a numeric term reads (the margin is undefined there).
  /// - Complexity: O(*R*·*k*) for *R* background rows and *k* terms.
  public init(model: any LinearMarginModel, background: FeatureMatrix) throws {
    let terms = model.linearTerms
    _ = try BackgroundData(background, featureCount: model.featureCount)
    var means = [Double](repeating: 0, count: terms.count)
    for (index, term) in terms.enumerated() {
      try LinearSHAP.checkTerm(term, featureCount: model.featureCount)
      var sum = 0.0
      for row in 0..<background.rowCount {
        let value = term.basisValue(background[row, term.feature])
        guard !value.isNaN else {
          throw AttributionError(
            .invalidBackground, subject: "background row \(row + 1)",
            message: "feature '\(model.features[term.feature].name)' is missing, "
              + "and the linear term '\(term.name)' cannot read a missing value")
        }
        sum += value
      }
      means[index] = sum / Double(background.rowCount)
    }
    try self.init(model: model, termMeans: means)
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
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The thread count; the output space must be margin.
  /// - Returns: Margin-space attributions with the model's own margins as predictions.
  /// - Throws: ``AttributionError`` when the feature count differs or the output space is
  ///   probability; whatever the model throws while scoring.
  /// - Complexity: O(*n*·(*k* + *m*)) for *n* rows, *k* terms and *m* features.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let column = terms.map(\.feature)
    return try explain(matrix, columns: column, names: featureNames, options: options)
  }

  /// Computes one attribution per term: `w_t · (g_t(x) − μ_t)`.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: The thread count; the output space must be margin.
  /// - Returns: Attributions whose columns are the terms, named by ``LinearTerm/name``.
  /// - Throws: ``AttributionError`` when the feature count differs or the output space is
  ///   probability; whatever the model throws while scoring.
  /// - Complexity: O(*n*·*k*) for *n* rows and *k* terms.
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
    let rows = matrix.rowCount
    let width = names.count
    var values = [Double](repeating: 0, count: rows * width)
    for row in 0..<rows {
      for (index, term) in terms.enumerated() {
        let x = matrix[row, term.feature]
        values[row * width + columns[index]] +=
          term.coefficient * (term.basisValue(x) - termMeans[index])
      }
    }
    let predictions = try model.predict(matrix, output: .margin, threads: options.workerCount)
    return Attributions(
      values: values, rowCount: rows, baseValues: Array(repeating: baseValue, count: rows),
      predictions: predictions, featureNames: names, outputSpace: .margin)
  }
}
