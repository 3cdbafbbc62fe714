/// A syntax error found by ``JSONParser``: where and what.
struct JSONSyntaxError: Error {
  /// The byte offset of the problem.
  var offset: Int
  /// What is wrong, lower-case with no final period.
  var message: String

  /// The 1-based line and column (in bytes) of `offset`.
  static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    let end = min(offset, bytes.count)
    for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    return (line, end - lineStart + 1)
  }

  /// The error as a model error of kind `malformed`.
  func modelError(in bytes: [UInt8], file: String) -> ModelError {
    let (line, column) = JSONSyntaxError.lineAndColumn(of: offset, in: bytes)
    return ModelError(
      .malformed, file: file, line: line,
      message: "invalid JSON at column \(column) (byte \(offset)): \(message)")
  }
}
