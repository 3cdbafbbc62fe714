/// Accumulates one column while the file streams past, inferring its type.
///
/// A column starts numeric unless declared categorical. The first non-missing cell that is
/// not a number turns it categorical; if numbers had been seen before that, their texts are
/// gone, so the column is marked for a second pass that re-encodes it from the file.
struct ColumnBuilder {
  let name: String
  /// The 1-based position of the column.
  let position: Int
  let declaredType: ColumnType?
  private(set) var isNumeric: Bool
  private(set) var needsRescan = false
  private var sawNumber = false
  private var values: [Double] = []
  private var codes: [Int32] = []
  private var table = LevelTable()

  init(name: String, position: Int, declaredType: ColumnType?) {
    self.name = name
    self.position = position
    self.declaredType = declaredType
    self.isNumeric = declaredType != .categorical
  }

  private var reference: DataError.ColumnReference { .init(index: position, name: name) }

  /// Appends the cell `field` of a record in `bytes`.
  @inline(__always)
  mutating func append(
    _ bytes: UnsafeBufferPointer<UInt8>, field: FieldSpan, isMissing: Bool, path: String
  ) throws(DataError) {
    if isNumeric {
      if isMissing {
        values.append(.nan)
        return
      }
      if let value = DecimalParser.parse(field.raw(in: bytes)) {
        values.append(value)
        sawNumber = true
        return
      }
      if declaredType == .numeric {
        let found = String(decoding: field.content(in: bytes), as: UTF8.self)
        throw DataError(
          .expectedNumber, file: path, line: field.line, column: reference,
          message: DataError.Message.expectedNumber(found: found))
      }
      becomeCategorical()
    }
    if isMissing {
      codes.append(CategoricalColumn.missingCode)
      return
    }
    codes.append(try code(of: bytes, field: field, path: path))
  }

  @inline(__always)
  private mutating func code(
    of bytes: UnsafeBufferPointer<UInt8>, field: FieldSpan, path: String
  ) throws(DataError) -> Int32 {
    let code: Int32?
    if field.needsUnescape {
      code = field.content(in: bytes).withUnsafeBufferPointer { table.code(for: $0) }
    } else {
      code = table.code(for: field.raw(in: bytes))
    }
    guard let code else {
      throw DataError(
        .invalidUTF8, file: path, line: field.line, column: reference,
        message: DataError.Message.invalidUTF8)
    }
    return code
  }

  @inline(never)
  private mutating func becomeCategorical() {
    isNumeric = false
    needsRescan = sawNumber
    codes = [Int32](repeating: CategoricalColumn.missingCode, count: values.count)
    values = []
  }

  /// Starts the column again as categorical, for the second pass.
  mutating func restartAsCategorical() {
    isNumeric = false
    needsRescan = false
    codes = []
    table = LevelTable()
  }

  /// The finished column.
  func build() -> Column {
    if isNumeric { return .numeric(NumericColumn(name: name, values: values)) }
    return .categorical(CategoricalColumn(name: name, codes: codes, levels: table.levels))
  }
}
