import FairModels
import _FairSupport

/// One chunk's share of an explanation: the attributions, base values and predictions of
/// its rows, in row order.
struct AttributionChunk: Sendable {
  var values: [Double]
  var baseValues: [Double]
  var predictions: [Double]
}

extension Explainer {
  /// Explains `matrix` in chunks of `chunkSize` rows on up to `threads` threads and joins
  /// the chunks in row order.
  ///
  /// The chunking does not depend on `threads`, so neither does the result.
  ///
  /// - Parameters:
  ///   - matrix: The rows to explain.
  ///   - chunkSize: The rows per chunk.
  ///   - threads: The largest number of threads.
  ///   - output: The output space the chunks' values, base values and predictions are in.
  ///   - columnNames: The attribution columns; ``featureNames`` when `nil`.
  ///   - progress: Where to report the rows explained, if anywhere.
  ///   - body: Explains one range of rows.
  /// - Returns: The joined attributions.
  /// - Throws: The error of the lowest-numbered failing chunk.
  /// - Complexity: That of `body` over every row.
  func explainInChunks(
    _ matrix: FeatureMatrix, chunkSize: Int, threads: Int, output: OutputSpace = .margin,
    columnNames: [String]? = nil, progress: WorkProgress? = nil,
    _ body: @Sendable (Range<Int>) throws -> AttributionChunk
  ) throws -> Attributions {
    let rows = matrix.rowCount
    let chunkCount = (rows + chunkSize - 1) / chunkSize
    let task = progress?.start("attributions", total: rows)
    let parts = try ParallelChunks.map(count: chunkCount, threads: threads) { chunk in
      let range = (chunk * chunkSize)..<min(rows, (chunk + 1) * chunkSize)
      defer { task?.advance(by: range.count) }
      return try body(range)
    }
    task?.finish()
    let names = columnNames ?? featureNames
    var values: [Double] = []
    var baseValues: [Double] = []
    var predictions: [Double] = []
    values.reserveCapacity(rows * names.count)
    baseValues.reserveCapacity(rows)
    predictions.reserveCapacity(rows)
    for part in parts {
      values += part.values
      baseValues += part.baseValues
      predictions += part.predictions
    }
    return Attributions(
      values: values, rowCount: rows, baseValues: baseValues, predictions: predictions,
      featureNames: names, outputSpace: output)
  }
}
