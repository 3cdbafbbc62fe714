/// The report formats of `fairgate audit --format` and `fairgate report --format`.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
  /// The terminal summary.
  case text
  /// The findings document itself (`fairgate.findings/1`).
  case json
  /// JUnit XML for CI test reports.
  case junit
  /// Markdown for a pull-request comment.
  case markdown
  /// One self-contained HTML page for reviewers and examiners.
  case html

  /// The file `fairgate audit --out DIR` writes for the format; the text summary goes to
  /// standard output and has a file name only for `fairgate report`.
  public var fileName: String {
    switch self {
    case .text: "summary.txt"
    case .json: "findings.json"
    case .junit: "junit.xml"
    case .markdown: "summary.md"
    case .html: "report.html"
    }
  }

  /// The renderer of the format.
  public var renderer: any ReportRenderer {
    switch self {
    case .text: TextReportRenderer()
    case .json: JSONReportRenderer()
    case .junit: JUnitReportRenderer()
    case .markdown: MarkdownReportRenderer()
    case .html: HTMLReportRenderer()
    }
  }

  /// Renders `document` in this format.
  ///
  /// - Throws: What the format's renderer throws.
  public func render(_ document: FindingsDocument, in context: RenderContext) throws -> String {
    try renderer.render(document, in: context)
  }
}
