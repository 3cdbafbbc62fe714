/// Renders a findings document as its JSON form through ``DocumentJSON``: sorted snake-case
/// keys, two-space indentation, NaN as `"nan"`, a final newline.
public struct JSONReportRenderer: ReportRenderer {
  /// Creates the renderer.
  public init() {}

  /// The format this renderer writes, ``ReportFormat/json``.
  public var format: ReportFormat { .json }

  /// Encodes `document`; the context changes nothing.
  ///
  /// - Throws: `EncodingError` when a value cannot be encoded.
  public func render(_ document: FindingsDocument, in context: RenderContext) throws -> String {
    try DocumentJSON.encode(document)
  }
}
