import FairModels
import _FairSupport

extension LossExplainer {
  /// Permutation sampling of the loss game `v(S) = Σ_r w_r·L(f(x_S, r_S̄), y)`.
  ///
  /// The hybrids' margins go through the loss of the explained row's label (a per-row
  /// response of ``CoalitionScorer``), `v(all)` is the row's own loss and `v(∅)` its
  /// baseline, so each sampled permutation adds up to the row's loss minus its baseline.
  func explainByPermutations(
    _ matrix: FeatureMatrix, labels: [Double], options: ExplainOptions
  ) throws -> LossAttributions {
    let threads = options.workerCount
    let rows = matrix.rowCount
    let loss = self.loss
    let margins = try model.predict(matrix, output: .margin, threads: threads)
    let referenceMargins = try model.predict(background.matrix, output: .margin, threads: threads)
    var losses = [Double](repeating: 0, count: rows)
    var baselines = [Double](repeating: 0, count: rows)
    for row in 0..<rows {
      losses[row] = loss.evaluate(margins[row], labels[row])
      var baseline = 0.0
      for (reference, margin) in referenceMargins.enumerated() {
        baseline += background.weights[reference] * loss.evaluate(margin, labels[row])
      }
      baselines[row] = baseline
    }
    let scorer = try CoalitionScorer(
      model: model, background: background, response: .identity,
      playerOfFeature: players.playerOfFeature,
      rowResponse: { row, margin in loss.evaluate(margin, labels[row]) })
    let context = PermutationShapleyRows(
      players: players, scorer: scorer, expectation: 0, tolerance: tolerance,
      minimumPairs: minimumPermutations / 2, maximumPairs: maximumPermutations / 2,
      pairsPerRound: pairsPerRound, seed: options.seed,
      rowKeys: options.rowKeys?.count == matrix.rowCount ? options.rowKeys : nil,
      rowExpectations: baselines)
    let perRound = 2 * pairsPerRound * max(1, players.count - 1) * background.rowCount
    let chunkSize = max(1, KernelSHAP.chunkRowTarget / perRound)
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let task = options.progress?.start("loss attributions", total: rows)
    let fullValues = losses
    let parts = try ParallelChunks.map(count: chunkCount, threads: threads) { chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      defer { task?.advance(by: range.count) }
      return try context.explain(matrix, rows: range, predictions: fullValues)
    }
    task?.finish()
    var values: [Double] = []
    var errors: [Double] = []
    values.reserveCapacity(rows * players.count)
    for part in parts {
      values.append(contentsOf: part.values)
      errors.append(contentsOf: part.standardErrors)
    }
    return LossAttributions(
      values: values, rowCount: rows, losses: losses, baselines: baselines,
      featureNames: players.names, method: .permutation, lossName: loss.name,
      standardErrors: errors)
  }
}
