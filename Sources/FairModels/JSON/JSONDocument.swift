/// A parsed JSON document: the value tree plus the bytes its numbers point into.
///
/// The parser follows RFC 8259 and also accepts the tokens `NaN`, `Infinity` and `-Infinity`,
/// which XGBoost writes for non-finite floats. A syntax error becomes a `ModelError` of kind
/// `malformed` with the 1-based line, the column and the byte offset of the problem.
struct JSONDocument {
  /// The document's bytes.
  let bytes: [UInt8]
  /// The top-level value.
  let root: JSONValue
  /// The file the document came from, as messages name it.
  let fileName: String

  /// Parses `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 JSON text; a leading byte-order mark is skipped.
  ///   - file: The file name, for messages.
  /// - Throws: `ModelError` (`malformed`) at the first syntax error.
  /// - Complexity: O(*b*) for *b* bytes.
  init(parsing bytes: [UInt8], file: String) throws(ModelError) {
    self.bytes = bytes
    self.fileName = file
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer)
      do throws(JSONSyntaxError) {
        return .success(try parser.parseDocument())
      } catch {
        return .failure(error)
      }
    }
    switch result {
    case .success(let value): root = value
    case .failure(let error): throw error.modelError(in: bytes, file: file)
    }
  }

  /// The text of `number`.
  func text(of number: JSONNumber) -> String {
    let start = number.offset
    return bytes.withUnsafeBufferPointer { buffer in
      String(
        decoding: UnsafeBufferPointer(rebasing: buffer[start..<(start + number.length)]),
        as: UTF8.self)
    }
  }

  /// The number as a `Float`, correctly rounded from its text.
  func float(_ number: JSONNumber) -> Float {
    // The parser admitted only valid number tokens, which `Float.init` always reads.
    Float(text(of: number)) ?? .nan
  }

  /// The number as a `Double`, correctly rounded from its text.
  func double(_ number: JSONNumber) -> Double {
    Double(text(of: number)) ?? .nan
  }

  /// The number as an integer, if it is one (`12`, or an integral `1.2E1`) and fits in `Int`.
  func integer(_ number: JSONNumber) -> Int? {
    let text = text(of: number)
    if let value = Int(text) { return value }
    guard let value = Double(text), value == value.rounded(), abs(value) < 9.0e18 else {
      return nil
    }
    return Int(value)
  }

  /// The 1-based line of the byte at `offset`.
  func line(ofOffset offset: Int) -> Int {
    JSONSyntaxError.lineAndColumn(of: offset, in: bytes).line
  }
}
