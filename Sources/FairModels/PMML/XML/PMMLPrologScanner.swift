/// Checks the bytes before the root element of an XML document, before any parser runs.
///
/// Only an XML declaration, processing instructions, comments and white space may precede
/// the root element. A document type declaration (`<!DOCTYPE`) — the only place where
/// entities can be declared — is refused, as is any other `<!` markup outside a comment.
enum PMMLPrologScanner {
  /// Throws unless the prolog of `bytes` is safe.
  ///
  /// - Throws: `ModelError` of kind `insecure` for a DTD or markup declaration,
  ///   `unsupported` for a UTF-16 or UTF-32 byte order, `malformed` for text before the
  ///   root element or an unterminated comment or declaration.
  static func check(_ bytes: [UInt8], file: String) throws(ModelError) {
    var position = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
      || bytes.starts(with: [0x00, 0x00]) || bytes.starts(with: [0x3C, 0x00])
      || bytes.starts(with: [0x00, 0x3C])
    {
      throw ModelError(
        .unsupported, file: file,
        message: "the document is encoded in UTF-16 or UTF-32; PMML files must be UTF-8")
    }
    var line = 1
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case 0x0A:
        line += 1
        position += 1
      case 0x20, 0x09, 0x0D:
        position += 1
      case 0x3C:  // '<'
        if matches(bytes, at: position, "<?") {
          position = try skip(
            bytes, from: position + 2, past: "?>", what: "processing instruction",
            line: &line, file: file)
        } else if matches(bytes, at: position, "<!--") {
          position = try skip(
            bytes, from: position + 4, past: "-->", what: "comment",
            line: &line, file: file)
        } else if matches(bytes, at: position, "<!") {
          let isDoctype = matches(bytes, at: position, "<!DOCTYPE")
          throw ModelError(
            .insecure, file: file, line: line,
            message: isDoctype
              ? "the document declares a DOCTYPE; PMML files must not carry a document type "
                + "declaration, which could declare external or expanding entities"
              : "the document has a markup declaration before its root element")
        } else {
          return
        }
      default:
        throw ModelError(
          .malformed, file: file, line: line,
          message: "the document has text before its root element; expected '<'")
      }
    }
    throw ModelError(
      .malformed, file: file, line: line, message: "the document has no root element")
  }

  private static func matches(_ bytes: [UInt8], at position: Int, _ text: String) -> Bool {
    let pattern = Array(text.utf8)
    guard position + pattern.count <= bytes.count else { return false }
    for index in pattern.indices where bytes[position + index] != pattern[index] { return false }
    return true
  }

  private static func skip(
    _ bytes: [UInt8], from start: Int, past terminator: String, what: String, line: inout Int,
    file: String
  ) throws(ModelError) -> Int {
    var position = start
    while position < bytes.count {
      if bytes[position] == 0x0A { line += 1 }
      if matches(bytes, at: position, terminator) { return position + terminator.utf8.count }
      position += 1
    }
    throw ModelError(
      .malformed, file: file, line: line, message: "the document ends inside a \(what)")
  }
}
