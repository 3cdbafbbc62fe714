public import FairModels
import _FairSupport

/// Integrated gradients (Sundararajan, Taly & Yan 2017, *Axiomatic Attribution for Deep
/// Networks*, §3) for models with analytic gradients (``DifferentiableModel``; see
/// <doc:IntegratedGradientsAlgorithm>).
///
/// For a baseline `x′` the attribution of feature `j` is
///
/// ```
/// IG_j(x) = (x_j − x′_j) · ∫₀¹ ∂F(x′ + α(x − x′))/∂x_j dα
/// ```
///
/// approximated by a quadrature rule (``Method``) with ``steps`` points, captum's defaults
/// being Gauss–Legendre with 50 points. `F` is the margin, or for
/// ``OutputSpace/probability`` the model's response, differentiated by the chain rule
/// (`∂p/∂x = p(1 − p)·∂margin/∂x` for the logistic transform).
///
/// **Held features.** Categorical features, and features missing in `x` or in the baseline,
/// are held at `x`'s value along the whole path and get attribution 0: a category code has
/// no meaningful straight path. The effective baseline is `x′` with those features replaced
/// by `x`'s values, and the base value is `F` there.
///
/// **Baselines** (``Baseline``): zeros (captum's default), the weighted background mean, or
/// every background row in turn, averaging the attributions with the background weights
/// (so the base value is the weighted mean of `F` over the effective baselines).
///
/// **Completeness.** Exact integration gives `Σ_j IG_j = F(x) − F(x′)`. The quadrature error
/// is reported per row by ``integrate(_:options:)`` as captum's convergence delta
/// `δ = Σ_j IG_j − (F(x) − base)`; `base + Σ IG = F(x) + δ`. For a margin linear in `x`
/// (logistic regression) every rule is exact: `IG_j = w_j (x_j − x′_j)`.
public struct IntegratedGradients: Explainer {
  /// The point the path starts from.
  public enum Baseline: Sendable {
    /// All zeros (captum's default).
    case zeros
    /// One row of values, in feature order.
    case values([Double])
    /// The weighted mean of the background rows (missing values skipped).
    case backgroundMean(BackgroundData)
    /// Every background row, the attributions averaged with the background weights.
    case background(BackgroundData)
  }

  /// The quadrature rule over `α ∈ [0, 1]` (captum's names).
  public enum Method: String, Sendable, Hashable, CaseIterable, Codable {
    /// Gauss–Legendre nodes and weights (captum's default).
    case gaussLegendre
    /// `α_k = (k − 1)/n`, weight `1/n`.
    case riemannLeft
    /// `α_k = k/n`, weight `1/n`.
    case riemannRight
    /// `α_k = (k − ½)/n`, weight `1/n`.
    case riemannMiddle
    /// `α_k = (k − 1)/(n − 1)`, weight `1/(n − 1)` halved at both ends. captum uses `1/n`,
    /// whose weights sum to `(n − 1)/n`; this rule corrects that.
    case riemannTrapezoid
  }

  /// The explained model.
  public let model: any DifferentiableModel
  /// The baseline.
  public let baseline: Baseline
  /// The quadrature rule.
  public let method: Method
  /// The number of quadrature points.
  public let steps: Int

  let nodes: [Double]
  let nodeWeights: [Double]
  /// The baseline rows and their weights.
  let baselineRows: FeatureMatrix
  let baselineWeights: [Double]

  /// The model's feature names, the attribution columns.
  public var featureNames: [String] { model.features.map(\.name) }

  /// Margin and probability.
  public var supportedOutputs: Set<OutputSpace> { [.margin, .probability] }

  /// Prepares integrated gradients.
  ///
  /// - Parameters:
  ///   - model: A model with analytic margin gradients.
  ///   - baseline: The baseline; zeros by default.
  ///   - method: The quadrature rule; Gauss–Legendre by default.
  ///   - steps: The number of points, at least 1 (2 for the trapezoid rule); 50 by default.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidBackground`` when
  ///   the baseline does not have the model's features.
  /// - Complexity: O(*B*·*m*) for *B* background rows of *m* features, plus O(*K*²) for a
  ///   *K*-point Gauss–Legendre rule.
  public init(
    model: any DifferentiableModel, baseline: Baseline = .zeros,
    method: Method = .gaussLegendre, steps: Int = 50
  ) throws {
    precondition(
      steps >= (method == .riemannTrapezoid ? 2 : 1), "'steps' \(steps) is too small")
    let width = model.featureCount
    self.model = model
    self.baseline = baseline
    self.method = method
    self.steps = steps
    switch baseline {
    case .zeros:
      baselineRows = FeatureMatrix(
        values: Array(repeating: 0, count: width), rowCount: 1, featureCount: width)
      baselineWeights = [1]
    case .values(let values):
      guard values.count == width else {
        throw AttributionError(
          .invalidBackground,
          message: "the baseline has \(values.count) values; the model reads \(width)")
      }
      baselineRows = FeatureMatrix(values: values, rowCount: 1, featureCount: width)
      baselineWeights = [1]
    case .backgroundMean(let background):
      try background.validate(featureCount: width)
      baselineRows = FeatureMatrix(
        values: IntegratedGradients.weightedMean(background), rowCount: 1, featureCount: width)
      baselineWeights = [1]
    case .background(let background):
      try background.validate(featureCount: width)
      baselineRows = background.matrix
      baselineWeights = background.weights
    }
    (nodes, nodeWeights) = IntegratedGradients.rule(method, steps: steps)
  }

  /// Explains every row of `matrix`; see ``integrate(_:options:)`` for the completeness gap.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: Output space and threads; the seed is not used.
  /// - Returns: Attributions with the base value `F` at the effective baseline and the
  ///   prediction `F(x)`.
  /// - Throws: ``AttributionError`` when the matrix does not fit; the model's error when
  ///   it cannot be evaluated.
  /// - Complexity: O(*n*·*B*·*K*) gradient evaluations for *n* rows, *B* baseline rows and
  ///   *K* steps.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try integrate(matrix, options: options).attributions
  }

  /// Explains every row of `matrix` and reports each row's completeness gap.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: Output space and threads; the seed is not used.
  /// - Returns: The attributions and `δ = Σ IG − (F(x) − base)` per row.
  /// - Throws: ``AttributionError`` when the matrix does not fit; the model's error when
  ///   it cannot be evaluated.
  /// - Complexity: As ``explain(_:options:)``.
  public func integrate(_ matrix: FeatureMatrix, options: ExplainOptions) throws
    -> IntegratedGradientsResult
  {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let rows = matrix.rowCount
    let pointsPerRow = baselineRows.rowCount * (steps + 1)
    let chunkSize = max(1, CoalitionScorer.blockRowLimit / pointsPerRow)
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let transform: OutputTransform =
      options.output == .probability ? model.outputTransform : .identity
    let context = IntegratedGradientsRows(
      model: model, transform: transform, nodes: nodes, nodeWeights: nodeWeights,
      baselineRows: baselineRows, baselineWeights: baselineWeights)
    let parts = try ParallelChunks.map(count: chunkCount, threads: options.workerCount) {
      chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      return try context.explain(matrix, rows: range)
    }
    var values: [Double] = []
    var bases: [Double] = []
    var predictions: [Double] = []
    var gaps: [Double] = []
    for part in parts {
      values.append(contentsOf: part.values)
      bases.append(contentsOf: part.baseValues)
      predictions.append(contentsOf: part.predictions)
      gaps.append(contentsOf: part.gaps)
    }
    let attributions = Attributions(
      values: values, rowCount: rows, baseValues: bases, predictions: predictions,
      featureNames: featureNames, outputSpace: options.output)
    return IntegratedGradientsResult(attributions: attributions, completenessGap: gaps)
  }

  /// The nodes and weights of `method` with `steps` points on [0, 1].
  static func rule(_ method: Method, steps n: Int) -> (nodes: [Double], weights: [Double]) {
    let count = Double(n)
    switch method {
    case .gaussLegendre:
      return GaussLegendre.rule(pointCount: n)
    case .riemannLeft:
      return ((0..<n).map { Double($0) / count }, Array(repeating: 1 / count, count: n))
    case .riemannRight:
      return ((1...n).map { Double($0) / count }, Array(repeating: 1 / count, count: n))
    case .riemannMiddle:
      return ((0..<n).map { (Double($0) + 0.5) / count }, Array(repeating: 1 / count, count: n))
    case .riemannTrapezoid:
      let spacing = 1 / (count - 1)
      var weights = Array(repeating: spacing, count: n)
      weights[0] /= 2
      weights[n - 1] /= 2
      return ((0..<n).map { Double($0) * spacing }, weights)
    }
  }

  /// The weighted mean of each background column, skipping missing values.
  private static func weightedMean(_ background: BackgroundData) -> [Double] {
    let matrix = background.matrix
    var means: [Double] = []
    for column in 0..<matrix.featureCount {
      var sum = 0.0
      var weight = 0.0
      for row in 0..<matrix.rowCount where !matrix[row, column].isNaN {
        sum += background.weights[row] * matrix[row, column]
        weight += background.weights[row]
      }
      means.append(weight > 0 ? sum / weight : .nan)
    }
    return means
  }
}
