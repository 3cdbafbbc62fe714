public import FairModels
import _FairSupport

/// Attributes each row's loss `L(f(x), y)` to the model's features: the "loss game".
///
/// A coalition `S` of players (features, or groups switched as one) is valued by the
/// background-weighted loss of the hybrids that take `S` from the explained row and the rest
/// from each background row `r`, always against the explained row's label `y`:
///
/// ```
/// v(S) = Σ_r w_r · L(f(x_S, r_S̄), y)
/// ```
///
/// Every row's attributions add up to `v(all) − v(∅) = L(f(x), y) − Σ_r w_r·L(f(r), y)`,
/// its ``LossAttributions/losses`` minus its ``LossAttributions/baselines``.
///
/// Two algorithms:
///
/// - ``Method/tree`` (tree ensembles): shap's exact rule for `model_output="log_loss"` with
///   interventional perturbation, for any loss. For each background row the margin pair game
///   is attributed exactly, the pair's values are multiplied by
///   `[L(f(x), y) − L(f(r), y)] / [f(x) − f(r)]` (1 when the margins are equal), and the
///   results are averaged with the background weights. This rescaling is shap's, not the
///   Shapley value of `v` above; it shares its additivity. Margins are exact `Double` sums of
///   the leaf values. See <doc:TreeSHAPAlgorithms#Loss-attributions>.
/// - ``Method/permutation`` (any model): antithetic permutation sampling of `v` itself
///   (as ``PermutationShapley``), seeded per row, with standard errors. Each row adds up
///   exactly, whatever the number of permutations.
///
/// ``Method/auto`` picks the tree method for tree ensembles and permutation sampling
/// otherwise. Results never depend on the thread count.
public struct LossExplainer: Sendable {
  /// A loss-attribution algorithm.
  public enum Method: String, Sendable, Hashable, CaseIterable, Codable {
    /// ``tree`` for tree ensembles, else ``permutation``.
    case auto
    /// shap's exact rescaled interventional pair game, for tree ensembles.
    case tree
    /// Antithetic permutation sampling of the loss game, for any model.
    case permutation
  }

  /// The explained model.
  public let model: any ScoringModel
  /// The background rows and their weights.
  public let background: BackgroundData
  /// The explained loss.
  public let loss: MarginLoss
  /// The feature groups that act as one player each.
  public let groups: [FeatureGroup]
  /// The algorithm that runs: ``Method/tree`` or ``Method/permutation`` (never `auto`).
  public let method: Method
  /// The largest standard error accepted by permutation sampling, in loss units.
  public let tolerance: Double
  /// The fewest permutations per row (permutation sampling).
  public let minimumPermutations: Int
  /// The most permutations per row, counting each permutation and its reverse.
  public let maximumPermutations: Int
  /// The antithetic pairs drawn per round (permutation sampling).
  public let pairsPerRound: Int

  let players: CoalitionPlayers
  let kernel: LossTreeKernel?

  /// The attribution columns: feature groups and ungrouped features, in column order.
  public var featureNames: [String] { players.names }

  /// Prepares loss attributions for `model` against `background`.
  ///
  /// The tree method routes the background through every tree here, once.
  ///
  /// - Parameters:
  ///   - model: The model; its margin is the first argument of `loss`.
  ///   - background: The background rows and weights.
  ///   - loss: The loss of a margin and a label; ``MarginLoss/logLoss`` by default.
  ///   - groups: Disjoint feature groups, each one player.
  ///   - method: The algorithm; `auto` by default.
  ///   - tolerance: Permutation sampling's largest accepted standard error; 0.001 by default.
  ///   - minimumPermutations: Permutation sampling's fewest permutations per row; 64.
  ///   - maximumPermutations: Permutation sampling's most permutations per row; 1,024.
  ///   - pairsPerRound: Antithetic pairs per round, at least 2; 8 by default.
  /// - Throws: ``AttributionError``: `invalidBackground` when the background does not fit
  ///   the model; `invalidGroup` for unusable groups; `unsupportedModel` when `method` is
  ///   `tree` and the model is not a tree ensemble, or a tree path has more than 32
  ///   distinct players.
  /// - Complexity: Tree method: O(*R*·*N*) for *R* background rows and *N* tree nodes.
  public init(
    model: any ScoringModel, background: BackgroundData, loss: MarginLoss = .logLoss,
    groups: [FeatureGroup] = [], method: Method = .auto, tolerance: Double = 0.001,
    minimumPermutations: Int = 64, maximumPermutations: Int = 1024, pairsPerRound: Int = 8
  ) throws {
    precondition(pairsPerRound >= 2, "'pairsPerRound' \(pairsPerRound) must be at least 2")
    precondition(
      maximumPermutations >= 2 * pairsPerRound,
      "'maximumPermutations' \(maximumPermutations) must allow one round")
    precondition(tolerance >= 0, "'tolerance' \(tolerance) must not be negative")
    try background.validate(featureCount: model.featureCount)
    let players = try CoalitionPlayers(featureNames: model.features.map(\.name), groups: groups)
    let ensemble = (model as? any TreeEnsembleModel)?.treeEnsemble
    let resolved: Method
    switch method {
    case .auto: resolved = ensemble == nil ? .permutation : .tree
    case .tree, .permutation: resolved = method
    }
    if resolved == .tree {
      guard let ensemble else {
        throw AttributionError(
          .unsupportedModel, subject: "loss attributions",
          message: AttributionError.Message.unfit(
            "tree", needs: "a tree ensemble (XGBoost or LightGBM)", model: model.summary))
      }
      kernel = try LossTreeKernel(
        ensemble: ensemble, background: background, playerOfFeature: players.playerOfFeature,
        playerCount: players.count)
    } else {
      kernel = nil
    }
    self.model = model
    self.background = background
    self.loss = loss
    self.groups = groups
    self.method = resolved
    self.tolerance = tolerance
    self.minimumPermutations = minimumPermutations
    self.maximumPermutations = maximumPermutations
    self.pairsPerRound = pairsPerRound
    self.players = players
  }

  /// Attributes the loss of every row of `matrix`.
  ///
  /// `options.output` is ignored: the attributions are in loss units. `options.seed` seeds
  /// permutation sampling (one generator per row); the tree method is exact.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - labels: One finite label per row, the second argument of the loss (1 for the
  ///     positive class and 0 otherwise, for the log-loss).
  ///   - options: Threads and seed.
  /// - Returns: One attribution per row and player, with each row's loss and baseline.
  /// - Throws: ``AttributionError``: `featureMismatch` when the rows do not fit the model;
  ///   `invalidArgument` when the labels do not match the rows or one is not finite. The
  ///   model's error when scoring fails (permutation sampling).
  /// - Complexity: Tree method: O(*n*·*T*·(*V*·⌈*R*/64⌉ + *L*·*R*·*d*)) at most, for *n* rows,
  ///   *T* trees, *V* nodes visited, *L* leaves reached by some pair, *R* background rows and
  ///   path length *d*. Permutation: O(*n*·*P*·*M*·*R*) model evaluations for *P*
  ///   permutations and *M* players.
  public func explain(_ matrix: FeatureMatrix, labels: [Double], options: ExplainOptions)
    throws -> LossAttributions
  {
    guard matrix.featureCount == model.featureCount else {
      throw AttributionError(
        .featureMismatch,
        message: AttributionError.Message.featureCount(
          matrix.featureCount, expected: model.featureCount))
    }
    guard labels.count == matrix.rowCount else {
      throw AttributionError(
        .invalidArgument, subject: "labels",
        message: AttributionError.Message.labelCount(labels.count, rows: matrix.rowCount))
    }
    if let row = labels.firstIndex(where: { !$0.isFinite }) {
      throw AttributionError(
        .invalidArgument, subject: "row \(row + 1)",
        message: AttributionError.Message.badLabel(labels[row]))
    }
    if let kernel {
      return explainTrees(kernel, matrix, labels: labels, options: options)
    }
    return try explainByPermutations(matrix, labels: labels, options: options)
  }

  /// The tree method: fixed chunks of rows in parallel.
  private func explainTrees(
    _ kernel: LossTreeKernel, _ matrix: FeatureMatrix, labels: [Double],
    options: ExplainOptions
  ) -> LossAttributions {
    let rows = matrix.rowCount
    let chunkSize = LossTreeKernel.chunkRows
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let loss = self.loss
    let task = options.progress?.start("loss attributions", total: rows)
    let parts = ParallelChunks.map(count: chunkCount, threads: options.workerCount) { chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      defer { task?.advance(by: range.count) }
      return kernel.explain(matrix, labels: labels, loss: loss, rows: range)
    }
    task?.finish()
    var values: [Double] = []
    var losses: [Double] = []
    var baselines: [Double] = []
    values.reserveCapacity(rows * players.count)
    for part in parts {
      values.append(contentsOf: part.values)
      losses.append(contentsOf: part.losses)
      baselines.append(contentsOf: part.baselines)
    }
    return LossAttributions(
      values: values, rowCount: rows, losses: losses, baselines: baselines,
      featureNames: players.names, method: .tree, lossName: loss.name)
  }
}
