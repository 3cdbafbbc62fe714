public import FairTabular

/// A model that says how its input columns should be read and which rows it cannot score.
///
/// PMML models declare field types (an integer-coded categorical field must be read as
/// categories, not numbers) and refuse rows whose values their own rules reject. Callers
/// read the data with ``columnTypeHints`` and call ``validate(_:dataFile:)`` before scoring,
/// so that a refused row stops the run instead of becoming a NaN score.
public protocol InputCheckingModel: ScoringModel {
  /// Column types the model expects, by column name; columns the file lacks are ignored.
  var columnTypeHints: [String: ColumnType] { get }

  /// Throws unless the model can score every row of `matrix`.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to the model's features.
  ///   - dataFile: The data file, for the message.
  /// - Throws: `ModelError` of kind ``ModelError/Kind/invalidInput`` naming the first
  ///   refused row and the number of others.
  func validate(_ matrix: FeatureMatrix, dataFile: String?) throws
}
