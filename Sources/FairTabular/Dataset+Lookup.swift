import _FairSupport

extension Dataset {
  /// The column named `name`, or a located error that suggests the nearest header name.
  ///
  /// - Parameters:
  ///   - name: The header name.
  ///   - role: What the column is for, as the message names it (`the label column`).
  ///   - file: The data file's path, for the message.
  /// - Returns: The column and its 1-based position, as messages name it.
  /// - Throws: `DataError` of kind `unknownColumn`, with "did you mean" when a header is near.
  public func requireColumn(named name: String, role: String, file: String) throws
    -> (column: Column, reference: DataError.ColumnReference)
  {
    guard let index = columnIndex(named: name) else {
      var message = "\(role) '\(name)' is not a column of the file"
      if let near = closestMatch(to: name, among: columnNames) {
        message += "; did you mean '\(near)'?"
      }
      throw DataError(.unknownColumn, file: file, message: message)
    }
    return (columns[index], DataError.ColumnReference(index: index + 1, name: name))
  }
}
