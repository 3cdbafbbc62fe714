/// Renders a findings document in one report format.
///
/// Renderers are values without state: the same document and context always give the same
/// bytes, whatever the machine, locale or time of day.
public protocol ReportRenderer: Sendable {
  /// The format this renderer writes.
  var format: ReportFormat { get }

  /// Renders `document`.
  ///
  /// - Parameters:
  ///   - document: The findings.
  ///   - context: The caller's choices of presentation.
  /// - Returns: The report's text, ending in a newline.
  /// - Throws: An error only when the document cannot be encoded at all (JSON).
  func render(_ document: FindingsDocument, in context: RenderContext) throws -> String
}
