/// A recursive-descent JSON parser over bytes.
///
/// Strict RFC 8259, plus the tokens `NaN`, `Infinity` and `-Infinity` that XGBoost writes.
/// Nesting is limited to ``maximumDepth`` levels so hostile input cannot exhaust the stack.
struct JSONParser {
  /// The deepest nesting accepted; XGBoost models nest about 8 levels.
  static let maximumDepth = 256

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var depth = 0

  /// Creates a parser over `bytes`, which must outlive it.
  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Parses one value that fills the whole input (white space aside).
  mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      position = 3
    }
    skipWhiteSpace()
    guard position < bytes.count else { throw fail("the file holds no JSON value") }
    let value = try parseValue()
    skipWhiteSpace()
    guard position == bytes.count else {
      throw fail("unexpected \(describeByte()) after the end of the top-level value")
    }
    return value
  }

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    guard position < bytes.count else { throw fail("unexpected end of the file; expected a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectWord("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"),
      UInt8(ascii: "I"):
      return .number(try parseNumber())
    default:
      throw fail("unexpected \(describeByte()); expected a value")
    }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try enterContainer()
    position += 1
    var members: [(key: String, value: JSONValue)] = []
    skipWhiteSpace()
    if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return .object(JSONObject(members: members))
    }
    while true {
      skipWhiteSpace()
      guard position < bytes.count else {
        throw fail("unexpected end of the file inside an object; expected a member name")
      }
      guard bytes[position] == UInt8(ascii: "\"") else {
        throw fail("unexpected \(describeByte()); expected a member name in double quotes")
      }
      let key = try parseString()
      skipWhiteSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw fail("expected ':' after the member name '\(key)', found \(describeByte())")
      }
      position += 1
      skipWhiteSpace()
      members.append((key, try parseValue()))
      skipWhiteSpace()
      guard position < bytes.count else {
        throw fail("unexpected end of the file inside an object; expected ',' or '}'")
      }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "}") else {
        throw fail("expected ',' or '}' after the member '\(key)', found \(describeByte())")
      }
      position += 1
      depth -= 1
      return .object(JSONObject(members: members))
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try enterContainer()
    position += 1
    var elements: [JSONValue] = []
    skipWhiteSpace()
    if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhiteSpace()
      elements.append(try parseValue())
      skipWhiteSpace()
      guard position < bytes.count else {
        throw fail("unexpected end of the file inside an array; expected ',' or ']'")
      }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "]") else {
        throw fail("expected ',' or ']' after an array element, found \(describeByte())")
      }
      position += 1
      depth -= 1
      return .array(elements)
    }
  }

  private mutating func enterContainer() throws(JSONSyntaxError) {
    depth += 1
    guard depth <= JSONParser.maximumDepth else {
      throw fail("values are nested more than \(JSONParser.maximumDepth) levels deep")
    }
  }

  /// Parses a string starting at its opening quote.
  private mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = position
    position += 1
    var scan = position
    // Fast path: no escapes.
    while scan < bytes.count {
      let byte = bytes[scan]
      if byte == UInt8(ascii: "\"") {
        let content = UnsafeBufferPointer(rebasing: bytes[position..<scan])
        guard let text = String(validating: content, as: UTF8.self) else {
          position = start
          throw fail("a string is not valid UTF-8")
        }
        position = scan + 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 {
        position = scan
        throw fail("a control character must be escaped inside a string")
      }
      scan += 1
    }
    return try parseEscapedString(from: start)
  }

  private mutating func parseEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
    var utf8: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
          position = start
          throw fail("a string is not valid UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        position += 1
        try appendEscape(to: &utf8)
      case 0..<0x20:
        throw fail("a control character must be escaped inside a string")
      default:
        utf8.append(byte)
        position += 1
      }
    }
    position = start
    throw fail("unexpected end of the file inside a string")
  }

  private mutating func appendEscape(to utf8: inout [UInt8]) throws(JSONSyntaxError) {
    guard position < bytes.count else { throw fail("unexpected end of the file in an escape") }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
    case UInt8(ascii: "b"): utf8.append(0x08)
    case UInt8(ascii: "f"): utf8.append(0x0C)
    case UInt8(ascii: "n"): utf8.append(0x0A)
    case UInt8(ascii: "r"): utf8.append(0x0D)
    case UInt8(ascii: "t"): utf8.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try parseHex4()
      if (0xD800..<0xDC00).contains(scalar) {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        else { throw fail("a high surrogate escape is not followed by a low surrogate") }
        position += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else {
          throw fail("a high surrogate escape is not followed by a low surrogate")
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let unicode = Unicode.Scalar(scalar) else {
        throw fail("the escape '\\u\(String(scalar, radix: 16))' is not a Unicode scalar")
      }
      utf8.append(contentsOf: String(Character(unicode)).utf8)
    default:
      position -= 1
      throw fail("'\\\(describeByte())' is not a JSON escape")
    }
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < bytes.count else { throw fail("unexpected end of the file in an escape") }
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw fail("expected a hexadecimal digit in a '\\u' escape, found \(describeByte())")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  /// Checks the number grammar and records where the token is.
  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
    let start = position
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    if position < bytes.count && bytes[position] == UInt8(ascii: "N") {
      if position == start {
        try expectWord("NaN")
        return token(from: start)
      }
    }
    if position < bytes.count && bytes[position] == UInt8(ascii: "I") {
      try expectWord("Infinity")
      return token(from: start)
    }
    guard position < bytes.count, isDigit(bytes[position]) else {
      throw fail("expected a digit in a number, found \(describeByte())")
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }
    if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard position < bytes.count, isDigit(bytes[position]) else {
        throw fail("expected a digit after the decimal point, found \(describeByte())")
      }
      while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }
    if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count
        && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
      {
        position += 1
      }
      guard position < bytes.count, isDigit(bytes[position]) else {
        throw fail("expected a digit in the exponent, found \(describeByte())")
      }
      while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }
    return token(from: start)
  }

  private func token(from start: Int) -> JSONNumber {
    JSONNumber(offset: start, length: position - start)
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
    let start = position
    let count = word.utf8CodeUnitCount
    let matches = word.withUTF8Buffer { expected in
      position + count <= bytes.count
        && (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
    }
    guard matches else {
      throw fail("expected '\(word)', found \(describeByte())")
    }
    position = start + count
  }

  private mutating func skipWhiteSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  /// The byte at the current position, for messages: `'x'`, or "the end of the file".
  private func describeByte() -> String {
    guard position < bytes.count else { return "the end of the file" }
    let byte = bytes[position]
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(String(byte, radix: 16, uppercase: true))"
  }

  private func fail(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: position, message: message)
  }
}
