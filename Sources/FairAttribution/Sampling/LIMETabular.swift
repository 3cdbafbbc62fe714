public import FairModels
import _FairSupport

/// Local surrogate explanations as the `lime` package's `LimeTabularExplainer` computes them
/// with its defaults (`discretize_continuous=True`, `discretizer="quartile"`,
/// `sample_around_instance=False`, `feature_selection="auto"`), after Ribeiro, Singh &
/// Guestrin (2016); stated in <doc:LIMEAlgorithm>.
///
/// **Training data** is the background matrix: it fixes the quartile bins of numeric
/// features and the frequencies every column is sampled from (``LIMEDiscretizer``).
///
/// **Sampling** (per explained row `x`, ``sampleCount`` rows, the first being `x`): every
/// column draws a bin (numeric) or a category (categorical) from its training frequencies.
/// The interpretable representation is binary, 1 where the draw equals `x`'s bin or
/// category. The model sees the "inverse" rows: a drawn numeric bin becomes a value from a
/// normal distribution with the bin's training mean and standard deviation truncated to the
/// bin's bounds; a drawn category is itself; the missing bin is NaN. When a bin's bounds
/// coincide, its value is that bound (lime returns the standardised bound, about 0, there,
/// which is a bug). Row 0 is `x` itself.
///
/// **Weights.** The distance of a sample from `x` is the euclidean distance of the binary
/// representations, `√(number of columns that differ)` (lime's scaler has mean 0 and scale 1
/// for discretised columns), and the weight is lime's kernel
/// `√exp(−d² / width²) = exp(−d² / (2·width²))` with `width = 0.75·√m` for `m` columns
/// (``kernelWidth`` overrides it).
///
/// **Surrogate.** The target is the model's margin or probability. Feature selection
/// `"auto"` keeps ``selectedFeatureCount`` (`K`, lime's `num_features`, 10 by default)
/// columns: forward selection by weighted R² of unpenalised fits when `K ≤ 6`, otherwise the
/// `K` largest `|coefficient|` of a `Ridge(alpha=0.01)` fit on all columns (ties keep column
/// order). The final surrogate is `Ridge(alpha=1)` with the sample weights on the selected
/// columns (``WeightedLeastSquares``).
///
/// **Output.** Values are the surrogate's coefficients (0 for columns not selected), the
/// base value its intercept, and the prediction its local prediction at `x`,
/// `intercept + Σ coefficients` (all indicators are 1 at `x`). So `base + Σ values =
/// prediction` holds exactly, but with respect to the *surrogate*: LIME is not additive with
/// respect to the model's output, and the prediction generally differs from `f(x)`.
/// ``explainWithScores(_:options:)`` also returns the surrogate's R² and `f(x)`.
///
/// **Randomness.** Each row draws from a generator seeded by (``ExplainOptions/seed``, row
/// index), so results do not depend on the thread count. The draws differ from lime's NumPy
/// streams, so only the distribution of results, not the digits, match lime.
public struct LIMETabular: Explainer {
  /// The explained model.
  public let model: any ScoringModel
  /// The number of samples per row, including the row itself.
  public let sampleCount: Int
  /// The number of columns kept by feature selection.
  public let selectedFeatureCount: Int
  /// The kernel width.
  public let kernelWidth: Double

  let discretizer: LIMEDiscretizer

  /// The model's feature names, the attribution columns.
  public var featureNames: [String] { model.features.map(\.name) }

  /// Margin and probability.
  public var supportedOutputs: Set<OutputSpace> { [.margin, .probability] }

  /// Prepares LIME for a model.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - training: The rows that fix bins and frequencies (lime's `training_data`).
  ///   - sampleCount: Samples per row, including the row; 5,000 as in lime.
  ///   - selectedFeatureCount: Columns kept (lime's `num_features`); 10 as in lime.
  ///   - kernelWidth: The kernel width; `nil` for `0.75·√m`.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidBackground`` when
  ///   the training rows do not have the model's features.
  /// - Complexity: O(*m*·*n* log *n*) to fit the bins of *m* features on *n* training rows.
  public init(
    model: any ScoringModel, training: BackgroundData, sampleCount: Int = 5000,
    selectedFeatureCount: Int = 10, kernelWidth: Double? = nil
  ) throws {
    precondition(sampleCount >= 2, "'sampleCount' \(sampleCount) must be at least 2")
    precondition(
      selectedFeatureCount >= 1, "'selectedFeatureCount' \(selectedFeatureCount) must be ≥ 1")
    try training.validate(featureCount: model.featureCount)
    self.model = model
    self.sampleCount = sampleCount
    self.selectedFeatureCount = selectedFeatureCount
    self.kernelWidth = kernelWidth ?? 0.75 * Double(model.featureCount).squareRoot()
    discretizer = LIMEDiscretizer(training: training.matrix, features: model.features)
  }

  /// Explains every row of `matrix` with a local surrogate.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: Output space, threads and seed.
  /// - Returns: Surrogate coefficients, intercepts and local predictions (see the type).
  /// - Throws: ``AttributionError`` when the matrix does not fit; the model's error when
  ///   scoring fails.
  /// - Complexity: O(*n*·*S*) model evaluations and O(*n*·*S*·*m*²) for the regressions,
  ///   for *n* rows, *S* samples and *m* features.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try explainWithScores(matrix, options: options).attributions
  }

  /// Explains every row and also returns the surrogates' fit and the model's own output.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: Output space, threads and seed.
  /// - Returns: The attributions, each surrogate's weighted R² and the model's output at
  ///   each row.
  /// - Throws: ``AttributionError`` when the matrix does not fit; the model's error when
  ///   scoring fails.
  /// - Complexity: As ``explain(_:options:)``.
  public func explainWithScores(_ matrix: FeatureMatrix, options: ExplainOptions) throws
    -> LIMETabularResult
  {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let response: OutputTransform =
      options.output == .probability ? model.outputTransform : .identity
    let rows = matrix.rowCount
    let width = model.featureCount
    let chunkSize = max(1, CoalitionScorer.blockRowLimit / sampleCount)
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let context = LIMETabularRows(
      model: model, discretizer: discretizer, response: response, sampleCount: sampleCount,
      selectedFeatureCount: min(selectedFeatureCount, width), kernelWidth: kernelWidth,
      seed: options.seed,
      rowKeys: options.rowKeys?.count == matrix.rowCount ? options.rowKeys : nil)
    let parts = try ParallelChunks.map(count: chunkCount, threads: options.workerCount) {
      chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      return try context.explain(matrix, rows: range)
    }
    var values: [Double] = []
    var intercepts: [Double] = []
    var predictions: [Double] = []
    var scores: [Double] = []
    var outputs: [Double] = []
    for part in parts {
      values.append(contentsOf: part.values)
      intercepts.append(contentsOf: part.intercepts)
      predictions.append(contentsOf: part.localPredictions)
      scores.append(contentsOf: part.scores)
      outputs.append(contentsOf: part.modelOutputs)
    }
    let attributions = Attributions(
      values: values, rowCount: rows, baseValues: intercepts, predictions: predictions,
      featureNames: featureNames, outputSpace: options.output)
    return LIMETabularResult(attributions: attributions, scores: scores, modelOutputs: outputs)
  }
}
