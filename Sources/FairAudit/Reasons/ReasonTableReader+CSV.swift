import _FairSupport

extension ReasonTableReader {
  /// The columns of a CSV reason table.
  static let csvColumns = ["code", "text", "features", "prohibited_basis"]

  /// Reads the entries of a CSV table, recording problems in `diagnostics`.
  ///
  /// Fields are separated by commas; a field may be quoted with `"` (a doubled quote inside
  /// is one quote) and may then hold commas, but not line breaks. Blank lines are skipped.
  func csvEntries(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> [Entry] {
    var records: [(line: Int, fields: [String])] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      if line.trimmedOfSpaces.isEmpty { continue }
      guard let fields = ReasonTableReader.fields(of: line) else {
        diagnostics.append(
          Diagnostic(
            file: file, line: lineNumber, message: ReasonTableError.Message.unterminatedQuote))
        continue
      }
      records.append((lineNumber, fields))
    }
    guard let header = records.first else {
      diagnostics.append(Diagnostic(file: file, line: 1, message: ReasonTableError.Message.noCodes))
      return []
    }
    let names = header.fields.map { String($0.trimmedOfSpaces) }
    var problem = false
    for (index, name) in names.enumerated() where !ReasonTableReader.csvColumns.contains(name) {
      diagnostics.append(
        Diagnostic(
          file: file, line: header.line,
          message: "column \(index + 1): " + ReasonTableError.Message.unknownColumn(name)))
      problem = true
    }
    for required in ["code", "text", "features"] where !names.contains(required) {
      diagnostics.append(
        Diagnostic(
          file: file, line: header.line,
          message: ReasonTableError.Message.missingColumn(required)))
      problem = true
    }
    guard !problem, let codeColumn = names.firstIndex(of: "code"),
      let textColumn = names.firstIndex(of: "text"),
      let featureColumn = names.firstIndex(of: "features")
    else { return [] }
    let basisColumn = names.firstIndex(of: "prohibited_basis")
    if records.count == 1 {
      diagnostics.append(
        Diagnostic(file: file, line: header.line, message: ReasonTableError.Message.noCodes))
    }
    var entries: [Entry] = []
    for record in records.dropFirst() {
      guard record.fields.count == names.count else {
        diagnostics.append(
          Diagnostic(
            file: file, line: record.line,
            message: ReasonTableError.Message.fieldCount(
              record.fields.count, expected: names.count)))
        continue
      }
      let place = { (column: Int) in
        Place(line: record.line, column: column + 1, columnName: names[column])
      }
      let code = String(record.fields[codeColumn].trimmedOfSpaces)
      let text = String(record.fields[textColumn].trimmedOfSpaces)
      if code.isEmpty {
        diagnostics.append(
          diagnostic(ReasonTableError.Message.empty("code"), at: place(codeColumn), file: file))
        continue
      }
      if text.isEmpty {
        diagnostics.append(
          diagnostic(
            ReasonTableError.Message.empty("reason text"), at: place(textColumn), file: file))
      }
      let features = record.fields[featureColumn].split(separator: ";")
        .map { String($0.trimmedOfSpaces) }.filter { !$0.isEmpty }
      if features.isEmpty {
        diagnostics.append(
          diagnostic(
            ReasonTableError.Message.empty("feature list"), at: place(featureColumn), file: file)
        )
      }
      let basis = basisColumn.map { String(record.fields[$0].trimmedOfSpaces) }
      entries.append(
        Entry(
          code: code, codePlace: place(codeColumn), text: text,
          features: features.map { ($0, place(featureColumn)) },
          prohibitedBasis: basis?.isEmpty == false ? basis : nil))
    }
    return entries
  }

  /// The fields of one CSV line, or `nil` when a quote is not closed.
  static func fields(of line: Substring) -> [String]? {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if quoted {
        if character == "\"" {
          let next = line.index(after: index)
          if next < line.endIndex && line[next] == "\"" {
            current.append("\"")
            index = next
          } else {
            quoted = false
          }
        } else {
          current.append(character)
        }
      } else if character == "\"" && current.trimmedOfSpaces.isEmpty {
        current = ""
        quoted = true
      } else if character == "," {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
      index = line.index(after: index)
    }
    guard !quoted else { return nil }
    fields.append(current)
    return fields
  }
}
