/// Reads a command's standard output: one number per line, after an optional header line.
///
/// The first line may be the header `prediction` or `score` (any case, surrounding spaces
/// ignored). Every other line holds one number, with optional surrounding spaces or tabs and
/// an optional carriage return; a final line feed is optional. NaN is rejected, and for
/// probabilities so is anything outside `[0, 1]`.
enum CommandOutputParser {
  /// A problem with the output, at a 1-based line of standard output.
  struct Problem: Error, Sendable {
    var line: Int?
    var message: String
  }

  /// The numbers of `output`, exactly `expectedCount` of them.
  ///
  /// - Throws: ``Problem`` naming the first bad line, or the count found.
  /// - Complexity: O(*b*) for *b* bytes.
  static func parse(
    _ output: [UInt8], expectedCount: Int, probabilities: Bool
  ) throws(Problem) -> [Double] {
    var numbers: [Double] = []
    numbers.reserveCapacity(expectedCount)
    var lineNumber = 0
    var start = 0
    let end = output.count
    while start < end {
      var stop = start
      while stop < end && output[stop] != UInt8(ascii: "\n") { stop += 1 }
      lineNumber += 1
      let text = trimmed(output[start..<stop])
      start = stop + 1
      if lineNumber == 1 && isHeader(text) { continue }
      guard numbers.count < expectedCount else {
        throw Problem(
          line: lineNumber,
          message: "expected \(expectedCount) numbers, one per row, but found more")
      }
      let field = String(decoding: text, as: UTF8.self)
      guard let value = Double(field), !value.isNaN else {
        throw Problem(line: lineNumber, message: "expected a number, found '\(excerpt(field))'")
      }
      if probabilities && !(0...1).contains(value) {
        throw Problem(
          line: lineNumber, message: "expected a probability in [0, 1], found '\(field)'")
      }
      numbers.append(value)
    }
    guard numbers.count == expectedCount else {
      throw Problem(
        line: nil,
        message: "expected \(expectedCount) numbers, one per row, but found \(numbers.count)")
    }
    return numbers
  }

  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = bytes
    while let first = slice.first, isBlank(first) { slice = slice.dropFirst() }
    while let last = slice.last, isBlank(last) { slice = slice.dropLast() }
    return slice
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
  }

  private static func isHeader(_ text: ArraySlice<UInt8>) -> Bool {
    let lower = String(decoding: text, as: UTF8.self).lowercased()
    return lower == "prediction" || lower == "score"
  }

  /// At most 40 characters of `text`, for messages.
  private static func excerpt(_ text: String) -> String {
    text.count <= 40 ? text : String(text.prefix(40)) + "…"
  }
}
