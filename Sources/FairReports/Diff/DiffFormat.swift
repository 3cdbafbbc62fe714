/// The formats of `fairgate diff --format`, and of the diff files `fairgate audit
/// --baseline --out DIR` writes.
public enum DiffFormat: String, Sendable, CaseIterable, Codable {
  /// A readable summary for a terminal.
  case text
  /// Markdown for a pull-request comment.
  case markdown
  /// The diff document itself (`fairgate.diff/1`).
  case json

  /// The file a diff in this format is written to: `diff.txt`, `diff.md`, `diff.json`.
  public var fileName: String {
    switch self {
    case .text: "diff.txt"
    case .markdown: "diff.md"
    case .json: "diff.json"
    }
  }

  /// Renders `diff` in this format.
  ///
  /// The text uses ANSI colour only when ``RenderContext/colour`` says so; the Markdown
  /// stays under ``RenderContext/markdownCharacterLimit``.
  ///
  /// - Returns: The text, ending in a newline.
  /// - Throws: `EncodingError` when the JSON cannot be encoded.
  /// - Complexity: O(*n*) for *n* entries in the diff.
  public func render(_ diff: FindingsDiff, in context: RenderContext) throws -> String {
    switch self {
    case .text: DiffTextRenderer().render(diff, in: context)
    case .markdown: DiffMarkdownRenderer().render(diff, in: context)
    case .json: try DocumentJSON.encode(diff)
    }
  }
}
