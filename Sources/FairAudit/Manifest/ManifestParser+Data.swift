import FairPolicy
import FairTabular
import _FairSupport

extension ManifestParser {
  /// The keys of `data:`.
  static let dataKeys = [
    "file", "id_column", "label", "favourable_label", "delimiter", "missing", "column_types",
  ]

  /// The `data:` section.
  func data(_ node: YAMLNode) -> DataDeclaration? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.dataKeys, requiredKeys: ["file"], in: "the data")
    else { return nil }
    // When the rows come from elsewhere (a partition of them), the data file need not be
    // on this machine.
    let file =
      rowsGivenElsewhere
      ? mapping["file"].flatMap { name($0, what: "data file") }.map { ($0, resolve($0)) }
      : existingFile(mapping["file"], role: "data file")
    let idColumn = mapping["id_column"].flatMap { name($0, what: "id column") }
    let label = mapping["label"].flatMap { name($0, what: "label column") }
    let favourableLabel = mapping["favourable_label"].flatMap { reader.string($0) }
    if mapping["label"] == nil, let position = mapping.keyPosition(of: "favourable_label") {
      reader.error(Message.favourableLabelNeedsLabel, at: position)
    }
    var options = CSVOptions()
    if let delimiter = mapping["delimiter"].flatMap({ delimiter($0) }) {
      options.delimiter = delimiter
    }
    if let missing = mapping["missing"].flatMap({ reader.stringList($0, acceptingSingle: true) }) {
      options.missingTokens = Set(missing)
    }
    var columnTypes: [String: ColumnType] = [:]
    var columnTypePositions: [String: SourcePosition] = [:]
    if let typesNode = mapping["column_types"], let types = reader.freeMapping(typesNode) {
      for entry in types.entries {
        guard let type = choice(entry.value, of: ColumnType.self) else { continue }
        columnTypes[entry.key] = type
        columnTypePositions[entry.key] = entry.keyPosition
      }
    }
    options.columnTypeHints = columnTypes
    guard let file, let pathNode = mapping["file"] else { return nil }
    return DataDeclaration(
      path: file.path, writtenPath: file.written, idColumn: idColumn, label: label,
      favourableLabel: favourableLabel, columnTypes: columnTypes, csvOptions: options,
      position: mapping.position, pathPosition: pathNode.position,
      idColumnPosition: mapping["id_column"]?.position, labelPosition: mapping["label"]?.position,
      favourableLabelPosition: mapping["favourable_label"]?.position,
      columnTypePositions: columnTypePositions)
  }

  /// A delimiter: one ASCII character other than a quote or a line end; `tab` or `\t`
  /// (written as two characters) for a tab.
  private func delimiter(_ node: YAMLNode) -> UInt8? {
    guard let text = reader.string(node) else { return nil }
    if text == "tab" || text == "\\t" { return UInt8(ascii: "\t") }
    let scalars = Array(text.unicodeScalars)
    guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII,
      !["\"", "\n", "\r"].contains(scalar)
    else {
      reader.error(Message.badDelimiter(text), at: node.position)
      return nil
    }
    return UInt8(scalar.value)
  }
}
