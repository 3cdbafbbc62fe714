/// Renders one self-contained HTML page for reviewers and examiners: the verdict, scope,
/// provenance and method, every finding with its citation, the NYC Local Law 144 summary
/// when the evidence holds one, the loss and decision costs by slice with the decomposition
/// of each slice's loss gap when a rule read them, SVG charts of the evidence and the evidence tables.
///
/// The page loads nothing: no external scripts, styles, fonts or images. It is written as
/// XHTML-compatible HTML (every element closed, attributes quoted, only XML's own
/// entities), so XML tools can check it as well as browsers. Everything shows with scripts
/// off; a small inline script adds sorting and filtering (by verdict, policy and grouping)
/// to the findings table with id `findings`, and opens every `<details>` block for
/// printing. Chart marks carry SVG `<title>` tooltips with exact values. Every string from
/// the data, model or policies is escaped by ``Markup``, so a category named
/// `<script>alert(1)</script>` shows as text.
public struct HTMLReportRenderer: ReportRenderer {
  /// Creates the renderer.
  public init() {}

  /// The format this renderer writes, ``ReportFormat/html``.
  public var format: ReportFormat { .html }

  /// Renders the page.
  ///
  /// - Complexity: O(*n* + *e*) for *n* findings and *e* evidence rows.
  public func render(_ document: FindingsDocument, in context: RenderContext) -> String {
    var page = Markup()
    page.trusted("<!DOCTYPE html>\n")
    page.element("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en")]) { page in
      page.newline()
      page.element("head") { head in
        head.newline()
        head.empty("meta", [("charset", "utf-8")])
        head.newline()
        head.empty(
          "meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        head.newline()
        head.empty(
          "meta",
          [("name", "generator"), ("content", "\(document.tool.name) \(document.tool.version)")])
        head.newline()
        head.element("title", text: Self.title(document))
        head.newline()
        head.element("style") { $0.trusted(HTMLAssets.style) }
        head.newline()
      }
      page.newline()
      page.element("body") { body in
        body.newline()
        Self.writeBanner(document, &body)
        Self.writeContents(document, &body)
        Self.writeSummary(document, &body)
        Self.writeScope(document, &body)
        Self.writeProvenance(document, &body)
        Self.writeMethod(document, &body)
        Self.writeFindings(document, &body)
        Self.writeCitations(document, &body)
        Self.writeWaivers(document, &body)
        if let ll144 = document.evidence.ll144 { Self.writeLL144(ll144, &body) }
        if let reasons = document.evidence.reasons { Self.writeReasons(reasons, document, &body) }
        if !document.evidence.losses.isEmpty { Self.writeLosses(document, &body) }
        if !document.evidence.lossGaps.isEmpty { Self.writeLossGaps(document, &body) }
        Self.writeCharts(document, &body)
        Self.writeEvidence(document, &body)
        body.element("footer") { footer in
          footer.element("p") { line in
            line.text(
              "Written by \(document.tool.name) \(document.tool.version) from a"
                + " \(document.schema) document generated \(document.generatedAt);"
                + " waivers judged as of \(document.asOf).")
            if let location = context.fullReportLocation {
              line.text(" Published at \(location).")
            }
          }
        }
        body.newline()
        body.element("script") { $0.trusted(HTMLAssets.script) }
        body.newline()
      }
      page.newline()
    }
    page.newline()
    return page.text
  }

  static func title(_ document: FindingsDocument) -> String {
    let outcome = document.summary.gate.failed ? "failed" : "passed"
    return "Fairness audit \(outcome): \(document.provenance.data.path)"
      + " (\(document.tool.name), \(document.generatedAt))"
  }

  /// The sections in page order, for the table of contents: id and heading.
  static func sections(_ document: FindingsDocument) -> [(id: String, title: String)] {
    var sections: [(id: String, title: String)] = [
      ("summary", "Summary"), ("scope", "Scope"), ("provenance", "Provenance"),
      ("method", "Method"), ("findings-section", "Findings"), ("citations", "Citations"),
      ("waivers", "Waivers"),
    ]
    if document.evidence.ll144 != nil { sections.append(("ll144", "NYC Local Law 144 summary")) }
    if document.evidence.reasons != nil { sections.append(("reasons", "Adverse-action reasons")) }
    if !document.evidence.losses.isEmpty { sections.append(("losses", lossesTitle)) }
    if !document.evidence.lossGaps.isEmpty { sections.append(("loss-gaps", lossGapsTitle)) }
    sections.append(("charts", "Charts"))
    sections.append(("evidence", "Evidence"))
    return sections
  }

  private static func writeContents(_ document: FindingsDocument, _ body: inout Markup) {
    body.element("nav", [("class", "toc"), ("aria-label", "Contents")]) { nav in
      nav.element("ul") { list in
        for section in sections(document) {
          list.element("li") { item in
            item.element("a", [("href", "#" + section.id)], text: section.title)
          }
        }
      }
    }
    body.newline()
  }

  /// Writes a section with an id, a heading and a page break before it when printed.
  static func section(
    _ id: String, _ title: String, _ body: inout Markup, _ content: (inout Markup) -> Void
  ) {
    body.element("section", [("id", id), ("class", "page")]) { section in
      section.newline()
      section.element("h2", text: title)
      section.newline()
      content(&section)
      section.newline()
    }
    body.newline()
  }

  /// Writes a definition list of facts; `nil` values are left out.
  static func facts(_ pairs: [(String, String?)], _ body: inout Markup) {
    body.element("dl", [("class", "facts")]) { list in
      for (term, value) in pairs {
        guard let value else { continue }
        list.element("dt", text: term)
        list.element("dd", text: value)
      }
    }
    body.newline()
  }

  /// Writes a table; numeric columns are right-aligned.
  static func table(
    _ columns: [(title: String, numeric: Bool)], _ rows: [[String]], _ body: inout Markup,
    caption: String? = nil, compact: Bool = false
  ) {
    body.element("table", [("class", compact ? "compact" : nil)]) { table in
      if let caption { table.element("caption", text: caption) }
      table.element("thead") { head in
        head.element("tr") { row in
          for column in columns {
            row.element("th", [("class", column.numeric ? "num" : nil)], text: column.title)
          }
        }
      }
      table.newline()
      table.element("tbody") { tableBody in
        for cells in rows {
          tableBody.element("tr") { row in
            for (index, cell) in cells.enumerated() {
              let numeric = index < columns.count && columns[index].numeric
              row.element("td", [("class", numeric ? "num" : nil)], text: cell)
            }
          }
          tableBody.newline()
        }
      }
    }
    body.newline()
  }
}
