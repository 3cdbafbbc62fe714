public import FairModels
import RealModule
import _FairSupport

/// Model-agnostic SHAP values by weighted linear regression over coalitions, with the
/// semantics of shap's `KernelExplainer` (Lundberg & Lee 2017, *A Unified Approach to
/// Interpreting Model Predictions*, NeurIPS, §4.1; stated in <doc:KernelSHAPAlgorithm>).
///
/// **Game.** For a row `x` and a coalition `S` of players (features, or feature groups
/// switched on and off as a whole), the value is the interventional expectation over the
/// background (``BackgroundData``):
///
/// ```
/// v(S) = link( Σ_r w_r · f(x_S, r_S̄) ),    φ₀ = link( Σ_r w_r · f(r) )
/// ```
///
/// The link is applied **after** averaging, as in shap. With ``Link/identity`` `f` is the
/// margin (output ``OutputSpace/margin``) or the probability (``OutputSpace/probability``).
/// With ``Link/logit`` `f` is the model's probability and the explanation is in the
/// log-odds of the *averaged* probability: `φ₀ = logit(mean_r p(r))`, which is not the mean
/// margin; the result is labelled ``OutputSpace/margin``. Probabilities are clamped to
/// `[1e-15, 1 − 1e-15]` before the logit.
///
/// **Preparation** (<doc:KernelSHAPAlgorithm#Preparation>). Players whose members equal every
/// background row's (exactly; NaN equals NaN) get φ = 0 and leave the game; shap compares with
/// `np.isclose` instead. With `M` players left: none gives all zeros, one gets all of
/// `Δ = v(all) − φ₀`, otherwise coalitions are chosen by ``CoalitionSample`` (shap's scheme)
/// with a budget of ``sampleCount`` coalitions, or shap's `"auto"` `2·M + 2048`, capped at
/// `2^M − 2`.
///
/// **Exact mode.** When the budget reaches `2^M − 2`, every coalition is enumerated and the
/// regression returns the exact Shapley values of `v` (to rounding; about 1e-12 here); the
/// standard errors are 0. Otherwise coalitions are sampled with a generator seeded by
/// ``SplitMix64/derivedSeed(_:_:)`` of (``ExplainOptions/seed``, row index), so every row's
/// result is the same for any thread count and chunking.
///
/// **Regression** (<doc:KernelSHAPAlgorithm#The-constrained-regression>):
/// ``KernelSHAPRegression``, which also gives each attribution a delta-method standard error
/// for the sampling of coalitions.
///
/// **Differences from shap.** No `l1_reg` feature selection: shap ≤ 0.46 ran an AIC
/// LassoLarsIC when fewer than 20 % of the coalitions were sampled ("auto"), and shap ≥ 0.47
/// defaults to `"num_features(10)"`, which leaves at most 10 non-zero attributions; here
/// every player keeps its regression value. Tiny values are not zeroed (shap sets
/// `|φ| < 1e-10` to 0). The random streams differ from NumPy's.
///
/// **Cost.** Each row needs at most `S × B` model evaluations for `S` coalitions and `B`
/// background rows. Rows are explained in fixed chunks in parallel; the hybrid rows of a
/// chunk are written into one buffer and scored in blocks of up to 65,536 rows, one
/// ``ScoringModel/scoreMargins(_:into:)`` call each. Hybrids that coincide (a coalition
/// whose players differ from a background row only where `x` equals it) are scored once,
/// which on tabular data with repeated values typically saves a factor of 2–10; models
/// whose margin is a sum of per-feature terms (``LinearMarginModel``, PMML regressions and
/// scorecards) have their hybrid margins assembled from term values without scoring any
/// hybrid. Neither shortcut changes a value beyond rounding.
public struct KernelSHAP: Explainer {
  /// How expectations map to the explained scale.
  public enum Link: String, Sendable, Hashable, CaseIterable, Codable {
    /// Explain the expectation itself.
    case identity
    /// Explain the log-odds of the expected probability.
    case logit
  }

  /// The explained model.
  public let model: any ScoringModel
  /// The background that defines absent players.
  public let background: BackgroundData
  /// The link.
  public let link: Link
  /// The budget of coalitions per row; `nil` for shap's `2·M + 2048`.
  public let sampleCount: Int?
  /// The feature groups that act as one player each.
  public let groups: [FeatureGroup]

  let players: CoalitionPlayers

  /// The hybrid rows per chunk of explained rows.
  ///
  /// A chunk holds enough explained rows for about 131,072 hybrid rows, and at least one;
  /// the chunking depends only on the data's shape, never on the thread count.
  static let chunkRowTarget = 1 << 17

  /// The attribution columns: feature groups and ungrouped features, in column order.
  public var featureNames: [String] { players.names }

  /// Margin and probability with the identity link; margin (log-odds) with the logit link.
  public var supportedOutputs: Set<OutputSpace> {
    link == .identity ? [.margin, .probability] : [.margin]
  }

  /// Prepares KernelSHAP for a model.
  ///
  /// - Parameters:
  ///   - model: The model; any ``ScoringModel``.
  ///   - background: The background rows and weights.
  ///   - link: ``Link/identity`` (default) or ``Link/logit``.
  ///   - sampleCount: The coalition budget per row; `nil` for `2·M + 2048`.
  ///   - groups: Disjoint feature groups, each one player; other features play alone.
  /// - Throws: ``AttributionError``: ``AttributionError/Kind/invalidBackground`` when the
  ///   background does not have the model's features, ``AttributionError/Kind/invalidGroup``
  ///   for bad groups, ``AttributionError/Kind/unsupportedModel`` for the logit link on a
  ///   model whose output is not a probability.
  public init(
    model: any ScoringModel, background: BackgroundData, link: Link = .identity,
    sampleCount: Int? = nil, groups: [FeatureGroup] = []
  ) throws {
    precondition(sampleCount.map { $0 >= 1 } ?? true, "'sampleCount' must be at least 1")
    try background.validate(featureCount: model.featureCount)
    if link == .logit && model.outputTransform != .logistic {
      throw AttributionError(
        .unsupportedModel,
        message: "the logit link needs a model whose output is a probability (a logistic "
          + "output transform)")
    }
    self.model = model
    self.background = background
    self.link = link
    self.sampleCount = sampleCount
    self.groups = groups
    players = try CoalitionPlayers(featureNames: model.features.map(\.name), groups: groups)
  }

  /// Explains every row of `matrix`.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: Output space, threads and seed.
  /// - Returns: One attribution per row and player, with base values `link(E f)`,
  ///   predictions `link(f(x))` and standard errors (0 for rows solved exactly).
  /// - Throws: ``AttributionError`` when the matrix does not fit or the output space is not
  ///   supported; the model's error when scoring fails.
  /// - Complexity: O(*n*·*S*·*B*) model evaluations and O(*n*·(*S*·*M*² + *M*³)) for the
  ///   regressions, for *n* rows, *S* coalitions, *B* background rows, *M* players.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let response: OutputTransform =
      (options.output == .probability || link == .logit) ? model.outputTransform : .identity
    let threads = options.workerCount
    let rows = matrix.rowCount
    let explained = try model.predict(matrix, output: .margin, threads: threads).map {
      response.apply($0)
    }
    let referenceScores = try model.predict(background.matrix, output: .margin, threads: threads)
    var expectation = 0.0
    for (row, margin) in referenceScores.enumerated() {
      expectation += background.weights[row] * response.apply(margin)
    }
    let largestBudget = min(
      sampleCount ?? CoalitionSample.defaultSampleCount(playerCount: players.count),
      CoalitionSample.maximumSampleCount(playerCount: max(2, players.count)))
    let perRow = max(1, largestBudget) * background.rowCount
    let chunkSize = max(1, KernelSHAP.chunkRowTarget / perRow)
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let scorer = try CoalitionScorer(
      model: model, background: background, response: response,
      playerOfFeature: players.playerOfFeature)
    let context = KernelSHAPRows(
      players: players, scorer: scorer,
      link: link, sampleCount: sampleCount, expectation: expectation, seed: options.seed,
      rowKeys: options.rowKeys?.count == matrix.rowCount ? options.rowKeys : nil)
    let task = options.progress?.start("attributions", total: rows)
    let parts = try ParallelChunks.map(count: chunkCount, threads: threads) { chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      defer { task?.advance(by: range.count) }
      return try context.explain(matrix, rows: range, predictions: explained)
    }
    task?.finish()
    var values: [Double] = []
    var errors: [Double] = []
    values.reserveCapacity(rows * players.count)
    errors.reserveCapacity(rows * players.count)
    for part in parts {
      values.append(contentsOf: part.values)
      errors.append(contentsOf: part.standardErrors)
    }
    let base = KernelSHAP.apply(link, expectation)
    var result = Attributions(
      values: values, rowCount: rows, baseValues: Array(repeating: base, count: rows),
      predictions: explained.map { KernelSHAP.apply(link, $0) }, featureNames: players.names,
      outputSpace: link == .logit ? .margin : options.output)
    result.standardErrors = errors
    return result
  }

  /// The link function; probabilities are clamped to `[1e-15, 1 − 1e-15]` for the logit.
  static func apply(_ link: Link, _ value: Double) -> Double {
    switch link {
    case .identity:
      return value
    case .logit:
      let p = min(max(value, 1e-15), 1 - 1e-15)
      return Double.log(p / (1 - p))
    }
  }
}
