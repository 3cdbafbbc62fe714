extension FindingsDocument {
  /// The data file an audit read.
  public struct DataFile: Codable, Sendable, Equatable {
    /// The path as the manifest gave it.
    public var path: String
    /// The SHA-256 digest of the file's bytes, lower-case hexadecimal.
    public var sha256: String
    /// The number of data rows in the file.
    public var rows: Int
    /// The number of rows the audit scored and counted.
    ///
    /// Every row, since a row without a usable score or label stops the audit. A row of
    /// unknown category is left out of that grouping's comparisons only
    /// (``Grouping/unknownCount``), not of the audit.
    public var rowsUsed: Int

    /// Creates a data file record.
    public init(path: String, sha256: String, rows: Int, rowsUsed: Int) {
      self.path = path
      self.sha256 = sha256
      self.rows = rows
      self.rowsUsed = rowsUsed
    }
  }
}
