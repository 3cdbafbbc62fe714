public import FairTabular

/// A model with the data it scores, bound to the model's features and checked: the one way
/// from a model source and a data file to rows a model or an explainer can use.
///
/// ```swift
/// let bound = try BoundRows(model: .file("model.json"), data: "loans.csv")
/// let scores = try bound.model.predict(bound.matrix, output: .probability, threads: 4)
/// ```
public struct BoundRows: Sendable {
  /// The model.
  public let model: any ScoringModel
  /// The data, as read (every column, not only the model's).
  public let dataset: Dataset
  /// The rows bound to the model's features, in model order.
  public let matrix: FeatureMatrix
  /// The data file's path, as given, for messages.
  public let dataFile: String
  /// How the data file was read; other files bound to the same model are read the same way.
  public let csv: CSVOptions

  /// Loads the model and the data, reading columns as the model declares them, binds the
  /// rows to the model's features, and refuses the data if the model cannot score a row.
  ///
  /// A model file is loaded first, so that the data is read with the column types it
  /// declares; a command model is built after the data, from the columns it reads.
  ///
  /// - Parameters:
  ///   - source: The model file or command.
  ///   - path: The CSV file of rows.
  ///   - csv: How to read it.
  ///   - threads: Threads for reading columns (the result does not depend on it); all
  ///     processors by default.
  ///   - checkData: Called with the data as soon as it is read, before it is bound.
  /// - Throws: `ModelError` or `DataError` naming the file and the place.
  /// - Complexity: O(*n*·*c*) to read *n* rows of *c* columns, plus the model's validation.
  public init(
    model source: ModelSource, data path: String, csv: CSVOptions = CSVOptions(),
    threads: Int? = nil, checkData: (Dataset) throws -> Void = { _ in }
  ) throws {
    let (loaded, dataset, options) = try source.loadReading(path, csv: csv, threads: threads)
    try checkData(dataset)
    let model: any ScoringModel
    switch source {
    case .file:
      guard let loaded else { preconditionFailure("a file source always loads a model") }
      model = loaded
    case .command(let specification):
      model = try ModelSource.commandModel(specification, for: dataset, file: path)
    }
    self.model = model
    self.dataset = dataset
    self.dataFile = path
    self.csv = options
    self.matrix = try BoundRows.bind(dataset, to: model, file: path)
  }

  /// Reads another file with the same columns (a background, say) and binds it to the same
  /// model, with the same reading options and checks.
  ///
  /// - Parameters:
  ///   - path: The CSV file.
  ///   - threads: Threads for reading columns; all processors by default.
  /// - Returns: The rows bound to the model's features.
  /// - Throws: `DataError` or `ModelError` naming the file and the place.
  public func bind(file path: String, threads: Int? = nil) throws -> FeatureMatrix {
    let dataset = try CSVReader(options: csv, threads: threads).read(contentsOf: path)
    return try BoundRows.bind(dataset, to: model, file: path)
  }

  private static func bind(_ dataset: Dataset, to model: any ScoringModel, file: String) throws
    -> FeatureMatrix
  {
    let matrix = try FeatureMatrix(binding: dataset, to: model.features, file: file)
    if let checking = model as? any InputCheckingModel {
      try checking.validate(matrix, dataFile: file)
    }
    return matrix
  }
}
