/// A 1-based line and column in a text file.
///
/// Columns count Unicode scalars from the start of the line, as libYAML and
/// `_FairSupport.Diagnostic` do, so a tab counts as one column.
package struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The 1-based line.
  package var line: Int
  /// The 1-based column, in Unicode scalars.
  package var column: Int

  /// Creates a position.
  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`.
  package var description: String { "\(line):\(column)" }

  /// Orders positions by line, then by column.
  package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
