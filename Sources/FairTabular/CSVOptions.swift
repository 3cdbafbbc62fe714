/// How to read a delimited text file.
public struct CSVOptions: Sendable, Equatable {
  /// The byte that separates fields: `,` by default; `;`, tab and `|` are common too.
  public var delimiter: UInt8
  /// Cell texts that mean "missing", compared after trimming spaces around unquoted cells.
  public var missingTokens: Set<String>
  /// Column types that replace the inferred ones, by header name; naming a column the file
  /// lacks is an error.
  public var columnTypes: [String: ColumnType]
  /// Column types that replace the inferred ones where ``columnTypes`` says nothing.
  ///
  /// Names the file lacks are ignored. A model's declared field types come in here, so a
  /// missing column is reported when the rows are bound to the model, with its words.
  public var columnTypeHints: [String: ColumnType] = [:]

  /// The default missing-value tokens: the empty cell, `NA`, `N/A`, `NaN`, `null` and `?`.
  public static let defaultMissingTokens: Set<String> = ["", "NA", "N/A", "NaN", "null", "?"]

  /// Creates reading options.
  ///
  /// - Parameters:
  ///   - delimiter: The field separator, an ASCII byte other than a quote or line end.
  ///   - missingTokens: Cell texts that mean "missing".
  ///   - columnTypes: Types that override inference, by header name.
  public init(
    delimiter: UInt8 = UInt8(ascii: ","),
    missingTokens: Set<String> = CSVOptions.defaultMissingTokens,
    columnTypes: [String: ColumnType] = [:]
  ) {
    self.delimiter = delimiter
    self.missingTokens = missingTokens
    self.columnTypes = columnTypes
  }
}
