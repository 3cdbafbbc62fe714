public import FairTabular

extension PMMLModel: InputCheckingModel {
  /// The column types of the model's input fields (``preferredColumnTypes``).
  public var columnTypeHints: [String: ColumnType] { preferredColumnTypes }
}
