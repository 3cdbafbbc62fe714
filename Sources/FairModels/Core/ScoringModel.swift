package import _FairSupport

/// What a model predicts.
public enum ModelTask: String, Sendable, Hashable, Codable {
  /// A binary classifier: the response is the probability of the positive class.
  case binaryClassification = "binary-classification"
  /// A regressor: the response is a number.
  case regression
}

/// A model that scores rows in batches.
///
/// Dynamic dispatch happens once per batch, never per row. Implementations are immutable
/// values, safe to share across threads.
public protocol ScoringModel: Sendable {
  /// The inputs, in the order the model reads them.
  var features: [ModelFeature] { get }
  /// What the model predicts.
  var task: ModelTask { get }
  /// The map from margin to response.
  var outputTransform: OutputTransform { get }
  /// A short description of the model for reports (`"XGBoost gbtree, 300 trees"`).
  var summary: String { get }

  /// Writes one margin per row of `batch` into `margins`, replacing its contents.
  ///
  /// Models evaluated in memory never throw; a model behind an external command throws
  /// when the command fails, so that no caller ever sees a partial result.
  ///
  /// - Parameters:
  ///   - batch: Rows in ``features`` order.
  ///   - margins: Receives `batch.rowCount` margins.
  /// - Throws: `ModelError` when the model cannot be evaluated.
  func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) throws
}

extension ScoringModel {
  /// The number of inputs.
  public var featureCount: Int { features.count }

  /// Scores every row of `matrix`, in parallel over fixed-size row chunks.
  ///
  /// The chunking does not depend on `threads`, so the result is identical for any thread
  /// count.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to ``features``.
  ///   - output: Margin, or the response through ``outputTransform``.
  ///   - threads: The number of worker threads, at least 1.
  /// - Returns: One score per row.
  /// - Throws: `ModelError` when the model cannot be evaluated.
  /// - Complexity: O(*n*) model evaluations for *n* rows.
  public func predict(
    _ matrix: FeatureMatrix, output: OutputSpace = .margin, threads: Int = 1
  ) throws -> [Double] {
    try predict(matrix, output: output, threads: threads, progress: nil)
  }

  /// Scores every row of `matrix` as ``predict(_:output:threads:)`` does, reporting the
  /// rows scored to `progress`.
  package func predict(
    _ matrix: FeatureMatrix, output: OutputSpace = .margin, threads: Int = 1,
    progress: WorkProgress?
  ) throws -> [Double] {
    precondition(
      matrix.featureCount == featureCount,
      "'matrix' has \(matrix.featureCount) features; the model reads \(featureCount)")
    let chunkSize = 1024
    let chunkCount = (matrix.rowCount + chunkSize - 1) / chunkSize
    let transform = output == .probability ? outputTransform : .identity
    let task = progress?.start("scoring", total: matrix.rowCount)
    let parts = try ParallelChunks.map(count: chunkCount, threads: threads) { chunk in
      let rows = (chunk * chunkSize)..<min(matrix.rowCount, (chunk + 1) * chunkSize)
      defer { task?.advance(by: rows.count) }
      var margins: [Double] = []
      try scoreMargins(matrix.batch(rows: rows), into: &margins)
      if transform != .identity {
        for index in margins.indices { margins[index] = transform.apply(margins[index]) }
      }
      return margins
    }
    task?.finish()
    return parts.flatMap { $0 }
  }
}
