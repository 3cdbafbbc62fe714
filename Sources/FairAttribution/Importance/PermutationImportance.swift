public import FairModels
import _FairSupport

/// Global permutation feature importance with scikit-learn's semantics
/// (scikit-learn 1.9 `sklearn.inspection.permutation_importance`; see
/// <doc:PermutationImportanceAlgorithm>).
///
/// The baseline score `s₀` is the metric on the unchanged rows. For each feature (or feature
/// group) and repeat, the feature's column is shuffled across rows (a group's columns with
/// one shared row permutation, so the group moves as a whole), the rows are scored again and
/// the importance is `s₀ − s_perm`. The result holds every repeat's importance, their mean and
/// their population standard deviation (`ddof = 0`, as scikit-learn reports). It is a
/// **difference of scores**, not Fisher, Rudin & Dominici's ratio of losses.
///
/// **Seeding.** Each (feature, repeat) permutation comes from its own generator seeded with
/// ``SplitMix64/derivedSeed(_:_:_:)`` of (seed, feature, repeat), so the numbers are the same
/// for any thread count. scikit-learn instead reuses one seed for every column and compounds
/// the shuffles across repeats; both give uniformly random permutations, so the two agree in
/// distribution, not in digits.
///
/// **Exact zeros.** A feature the model does not read gets importance exactly 0: the
/// permuted rows score bit-for-bit as the originals.
///
/// **Batching.** The permuted copies of several (feature, repeat) tasks are written into one
/// buffer and scored by one ``ScoringModel/scoreMargins(_:into:)`` call per block of about
/// 65,536 rows; blocks run in parallel.
///
/// `max_samples` is not offered: every row is used.
public struct PermutationImportance: Sendable {
  /// The explained model.
  public let model: any ScoringModel
  /// The score whose drop is measured.
  public let metric: any ImportanceMetric
  /// The number of permutations per feature (scikit-learn's `n_repeats`).
  public let repeats: Int
  /// The feature groups permuted together.
  public let groups: [FeatureGroup]

  let players: CoalitionPlayers

  /// The names of the importance columns: groups and ungrouped features, in column order.
  public var featureNames: [String] { players.names }

  /// Prepares permutation importance.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - metric: The score.
  ///   - repeats: Permutations per feature, at least 1; 5 as in scikit-learn.
  ///   - groups: Disjoint feature groups permuted together.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidGroup`` for bad
  ///   groups.
  public init(
    model: any ScoringModel, metric: some ImportanceMetric, repeats: Int = 5,
    groups: [FeatureGroup] = []
  ) throws {
    precondition(repeats >= 1, "'repeats' \(repeats) must be at least 1")
    self.model = model
    self.metric = metric
    self.repeats = repeats
    self.groups = groups
    players = try CoalitionPlayers(featureNames: model.features.map(\.name), groups: groups)
  }

  /// Computes the importance of every feature or group.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - labels: 0 or 1 per row; ignored (and may be empty) for the decision rate.
  ///   - sampleWeights: One non-negative weight per row; `nil` for equal weights.
  ///   - seed: The seed of the permutations.
  ///   - threads: The number of worker threads.
  /// - Returns: The baseline score and every importance.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/featureMismatch`` when
  ///   the matrix does not fit the model, and of kind
  ///   ``AttributionError/Kind/invalidArgument`` when there are no rows or the labels or
  ///   weights do not fit the rows (subject `labels`), including labels other than 0 and 1
  ///   and, for a metric that needs both classes, labels of one class only; the model's
  ///   error when scoring fails.
  /// - Complexity: *F*·*R*·*n* model evaluations plus *F*·*R* metric evaluations, for *F*
  ///   features or groups, *R* repeats and *n* rows.
  public func compute(
    _ matrix: FeatureMatrix, labels: [Double], sampleWeights: [Double]? = nil, seed: UInt64 = 0,
    threads: Int = 1
  ) throws -> PermutationImportanceResult {
    try check(matrix, labels: labels, sampleWeights: sampleWeights)
    let rows = matrix.rowCount
    let weights = sampleWeights ?? Array(repeating: 1, count: rows)
    let usedLabels = metric.needsLabels ? labels : Array(repeating: 0, count: rows)
    let transform = model.outputTransform
    let margins = try model.predict(matrix, output: .margin, threads: max(1, threads))
    let baseline = metric.score(
      margins: margins[...], labels: usedLabels, weights: weights, transform: transform)
    let taskCount = players.count * repeats
    let tasksPerChunk = max(1, CoalitionScorer.blockRowLimit / max(1, rows))
    let chunkCount = (taskCount + tasksPerChunk - 1) / tasksPerChunk
    let parts = try ParallelChunks.map(count: chunkCount, threads: max(1, threads)) { chunk in
      let tasks = (chunk * tasksPerChunk)..<min(taskCount, (chunk + 1) * tasksPerChunk)
      return try scores(
        of: tasks, matrix: matrix, labels: usedLabels, weights: weights, seed: seed)
    }
    var importances: [Double] = []
    importances.reserveCapacity(taskCount)
    for part in parts {
      for score in part { importances.append(baseline - score) }
    }
    return PermutationImportanceResult(
      featureNames: players.names, baselineScore: baseline, repeats: repeats,
      importances: importances)
  }

  /// The permuted scores of `tasks` (task `t` permutes player `t / repeats`, repeat
  /// `t % repeats`), all scored in one call.
  private func scores(
    of tasks: Range<Int>, matrix: FeatureMatrix, labels: [Double], weights: [Double],
    seed: UInt64
  ) throws -> [Double] {
    let rows = matrix.rowCount
    let width = matrix.featureCount
    let block = rows * width
    var buffer = [Double](repeating: 0, count: tasks.count * block)
    var order = Array(0..<rows)
    for (slot, task) in tasks.enumerated() {
      let player = task / repeats
      let repeatIndex = task % repeats
      var generator = SplitMix64(
        seed: SplitMix64.derivedSeed(seed, UInt64(player), UInt64(repeatIndex)))
      for index in order.indices { order[index] = index }
      generator.shuffle(&order)
      let offset = slot * block
      buffer.withUnsafeMutableBufferPointer { out in
        matrix.values.withUnsafeBufferPointer { source in
          guard let outBase = out.baseAddress, let sourceBase = source.baseAddress else {
            return
          }
          (outBase + offset).update(from: sourceBase, count: block)
          for feature in players.members[player] {
            for row in 0..<rows {
              outBase[offset + row * width + feature] = sourceBase[order[row] * width + feature]
            }
          }
        }
      }
    }
    var margins: [Double] = []
    try model.scoreMargins(RowBatch(values: buffer[...], featureCount: width), into: &margins)
    var result: [Double] = []
    for slot in 0..<tasks.count {
      result.append(
        metric.score(
          margins: margins[(slot * rows)..<((slot + 1) * rows)], labels: labels,
          weights: weights, transform: model.outputTransform))
    }
    return result
  }

  /// Throws unless the matrix, labels and weights fit.
  private func check(_ matrix: FeatureMatrix, labels: [Double], sampleWeights: [Double]?) throws {
    guard matrix.featureCount == model.featureCount else {
      throw AttributionError(
        .featureMismatch,
        message: "the rows have \(matrix.featureCount) features; the model reads "
          + "\(model.featureCount)")
    }
    guard matrix.rowCount > 0 else {
      throw AttributionError(.invalidArgument, message: "there are no rows to permute")
    }
    if let sampleWeights {
      guard sampleWeights.count == matrix.rowCount,
        sampleWeights.allSatisfy({ $0.isFinite && $0 >= 0 })
      else {
        throw AttributionError(
          .invalidArgument, subject: "sample weights",
          message: "expected \(matrix.rowCount) finite, non-negative weights")
      }
    }
    guard metric.needsLabels else { return }
    guard labels.count == matrix.rowCount else {
      throw AttributionError(
        .invalidArgument, subject: "labels",
        message: "\(labels.count) labels were given for \(matrix.rowCount) rows")
    }
    var classes = Set<Double>()
    for (row, label) in labels.enumerated() {
      guard label == 0 || label == 1 else {
        throw AttributionError(
          .invalidArgument, subject: "labels",
          message: "row \(row + 1) has label \(label); expected 0 or 1")
      }
      classes.insert(label)
    }
    if metric.needsBothClasses && classes.count < 2 {
      throw AttributionError(
        .invalidArgument, subject: "labels",
        message: "the \(metric.name) needs both classes, but every label is \(labels.first ?? 0)")
    }
  }
}
