/// Draws a caret under a column of a source line, as compilers do.
package enum SourceCaret {
  /// The source line (tabs shown as single spaces, so the caret lines up) and a line with
  /// `^` under `column`.
  ///
  /// - Parameters:
  ///   - line: The text of the line, without its line end.
  ///   - column: The 1-based column in Unicode scalars; clamped to the line's end plus one.
  /// - Returns: Two lines, each indented by four spaces.
  package static func render(line: String, column: Int) -> [String] {
    let scalars = Array(line.unicodeScalars)
    let shown = String(String.UnicodeScalarView(scalars.map { $0 == "\t" ? " " : $0 }))
    let offset = min(max(column, 1), scalars.count + 1) - 1
    return ["    " + shown, "    " + String(repeating: " ", count: offset) + "^"]
  }

  /// The text of 1-based line `number` of `text`, without its line end, or `nil` past the end.
  package static func line(_ number: Int, of text: String) -> String? {
    guard number >= 1 else { return nil }
    var current = 1
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "\n" || character == "\r\n" || character == "\r" {
        if current == number { return String(text[start..<index]) }
        current += 1
        start = text.index(after: index)
      }
      index = text.index(after: index)
    }
    return current == number ? String(text[start...]) : nil
  }
}
