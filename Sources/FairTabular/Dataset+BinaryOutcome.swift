extension Dataset {
  /// A column read as a binary outcome: 1 where it holds the positive value, 0 elsewhere.
  ///
  /// A numeric column must hold only 0 and 1 (then `positive`, if given, must be `1` or
  /// `0`, and says which is positive); a categorical column needs `positive`, one of its
  /// labels. Missing cells are refused: an outcome cannot be guessed.
  ///
  /// - Parameters:
  ///   - name: The column's header name.
  ///   - positive: The positive value's text, when the column holds labels.
  ///   - role: What the column is for, as messages name it (`the label column`).
  ///   - file: The data file's path, for messages.
  /// - Returns: One value per row, 0 or 1.
  /// - Throws: `DataError` naming the file and the column: an unknown column, a numeric
  ///   value other than 0 or 1, a missing cell, labels with no `positive`, or a `positive`
  ///   that is not among the labels.
  /// - Complexity: O(*n*) for *n* rows.
  public func binaryOutcome(
    column name: String, positive: String?, role: String = "the label column", file: String
  ) throws -> [Double] {
    let (column, reference) = try requireColumn(named: name, role: role, file: file)
    switch column {
    case .numeric(let numbers):
      if let row = numbers.values.firstIndex(where: { $0.isNaN }) {
        throw DataError(
          .expectedNumber, file: file, column: reference,
          message: DataError.Message.missingOutcome(row: row))
      }
      if let bad = numbers.values.first(where: { $0 != 0 && $0 != 1 }) {
        throw DataError(
          .expectedNumber, file: file, column: reference,
          message: "a numeric outcome must be 0 or 1, found \(bad)")
      }
      switch positive {
      case nil, "1", "1.0": return numbers.values
      case "0", "0.0": return numbers.values.map { 1 - $0 }
      case let other?:
        throw DataError(
          .unknownCategory, file: file, column: reference,
          message: "the positive value '\(other)' is not a value of the column (it holds 0 and 1)")
      }
    case .categorical(let labels):
      guard let positive else {
        throw DataError(
          .invalidOption, file: file, column: reference,
          message: "the label '\(name)' holds text ("
            + labels.levels.prefix(3).joined(separator: ", ")
            + "); say which value is positive")
      }
      guard let code = labels.levels.firstIndex(of: positive) else {
        throw DataError(
          .unknownCategory, file: file, column: reference,
          message: "the positive value '\(positive)' is not a value of the column")
      }
      if let row = labels.codes.firstIndex(of: CategoricalColumn.missingCode) {
        throw DataError(
          .expectedNumber, file: file, column: reference,
          message: DataError.Message.missingOutcome(row: row))
      }
      return labels.codes.map { $0 == Int32(code) ? 1 : 0 }
    }
  }
}

extension DataError.Message {
  static func missingOutcome(row: Int) -> String {
    "the outcome is missing in data row \(row) (0-based); every row needs one"
  }
}
