package import FairPolicy
public import FairTabular

/// The `data:` section of a manifest: the data file, how to read it, and its special columns.
///
/// ```yaml
/// data:
///   file: hiring.csv            # relative to the manifest's folder
///   id_column: applicant_id     # optional stable row id (else the 0-based row index)
///   label: qualified            # optional true outcome
///   favourable_label: "yes"     # required when the label holds text
///   delimiter: ","              # optional
///   missing: ["", NA, "?"]      # optional; replaces the default missing-value tokens
///   column_types: {zip: categorical}
/// ```
public struct DataDeclaration: Sendable, Equatable {
  /// The data file's path, resolved against the manifest's folder.
  public var path: String
  /// The path as written in the manifest.
  public var writtenPath: String
  /// The column of stable row ids, if any; rows are otherwise identified by 0-based index.
  public var idColumn: String?
  /// The column of true outcomes, if any.
  public var label: String?
  /// The label's favourable value; `nil` for a 0/1 label, where 1 is favourable.
  public var favourableLabel: String?
  /// Column types that override inference, by header name.
  public var columnTypes: [String: ColumnType]
  /// How to read the file.
  ///
  /// ``columnTypes`` are passed as `columnTypeHints`, so reading never fails on a name the
  /// file lacks; ``AuditManifest/validate(against:)`` reports such a name at its place in
  /// the manifest instead. Merge a model's hints under them, the manifest's winning.
  public var csvOptions: CSVOptions

  /// Where the `data:` section starts.
  package var position: SourcePosition
  /// Where the file path is written.
  package var pathPosition: SourcePosition
  /// Where the id column's name is written.
  package var idColumnPosition: SourcePosition?
  /// Where the label's name is written.
  package var labelPosition: SourcePosition?
  /// Where the favourable label is written.
  package var favourableLabelPosition: SourcePosition?
  /// Where each key of `column_types` is written.
  package var columnTypePositions: [String: SourcePosition]

  /// Creates a declaration.
  package init(
    path: String, writtenPath: String, idColumn: String? = nil, label: String? = nil,
    favourableLabel: String? = nil, columnTypes: [String: ColumnType] = [:],
    csvOptions: CSVOptions = CSVOptions(), position: SourcePosition,
    pathPosition: SourcePosition, idColumnPosition: SourcePosition? = nil,
    labelPosition: SourcePosition? = nil, favourableLabelPosition: SourcePosition? = nil,
    columnTypePositions: [String: SourcePosition] = [:]
  ) {
    self.path = path
    self.writtenPath = writtenPath
    self.idColumn = idColumn
    self.label = label
    self.favourableLabel = favourableLabel
    self.columnTypes = columnTypes
    self.csvOptions = csvOptions
    self.position = position
    self.pathPosition = pathPosition
    self.idColumnPosition = idColumnPosition
    self.labelPosition = labelPosition
    self.favourableLabelPosition = favourableLabelPosition
    self.columnTypePositions = columnTypePositions
  }
}
