public import FairTabular
import Foundation
import _FairSupport

/// Where the model of a command or an audit comes from: a model file, or a shell command
/// that scores CSV rows.
public enum ModelSource: Sendable, Hashable {
  /// An XGBoost JSON, LightGBM text or PMML file; the format is recognised from the content.
  /// `link` declares how the margin of a model trained with a custom objective maps to its
  /// prediction (see ``ModelLink``).
  case file(String, link: ModelLink? = nil)
  /// A model behind a shell command (see ``CommandModel``).
  case command(CommandSpecification)

  /// What a command-backed model needs besides the data: the command, the columns it reads
  /// and what it prints.
  public struct CommandSpecification: Sendable, Hashable {
    /// The shell command.
    public var command: String
    /// The data columns the command reads, in order.
    public var featureNames: [String]
    /// Whether the command prints probabilities or margins.
    public var output: CommandModel.Output
    /// What the model predicts.
    public var task: ModelTask
    /// The largest number of rows sent to one run of the command.
    public var batchSize: Int
    /// The time one run may take.
    public var timeout: Duration

    /// Creates a command specification.
    public init(
      command: String, featureNames: [String], output: CommandModel.Output = .probability,
      task: ModelTask = .binaryClassification, batchSize: Int = CommandModel.defaultBatchSize,
      timeout: Duration = CommandModel.defaultTimeout
    ) {
      self.command = command
      self.featureNames = featureNames
      self.output = output
      self.task = task
      self.batchSize = batchSize
      self.timeout = timeout
    }
  }

  /// The model of a file source, loaded before any data is read, so the data can be read
  /// with the model's column types; `nil` for a command.
  ///
  /// - Throws: `ModelError` naming the file and the place.
  public func loadFile() throws -> (any ScoringModel)? {
    guard case .file(let path, let link) = self else { return nil }
    return try ModelLoader.load(contentsOf: path, link: link)
  }

  /// Loads a model file (when this is one) and reads `path` with the column types the model
  /// declares, without binding the rows to the model.
  ///
  /// - Parameters:
  ///   - path: The CSV file.
  ///   - csv: How to read it; the model's column types are added to its hints.
  ///   - threads: Threads for reading columns; all processors by default.
  /// - Returns: The model (`nil` for a command, which needs the data first), the data, and
  ///   the reading options used.
  /// - Throws: `ModelError` or `DataError` naming the file and the place.
  public func loadReading(_ path: String, csv: CSVOptions, threads: Int? = nil) throws
    -> (model: (any ScoringModel)?, dataset: Dataset, csv: CSVOptions)
  {
    var options = csv
    let loaded = try loadFile()
    if let checking = loaded as? any InputCheckingModel {
      options.columnTypeHints = checking.columnTypeHints
    }
    let dataset = try CSVReader(options: options, threads: threads).read(contentsOf: path)
    return (loaded, dataset, options)
  }

  /// The model of a command source, for data already read.
  ///
  /// Each feature is categorical when the data holds it as text, so the command receives
  /// the labels it was trained on.
  ///
  /// - Parameters:
  ///   - specification: The command.
  ///   - dataset: The data that will be scored, for the kinds of the command's features.
  ///   - file: The data file's path, for messages.
  /// - Throws: `DataError` when a feature is not a column of the data; `ModelError` when
  ///   the specification is unusable.
  public static func commandModel(
    _ specification: CommandSpecification, for dataset: Dataset, file: String
  ) throws -> CommandModel {
    let features = try specification.featureNames.map { name -> ModelFeature in
      guard let column = dataset.column(named: name) else {
        var message = "the model command reads a column '\(name)', which the file does not have"
        if let near = closestMatch(to: name, among: dataset.columnNames) {
          message += "; did you mean '\(near)'?"
        }
        throw DataError(.unknownColumn, file: file, message: message)
      }
      if let labels = column.categorical {
        return ModelFeature(name: name, kind: .categorical(levels: labels.levels))
      }
      return ModelFeature(name: name)
    }
    return try CommandModel(
      command: specification.command, features: features, outputIs: specification.output,
      task: specification.task, batchSize: specification.batchSize,
      timeout: specification.timeout)
  }
}
