/// Splits the UTF-8 text of a loss expression into tokens.
///
/// Reports every character no token starts with and every malformed number, and keeps
/// going, so one pass shows all of them; the parser treats the placeholders it leaves as
/// operands (or operators) already reported.
struct LossLexer {
  /// The text.
  let bytes: [UInt8]

  /// The tokens, ending with `.end`, and the problems found.
  func tokenize() -> (tokens: [LossToken], problems: [LossRawProblem]) {
    var tokens: [LossToken] = []
    var problems: [LossRawProblem] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let start = index
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
      {
        index += 1
        continue
      }
      if Self.isDigit(byte) || byte == UInt8(ascii: ".") {
        let (end, token, problem) = number(at: start)
        index = end
        tokens.append(token)
        if let problem { problems.append(problem) }
        continue
      }
      if Self.isIdentifierStart(byte) {
        index += 1
        while index < bytes.count && Self.isIdentifierContinuation(bytes[index]) { index += 1 }
        tokens.append(LossToken(kind: .identifier, range: start..<index))
        continue
      }
      let next = index + 1 < bytes.count ? bytes[index + 1] : 0
      let kind: LossToken.Kind?
      var length = 1
      switch byte {
      case UInt8(ascii: "+"): kind = .plus
      case UInt8(ascii: "-"): kind = .minus
      case UInt8(ascii: "*"): kind = .star
      case UInt8(ascii: "/"): kind = .slash
      case UInt8(ascii: "^"): kind = .caret
      case UInt8(ascii: "("): kind = .leftParenthesis
      case UInt8(ascii: ")"): kind = .rightParenthesis
      case UInt8(ascii: ","): kind = .comma
      case UInt8(ascii: "<"):
        kind = next == UInt8(ascii: "=") ? .lessOrEqual : .less
        length = next == UInt8(ascii: "=") ? 2 : 1
      case UInt8(ascii: ">"):
        kind = next == UInt8(ascii: "=") ? .greaterOrEqual : .greater
        length = next == UInt8(ascii: "=") ? 2 : 1
      case UInt8(ascii: "=") where next == UInt8(ascii: "="):
        kind = .equal
        length = 2
      case UInt8(ascii: "!") where next == UInt8(ascii: "="):
        kind = .notEqual
        length = 2
      default: kind = nil
      }
      if let kind {
        index += length
        tokens.append(LossToken(kind: kind, range: start..<index))
        continue
      }
      // One whole Unicode scalar: the lead byte and its continuation bytes.
      index += 1
      while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      problems.append(
        LossRawProblem(
          range: start..<index,
          message: LossExpressionError.Message.unexpectedCharacter(text)))
      tokens.append(LossToken(kind: .invalid, range: start..<index))
    }
    tokens.append(LossToken(kind: .end, range: bytes.count..<bytes.count))
    return (tokens, problems)
  }

  /// Reads a number literal starting at `start`: digits and points, then an optional
  /// exponent (`e`, an optional sign, digits).
  private func number(at start: Int) -> (end: Int, token: LossToken, problem: LossRawProblem?) {
    var index = start
    var points = 0
    var digits = 0
    while index < bytes.count && (Self.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".")) {
      if bytes[index] == UInt8(ascii: ".") { points += 1 } else { digits += 1 }
      index += 1
    }
    var isValid = points <= 1 && digits > 0
    if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count
        && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
      {
        index += 1
      }
      let exponentStart = index
      while index < bytes.count && Self.isDigit(bytes[index]) { index += 1 }
      if index == exponentStart { isValid = false }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isValid, let value = Double(text) {
      if value.isFinite {
        return (index, LossToken(kind: .number(value), range: start..<index), nil)
      }
      let problem = LossRawProblem(
        range: start..<index, message: LossExpressionError.Message.numberOutOfRange(text))
      return (index, LossToken(kind: .invalidNumber, range: start..<index), problem)
    }
    let problem = LossRawProblem(
      range: start..<index, message: LossExpressionError.Message.invalidNumber(text))
    return (index, LossToken(kind: .invalidNumber, range: start..<index), problem)
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  static func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
      || byte == UInt8(ascii: "_")
  }

  static func isIdentifierContinuation(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte)
  }
}
