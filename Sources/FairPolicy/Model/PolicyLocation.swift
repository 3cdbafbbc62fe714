/// Where something is written in a policy or manifest file.
public struct PolicyLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The file's path, as the user gave it.
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, in Unicode scalars.
  public var column: Int
  /// The text of the line, for the caret under later diagnostics, if known.
  public var sourceLine: String?

  /// Creates a location.
  public init(file: String, line: Int, column: Int, sourceLine: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.sourceLine = sourceLine
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}
