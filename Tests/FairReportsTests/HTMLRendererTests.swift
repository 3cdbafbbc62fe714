import FairReports
import Foundation
import Testing
import _FairTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct HTMLRendererTests {
  private func render(_ document: FindingsDocument) -> String {
    HTMLReportRenderer().render(document, in: SampleDocuments.context)
  }

  private func parse(_ html: String) throws -> XMLDocument {
    try XMLDocument(data: Data(html.utf8), options: [])
  }

  /// The nodes matching an XPath over local names, since the page is in the XHTML namespace.
  private func nodes(_ document: XMLDocument, _ path: String) throws -> [XMLNode] {
    try document.nodes(forXPath: path)
  }

  @Test(arguments: SampleDocuments.names)
  func isWellFormedXHTML(name: String) throws {
    let html = render(SampleDocuments.named(name))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
    #expect(XMLWellFormedness.problem(in: html) == nil, "\(name)")
    let parsed = try parse(html)
    #expect(parsed.rootElement()?.name == "html")
  }

  @Test(
    .enabled(if: ExternalTool.hasXMLLint, "xmllint is not installed (apt package libxml2-utils)"),
    arguments: SampleDocuments.names)
  func parsesCleanlyAsHTMLAndXML(name: String) throws {
    let html = render(SampleDocuments.named(name))
    let path = try FixturePaths.temporaryFile("report.html", contents: html)
    let asXML = try ExternalTool.run("xmllint", ["--noout", "--nonet", path])
    #expect(asXML.status == 0 && asXML.output.isEmpty, "\(name) as XML: \(asXML.output)")
    let asHTML = try ExternalTool.run("xmllint", ["--html", "--noout", "--nonet", path])
    // libxml2's HTML parser predates HTML5 and names the SVG and <details> tags it does not
    // know; anything else it reports is a real problem.
    let problems = asHTML.output.split(separator: "\n").filter {
      $0.contains("error") && !$0.contains("Tag ") && !$0.contains("invalid in Entity")
    }
    #expect(problems.isEmpty, "\(name) as HTML: \(asHTML.output)")
  }

  @Test func findingsTableHasEveryFindingAndEveryFailingRuleID() throws {
    let document = SampleDocuments.hiring
    let parsed = try parse(render(document))
    let tables = try nodes(parsed, "//*[local-name()='table'][@id='findings']")
    #expect(tables.count == 1)
    let rows = try nodes(
      parsed,
      "//*[local-name()='table'][@id='findings']/*[local-name()='tbody']/*[local-name()='tr']")
    #expect(rows.count == document.findings.count)
    let ruleIDs = Set(
      try nodes(parsed, "//*[@id='findings']//*[local-name()='code'][@class='rule-id']").compactMap(
        \.stringValue))
    for finding in document.findings where finding.verdict == .fail {
      #expect(ruleIDs.contains(finding.rule.id))
    }
    let verdicts = try nodes(parsed, "//*[@id='findings']//*[local-name()='tr']/@data-verdict")
      .compactMap(\.stringValue)
    #expect(Set(verdicts) == ["pass", "fail", "waived", "insufficient-data"])
    let text = parsed.rootElement()?.stringValue ?? ""
    #expect(text.contains("Fairness audit FAILED"))
  }

  @Test func showsCitationStatusAndWaivers() throws {
    let parsed = try parse(render(SampleDocuments.credit))
    let withdrawn = try nodes(
      parsed, "//*[@id='citations']//*[local-name()='tr'][@class='status-withdrawn']")
    #expect(withdrawn.count == 1)
    #expect(withdrawn.first?.stringValue?.contains("CFPB Circular 2022-03") == true)
    let superseded = try nodes(
      parsed, "//*[@id='citations']//*[local-name()='tr'][@class='status-superseded']")
    #expect(superseded.first?.stringValue?.contains("superseded") == true)
    let hiring = try parse(render(SampleDocuments.hiring))
    let waivers = try nodes(
      hiring, "//*[@id='waivers']//*[local-name()='tbody']/*[local-name()='tr']")
    #expect(waivers.count == 3)
    #expect(waivers.compactMap(\.stringValue).contains { $0.contains("expired") })
  }

  @Test func includesTheLocalLaw144SummaryWhenPresent() throws {
    let parsed = try parse(render(SampleDocuments.hiring))
    let section = try #require(try nodes(parsed, "//*[@id='ll144']").first)
    let text = section.stringValue ?? ""
    #expect(text.contains("Date of the bias audit2026-11-20"))
    #expect(text.contains("Distribution date of the tool2024-03-01"))
    #expect(text.contains("race/ethnicity112"))
    #expect(
      text.contains("excluded: Represents under 2% of the audit data (38 of 4,210 applicants)."))
    let tables = try nodes(parsed, "//*[@id='ll144']//*[local-name()='caption']").compactMap(
      \.stringValue)
    #expect(tables == ["sex", "race/ethnicity", "intersectional"])
    #expect(try nodes(try parse(render(SampleDocuments.credit)), "//*[@id='ll144']").isEmpty)
  }

  @Test func drawsChartsWithTooltips() throws {
    let hiring = try parse(render(SampleDocuments.hiring))
    let hiringCharts = try nodes(hiring, "//*[local-name()='svg']")
    // Impact ratio for sex, race and sex × race; selection rate for sex × race.
    #expect(hiringCharts.count == 4)
    let credit = try parse(render(SampleDocuments.credit))
    let labels = try nodes(credit, "//*[local-name()='svg']/@aria-label").compactMap(\.stringValue)
    #expect(
      labels == [
        "Impact ratio by sex", "Impact ratio by age band", "Attribution heatmap for age band",
        "Gap decomposition for age band = under 25", "Proxy association matrix",
      ])
    let tooltips = try nodes(credit, "//*[local-name()='svg']//*[local-name()='title']")
      .compactMap(\.stringValue)
    #expect(tooltips.contains { $0.hasPrefix("employment × age band; Cramér's V 0.382") })
    #expect(tooltips.contains { $0.hasPrefix("age: contribution 0.338") })
    let threshold = try nodes(hiring, "//*[local-name()='line'][@class='threshold']")
    #expect(threshold.count == 3)
  }

  @Test func isSelfContained() {
    let html = render(SampleDocuments.credit)
    for forbidden in ["<link", "<img", "src=", "@import", "url(", "<iframe", "<object"] {
      #expect(!html.contains(forbidden), "found '\(forbidden)'")
    }
    #expect(html.components(separatedBy: "<script").count == 2)
    #expect(html.components(separatedBy: "<style").count == 2)
    #expect(html.contains("@media print"))
  }

  @Test func scriptAndStyleCannotEndEarly() throws {
    let html = render(SampleDocuments.minimal)
    let script = try #require(html.range(of: "<script>")).upperBound
    let end = try #require(html.range(of: "</script>", range: script..<html.endIndex)).lowerBound
    let body = html[script..<end]
    #expect(body.hasPrefix("//<![CDATA[\n"))
    #expect(body.hasSuffix("//]]>\n"))
    #expect(!body.dropFirst("//<![CDATA[".count).dropLast("//]]>\n".count).contains("]]>"))
    #expect(!body.contains("</"))
    let style = try #require(html.range(of: "<style>")).upperBound
    let styleEnd = try #require(html.range(of: "</style>", range: style..<html.endIndex)).lowerBound
    let styleSheet = String(html[style..<styleEnd])
    let forbidden: Set<Character> = ["<", ">", "&"]
    #expect(!styleSheet.contains(where: forbidden.contains))
  }

  @Test func hostileTextAppearsAsTextOnly() throws {
    let html = render(SampleDocuments.hostile)
    #expect(XMLWellFormedness.problem(in: html) == nil)
    #expect(!html.contains("<script>alert"))
    #expect(!html.contains("onmouseover=\""))
    #expect(!html.contains("href=\"javascript"))
    #expect(html.components(separatedBy: "<script").count == 2)
    let parsed = try parse(html)
    let scripts = try nodes(parsed, "//*[local-name()='script']")
    #expect(scripts.count == 1)
    // The hostile slice is a text node, in the table, the charts and the LL144 section.
    let texts = try nodes(parsed, "//text()").compactMap(\.stringValue)
    #expect(texts.contains { $0.contains(SampleDocuments.script) })
    let hrefs = try nodes(parsed, "//@href").compactMap(\.stringValue)
    #expect(
      hrefs.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://") || $0.hasPrefix("http://") })
    let attributeNames = try nodes(parsed, "//@*").compactMap(\.name)
    #expect(!attributeNames.contains { $0.lowercased().hasPrefix("on") })
  }

  /// Every sample but the hostile one; the goldens of the samples without loss evidence
  /// were recorded before the loss sections existed, so they show that such documents
  /// render as they did.
  @Test(.tags(.golden), arguments: ["hiring", "credit", "minimal", "loss"])
  func rendersSample(name: String) {
    expectMatchesGolden(
      render(SampleDocuments.named(name)), suite: "HTMLRendererTests", name: "\(name).html")
  }

  @Test func rendersAnAuditWithoutEvidence() throws {
    let parsed = try parse(render(SampleDocuments.minimal))
    let text = parsed.rootElement()?.stringValue ?? ""
    #expect(text.contains("This audit computed no evidence that the charts draw."))
    #expect(text.contains("No model file"))
    #expect(text.contains("The audit manifest declares no waivers."))
  }
}

/// Writes the sample reports to the folder named by `FAIRGATE_REPORT_PREVIEW`, for looking
/// at them in a browser; does nothing otherwise.
@Suite struct ReportPreview {
  static let folder = ProcessInfo.processInfo.environment["FAIRGATE_REPORT_PREVIEW"]

  @Test(.enabled(if: folder != nil, "FAIRGATE_REPORT_PREVIEW is not set"))
  func writesSampleReports() throws {
    let folder = try #require(Self.folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in SampleDocuments.names {
      for format in ReportFormat.allCases {
        let text = try format.render(SampleDocuments.named(name), in: SampleDocuments.context)
        try Data(text.utf8).write(
          to: URL(fileURLWithPath: folder).appendingPathComponent("\(name)-\(format.fileName)"))
      }
    }
  }
}
