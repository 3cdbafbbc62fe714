public import FairModels
import FairTabular

/// Where an explainer's background rows come from: a file, or rows sampled from the data.
///
/// ```swift
/// let source = BackgroundSource.sample(rows: 100)
/// let background = try source.rows(for: bound, seed: 7)
/// ```
public enum BackgroundSource: Sendable, Hashable {
  /// The rows of a CSV file with the data's columns; when `rows` is smaller than the file,
  /// that many of its rows, sampled with the seed.
  case file(String, rows: Int?)
  /// `rows` rows of the data, sampled with the seed (all of them when the data has fewer).
  case sample(rows: Int)

  /// The number of rows sampled when nothing else is said, as shap advises.
  public static let defaultRowCount = 100

  /// Whether the rows are sampled from the audited data (so they depend on which rows are
  /// audited together), rather than read from a file.
  public var isSampled: Bool {
    if case .sample = self { return true }
    return false
  }

  /// The background rows, bound to the model's features.
  ///
  /// - Parameters:
  ///   - bound: The model and the data; a file is read with the same options and checks.
  ///   - seed: The seed of the sample.
  /// - Returns: The rows.
  /// - Throws: `DataError` or `ModelError` for the file; ``AttributionError`` of kind
  ///   ``AttributionError/Kind/invalidBackground``, located in the file, when it has no rows
  ///   or `rows` is below 1.
  /// - Complexity: O(*n*·*m*) to read or sample *n* rows of *m* features.
  public func rows(for bound: BoundRows, seed: UInt64) throws -> FeatureMatrix {
    try rows(for: bound, seed: seed, keys: nil)
  }

  /// The background rows, as ``rows(for:seed:)`` gives them, but a sample of the data is
  /// drawn by key when `keys` (each data row's unique key: an audit's row ids) are given:
  /// the same rows however the data is split or ordered, in the sample's priority order
  /// (``KeyedSample``).
  package func rows(for bound: BoundRows, seed: UInt64, keys: [UInt64]?) throws -> FeatureMatrix {
    switch self {
    case .file(let path, let rows):
      let matrix = try bound.bind(file: path)
      do {
        _ = try BackgroundData(matrix, featureCount: bound.model.featureCount)
        guard let rows, rows < matrix.rowCount else { return matrix }
        return try BackgroundSummary.sample(matrix, rows: rows, seed: seed).matrix
      } catch let error as AttributionError {
        throw error.located(in: path)
      }
    case .sample(let rows):
      if let keys {
        return KeyedSample(bound.matrix, keys: keys, size: rows, seed: seed).matrix
      }
      if rows >= bound.matrix.rowCount { return bound.matrix }
      return try BackgroundSummary.sample(bound.matrix, rows: rows, seed: seed).matrix
    }
  }
}
