public import FairModels
import _FairSupport

/// Model-agnostic Shapley values by sampling antithetic permutations.
///
/// The estimator is permutation sampling (Castro, Gómez & Tejada 2009) with antithetic
/// pairs (Mitchell et al. 2022), over the interventional value function of a background.
///
/// **Game.** As ``KernelSHAP`` with the identity link: `v(S) = Σ_r w_r · f(x_S, r_S̄)` over
/// players (features, or groups switched as a whole); `f` is the margin or the probability.
/// Players equal to every background row get 0 and leave the game.
///
/// **Estimator.** Each sample is a random permutation `π` of the `M` players together with
/// its reverse. Walking a permutation adds players one at a time, and each player is
/// credited with the change in `v` when it joins; the two walks are averaged. One sample
/// costs `2·(M − 1)` coalitions (the empty and full coalitions are known), each over all
/// background rows. Every sample adds up to `v(all) − v(∅)` exactly, so the attributions have
/// local accuracy whatever the number of samples. The estimate is the mean over samples and
/// its standard error `sd / √K` over the `K` antithetic pairs.
///
/// **Stopping.** Samples are drawn in rounds of ``pairsPerRound`` pairs, all coalitions of
/// a round valued in one pass. After each round, a row stops once it has used at least
/// ``minimumPermutations`` permutations and every attribution's standard error is at most
/// ``tolerance``, or once it has used ``maximumPermutations`` permutations (a pair counts
/// as two). The minimum keeps the standard errors honest: estimated from a handful of pairs
/// they are noisy, and stopping at the first small estimate would favour underestimates. Each row has its own generator seeded from
/// (``ExplainOptions/seed``, row index), and its stopping depends only on its own samples,
/// so results are identical for any thread count.
///
/// Hybrid rows are built and scored as for ``KernelSHAP``: in large blocks, coinciding
/// hybrids once, and without scoring for models with per-feature additive margins.
public struct PermutationShapley: Explainer {
  /// The explained model.
  public let model: any ScoringModel
  /// The background that defines absent players.
  public let background: BackgroundData
  /// The largest standard error accepted, in the output's units.
  public let tolerance: Double
  /// The fewest permutations per row before the tolerance may stop sampling.
  public let minimumPermutations: Int
  /// The most permutations per row, counting each permutation and its reverse.
  public let maximumPermutations: Int
  /// The antithetic pairs drawn per round (also the minimum).
  public let pairsPerRound: Int
  /// The feature groups that act as one player each.
  public let groups: [FeatureGroup]

  let players: CoalitionPlayers

  /// The attribution columns: feature groups and ungrouped features, in column order.
  public var featureNames: [String] { players.names }

  /// Margin and probability.
  public var supportedOutputs: Set<OutputSpace> { [.margin, .probability] }

  /// Prepares permutation sampling for a model.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - background: The background rows and weights.
  ///   - tolerance: The largest accepted standard error; 0.005 by default.
  ///   - minimumPermutations: The fewest permutations per row; 64 by default.
  ///   - maximumPermutations: The most permutations per row; 1,024 by default.
  ///   - pairsPerRound: Antithetic pairs per round, at least 2; 8 by default.
  ///   - groups: Disjoint feature groups, each one player.
  /// - Throws: ``AttributionError`` when the background does not fit the model or a group is
  ///   invalid.
  public init(
    model: any ScoringModel, background: BackgroundData, tolerance: Double = 0.005,
    minimumPermutations: Int = 64, maximumPermutations: Int = 1024, pairsPerRound: Int = 8,
    groups: [FeatureGroup] = []
  ) throws {
    precondition(pairsPerRound >= 2, "'pairsPerRound' \(pairsPerRound) must be at least 2")
    precondition(
      maximumPermutations >= 2 * pairsPerRound,
      "'maximumPermutations' \(maximumPermutations) must allow one round")
    precondition(tolerance >= 0, "'tolerance' \(tolerance) must not be negative")
    try background.validate(featureCount: model.featureCount)
    self.model = model
    self.background = background
    self.tolerance = tolerance
    self.minimumPermutations = minimumPermutations
    self.maximumPermutations = maximumPermutations
    self.pairsPerRound = pairsPerRound
    self.groups = groups
    players = try CoalitionPlayers(featureNames: model.features.map(\.name), groups: groups)
  }

  /// Explains every row of `matrix`.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - options: Output space, threads and seed.
  /// - Returns: Attributions with base value `E f` over the background, predictions `f(x)`
  ///   and standard errors.
  /// - Throws: ``AttributionError`` when the matrix does not fit; the model's error when
  ///   scoring fails.
  /// - Complexity: O(*n*·*P*·*M*·*B*) model evaluations for *n* rows, *P* permutations,
  ///   *M* players and *B* background rows.
  public func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions {
    try validate(matrix, featureCount: model.featureCount, output: options.output)
    let response: OutputTransform =
      options.output == .probability ? model.outputTransform : .identity
    let threads = options.workerCount
    let rows = matrix.rowCount
    let predictions = try model.predict(matrix, output: .margin, threads: threads).map {
      response.apply($0)
    }
    let referenceScores = try model.predict(background.matrix, output: .margin, threads: threads)
    var expectation = 0.0
    for (row, margin) in referenceScores.enumerated() {
      expectation += background.weights[row] * response.apply(margin)
    }
    let perRound = 2 * pairsPerRound * max(1, players.count - 1) * background.rowCount
    let chunkSize = max(1, KernelSHAP.chunkRowTarget / perRound)
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let context = PermutationShapleyRows(
      players: players,
      scorer: try CoalitionScorer(
        model: model, background: background, response: response,
        playerOfFeature: players.playerOfFeature),
      expectation: expectation, tolerance: tolerance,
      minimumPairs: minimumPermutations / 2, maximumPairs: maximumPermutations / 2,
      pairsPerRound: pairsPerRound, seed: options.seed,
      rowKeys: options.rowKeys?.count == matrix.rowCount ? options.rowKeys : nil)
    let parts = try ParallelChunks.map(count: chunkCount, threads: threads) { chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      return try context.explain(matrix, rows: range, predictions: predictions)
    }
    var values: [Double] = []
    var errors: [Double] = []
    for part in parts {
      values.append(contentsOf: part.values)
      errors.append(contentsOf: part.standardErrors)
    }
    var result = Attributions(
      values: values, rowCount: rows, baseValues: Array(repeating: expectation, count: rows),
      predictions: predictions, featureNames: players.names, outputSpace: options.output)
    result.standardErrors = errors
    return result
  }
}
