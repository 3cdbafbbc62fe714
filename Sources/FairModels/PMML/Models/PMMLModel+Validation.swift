extension PMMLModel {
  /// The rows of `matrix` that the model cannot score, with the reason for each.
  ///
  /// These are exactly the rows whose margin is NaN. A row is listed once, with the first
  /// reason met while evaluating it.
  ///
  /// - Parameter matrix: The rows, bound to ``features``.
  /// - Returns: The issues, in row order.
  /// - Complexity: O(*n*) model evaluations for *n* rows.
  public func rowIssues(_ matrix: FeatureMatrix) -> [PMMLRowIssue] {
    precondition(
      matrix.featureCount == features.count,
      "'matrix' has \(matrix.featureCount) features; the model reads \(features.count)")
    guard matrix.rowCount > 0 else { return [] }
    let batch = matrix.batch(rows: 0..<matrix.rowCount)
    var context = PMMLRowContext(program: program, batch: batch)
    var issues: [PMMLRowIssue] = []
    for row in 0..<matrix.rowCount {
      context.begin(row: row)
      let prediction = context.predict(program.root)
      if let failure = context.failure {
        issues.append(
          PMMLRowIssue(
            row: row, kind: failure.kind, field: failure.field, message: failure.message))
      } else if margin(of: prediction).isNaN {
        issues.append(
          PMMLRowIssue(
            row: row, kind: .noPrediction, field: nil,
            message: "the model returns no prediction for this row"))
      }
    }
    return issues
  }

  /// Throws if the model cannot score some row of `matrix`.
  ///
  /// - Parameters:
  ///   - matrix: The rows, bound to ``features``.
  ///   - dataFile: The data file's name, for the message.
  /// - Throws: `ModelError` of kind `invalidInput`, naming the data file, the first row that cannot be
  ///   scored, the field and the reason, with the number of such rows.
  /// - Complexity: O(*n*) model evaluations for *n* rows.
  public func validate(_ matrix: FeatureMatrix, dataFile: String? = nil) throws {
    let issues = rowIssues(matrix)
    guard let first = issues.first else { return }
    var message = "the model '\(file)' refuses the row: "
    if let field = first.field { message += "field '\(field)': " }
    message += first.message
    if issues.count > 1 { message += " (\(issues.count - 1) more rows are refused too)" }
    throw ModelError(
      .invalidInput, file: dataFile ?? file, place: "data row \(first.row)", message: message)
  }
}
