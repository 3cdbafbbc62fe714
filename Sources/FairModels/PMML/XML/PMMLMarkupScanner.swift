/// Refuses, before the XML parser runs, the well-formed markup that crashes it.
///
/// Fuzzing found two inputs on which swift-corelibs-foundation's `XMLParser` (Swift 6.3, with
/// libxml2 2.9) dereferences a null pointer and kills the process, whatever the delegate does:
///
/// - a processing instruction with no data, such as `<?target?>`: libxml2 hands `XMLParser` a
///   null data pointer, which it passes to `strlen`;
/// - an XML declaration naming an encoding that libxml2 converts through iconv, such as
///   `UTF-32` or `EBCDIC-US`: its push parser crashes in `xmlParseChunk`.
///
/// A PMML file is UTF-8 (the prolog check already refuses UTF-16 and UTF-32 byte orders), so
/// declarations of UTF-8, US-ASCII and ISO-8859-1 are accepted and any other is refused.
/// Comments and CDATA sections are skipped: a `<?` inside them is text.
enum PMMLMarkupScanner {
  /// The encodings a PMML document may declare, lower-cased.
  static let acceptedEncodings: Set<String> = [
    "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "iso_8859-1", "latin1",
  ]

  /// Throws if `bytes` hold a processing instruction without data or declare an encoding
  /// other than UTF-8 or an ASCII subset.
  ///
  /// - Throws: `ModelError` of kind `unsupported`, with the line of the instruction.
  /// - Complexity: O(*b*) for a document of *b* bytes.
  static func check(_ bytes: [UInt8], file: String) throws(ModelError) {
    var position = 0
    var line = 1
    while position < bytes.count {
      let byte = bytes[position]
      if byte == 0x0A {
        line += 1
      } else if byte == 0x3C {  // '<'
        if matches(bytes, at: position, "<!--") {
          guard let end = skip(bytes, from: position + 4, past: "-->", line: &line) else { return }
          position = end
          continue
        }
        if matches(bytes, at: position, "<![CDATA[") {
          guard let end = skip(bytes, from: position + 9, past: "]]>", line: &line) else { return }
          position = end
          continue
        }
        if matches(bytes, at: position, "<?") {
          try checkInstruction(bytes, at: position, line: line, file: file)
        }
      }
      position += 1
    }
  }

  /// Checks the processing instruction at `start` (its `<?`).
  private static func checkInstruction(
    _ bytes: [UInt8], at start: Int, line: Int, file: String
  ) throws(ModelError) {
    var end = start + 2
    while end < bytes.count, !isSpace(bytes[end]), !matches(bytes, at: end, "?>") { end += 1 }
    let target = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
    if matches(bytes, at: end, "?>") {
      throw ModelError(
        .unsupported, file: file, line: line,
        message: Message.instructionWithoutData(target))
    }
    guard target == "xml", let encoding = declaredEncoding(bytes, from: end) else { return }
    if !acceptedEncodings.contains(encoding.lowercased()) {
      throw ModelError(
        .unsupported, file: file, line: line, message: Message.unsupportedEncoding(encoding))
    }
  }

  /// The value of the `encoding` pseudo-attribute of the XML declaration whose target ends
  /// at `start`, if it has one before its `?>`.
  private static func declaredEncoding(_ bytes: [UInt8], from start: Int) -> String? {
    var position = start
    while position < bytes.count, !matches(bytes, at: position, "?>") {
      if matches(bytes, at: position, "encoding") {
        var cursor = position + 8
        while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { return nil }
        cursor += 1
        while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 else {
          return nil
        }
        let quote = bytes[cursor]
        let valueStart = cursor + 1
        guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else { return nil }
        return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
      }
      position += 1
    }
    return nil
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func matches(_ bytes: [UInt8], at position: Int, _ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard position >= 0, position + count <= bytes.count else { return false }
    let pattern = text.utf8Start
    for index in 0..<count where bytes[position + index] != pattern[index] { return false }
    return true
  }

  /// The position just past `terminator`, counting lines, or `nil` if the document ends
  /// first (the parser then reports the unterminated comment or section).
  private static func skip(
    _ bytes: [UInt8], from start: Int, past terminator: StaticString, line: inout Int
  ) -> Int? {
    var position = start
    while position < bytes.count {
      if matches(bytes, at: position, terminator) {
        return position + terminator.utf8CodeUnitCount
      }
      if bytes[position] == 0x0A { line += 1 }
      position += 1
    }
    return nil
  }

  /// The texts of the scanner's errors.
  enum Message {
    /// A processing instruction without data.
    static func instructionWithoutData(_ target: String) -> String {
      "the processing instruction '<?\(target)?>' has no data; the XML parser cannot read "
        + "such an instruction safely: add data after the target or remove it"
    }

    /// An encoding other than UTF-8 or an ASCII subset.
    static func unsupportedEncoding(_ encoding: String) -> String {
      "the document declares the encoding '\(encoding)'; PMML files must be UTF-8 "
        + "(or US-ASCII or ISO-8859-1)"
    }
  }
}
