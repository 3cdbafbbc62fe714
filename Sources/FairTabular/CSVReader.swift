import _FairSupport

/// Reads a delimited text file with a header row into a typed ``Dataset``.
///
/// The reader follows RFC 4180 (quoted fields, doubled quotes, delimiters and line breaks
/// inside quotes) and accepts LF or CRLF line ends, a UTF-8 byte-order mark and a
/// configurable delimiter. Blank lines are skipped. A column is numeric when every
/// non-missing cell parses as a number, categorical otherwise, unless
/// ``CSVOptions/columnTypes`` says which.
///
/// The file is streamed through a fixed buffer; memory stays near the size of the parsed
/// columns. A column that looks numeric for a while and then turns out categorical is
/// re-encoded by a second pass over the file, so the levels keep first-appearance order.
///
/// ```swift
/// let data = try CSVReader().read(contentsOf: "fixtures/data/adult/adult.csv")
/// print(data.rowCount)  // 48842
/// ```
public struct CSVReader: Sendable {
  /// How the file is read.
  public var options: CSVOptions
  /// The number of threads that convert columns; the result does not depend on it.
  public var threads: Int
  /// The size of the read buffer; small values let tests put records across chunk edges.
  var chunkSize = 4 << 20

  /// Creates a reader.
  ///
  /// - Parameters:
  ///   - options: How the file is read.
  ///   - threads: How many threads convert columns (each column is converted by one thread,
  ///     in row order, so the result is the same for any number); all processors by default.
  public init(options: CSVOptions = CSVOptions(), threads: Int? = nil) {
    self.options = options
    self.threads = max(1, threads ?? ProcessorCount.online)
  }

  /// Reads the file at `path`.
  ///
  /// - Parameter path: The file to read; error messages name it as given.
  /// - Returns: The typed columns, in file order.
  /// - Throws: `DataError` naming the file, line and column of the first problem: a file
  ///   that is missing or empty, a ragged row, an unterminated quote, an empty or duplicate
  ///   header name, invalid UTF-8, or a non-number in a column declared numeric.
  /// - Complexity: O(*b*) for a file of *b* bytes; a second pass when a column changes
  ///   type late.
  public func read(contentsOf path: String) throws -> Dataset {
    try CNumericLocale.run { try readInCLocale(path) }
  }

  private func readInCLocale(_ path: String) throws -> Dataset {
    try validateOptions(path: path)
    var tokenizer = CSVTokenizer(path: path, delimiter: options.delimiter)
    tokenizer.chunkSize = chunkSize
    var sink = BuildingSink(
      path: path, options: options, missing: MissingTokenMatcher(options.missingTokens),
      threads: threads)
    try tokenizer.scan(into: &sink)
    guard sink.hasHeader else {
      throw DataError(.emptyFile, file: path, message: DataError.Message.emptyFile)
    }
    if sink.builders.contains(where: \.needsRescan) {
      var rescan = RescanSink(first: sink)
      try tokenizer.scan(into: &rescan)
      sink.builders = rescan.builders
    }
    return Dataset(columns: sink.builders.map { $0.build() }, rowCount: sink.rowCount)
  }

  private func validateOptions(path: String) throws(DataError) {
    let delimiter = options.delimiter
    guard delimiter < 0x80, delimiter != CSVTokenizer.quote,
      delimiter != CSVTokenizer.lineFeed, delimiter != CSVTokenizer.carriageReturn
    else {
      throw DataError(
        .invalidOption, file: path,
        message: "delimiter must be an ASCII character other than a quote or line end")
    }
  }
}

/// The first pass: reads the header, then fills one builder per column.
///
/// Records are collected per buffer fill (their spans point into the buffer) and converted
/// at the end of the fill, column by column, in parallel: each column is converted by one
/// thread in row order, so the result does not depend on the thread count. Of the errors
/// found in a fill, the one on the earliest line (then leftmost column) is thrown.
private struct BuildingSink: CSVRecordSink {
  let path: String
  let options: CSVOptions
  let missing: MissingTokenMatcher
  let threads: Int
  var builders: [ColumnBuilder] = []
  var hasHeader = false
  var rowCount = 0
  private var pending: [FieldSpan] = []
  private var pendingCount = 0

  init(path: String, options: CSVOptions, missing: MissingTokenMatcher, threads: Int) {
    self.path = path
    self.options = options
    self.missing = missing
    self.threads = threads
  }

  mutating func consume(_ record: CSVRecord) throws(DataError) {
    if record.isBlank { return }
    guard hasHeader else {
      try readHeader(record)
      return
    }
    try checkWidth(record, expected: builders.count, builders: builders, path: path)
    pending.append(contentsOf: record.fields)
    pendingCount += 1
    rowCount += 1
    // Convert in blocks small enough for the spans to stay in cache while every column
    // walks them; the spans stay valid until the buffer is refilled.
    if pendingCount == Self.blockRows { try endOfBuffer(record.bytes) }
  }

  private static let blockRows = 1024

  mutating func endOfBuffer(_ bytes: UnsafeBufferPointer<UInt8>) throws(DataError) {
    guard pendingCount > 0 else { return }
    let failure = ColumnConversion.run(
      builders: &builders, spans: pending, rows: pendingCount, bytes: bytes,
      missing: missing, path: path, threads: threads)
    pending.removeAll(keepingCapacity: true)
    pendingCount = 0
    if let failure { throw failure }
  }

  private mutating func readHeader(_ record: CSVRecord) throws(DataError) {
    var firstPosition: [String: Int] = [:]
    for index in record.fields.indices {
      let field = record.fields[index]
      guard let name = String(validating: record.contentBytes(index), as: UTF8.self) else {
        throw DataError(
          .invalidUTF8, file: path, line: field.line, column: .init(index: index + 1, name: nil),
          message: "header name is not valid UTF-8")
      }
      let reference = DataError.ColumnReference(index: index + 1, name: name)
      if name.allSatisfy({ $0 == " " }) {
        throw DataError(
          .emptyHeader, file: path, line: field.line,
          column: .init(index: index + 1, name: nil), message: DataError.Message.emptyHeader)
      }
      if let first = firstPosition[name] {
        throw DataError(
          .duplicateHeader, file: path, line: field.line, column: reference,
          message: DataError.Message.duplicateHeader(firstAt: first))
      }
      firstPosition[name] = index + 1
      builders.append(
        ColumnBuilder(
          name: name, position: index + 1,
          declaredType: options.columnTypes[name] ?? options.columnTypeHints[name]))
    }
    for name in options.columnTypes.keys.sorted() where firstPosition[name] == nil {
      var message = "a column type is given for '\(name)', which is not in the header"
      if let suggestion = closestMatch(to: name, among: builders.map(\.name)) {
        message += "; did you mean '\(suggestion)'?"
      }
      throw DataError(.unknownColumn, file: path, line: record.line, message: message)
    }
    hasHeader = true
  }
}

/// The second pass: re-encodes, from the start, the columns that turned categorical late.
private struct RescanSink: CSVRecordSink {
  var builders: [ColumnBuilder]
  let path: String
  let missing: MissingTokenMatcher
  let rescanned: [Int]
  var isHeader = true

  init(first: BuildingSink) {
    builders = first.builders
    path = first.path
    missing = first.missing
    rescanned = first.builders.indices.filter { first.builders[$0].needsRescan }
    for index in rescanned { builders[index].restartAsCategorical() }
  }

  mutating func consume(_ record: CSVRecord) throws(DataError) {
    if record.isBlank { return }
    if isHeader {
      isHeader = false
      return
    }
    for index in rescanned {
      let field = record.fields[index]
      try builders[index].append(
        record.bytes, field: field, isMissing: missing.isMissing(field.raw(in: record.bytes)),
        path: path)
    }
  }

  mutating func endOfBuffer(_ bytes: UnsafeBufferPointer<UInt8>) throws(DataError) {}
}

private func checkWidth(
  _ record: CSVRecord, expected: Int, builders: [ColumnBuilder], path: String
) throws(DataError) {
  let found = record.fields.count
  guard found != expected else { return }
  let message = DataError.Message.expectedFields(expected, found: found)
  if found < expected {
    throw DataError(
      .raggedRow, file: path, line: record.line,
      column: .init(index: found + 1, name: builders[found].name), message: message)
  }
  throw DataError(
    .raggedRow, file: path, line: record.fields[expected].line,
    column: .init(index: expected + 1, name: nil), message: message)
}
