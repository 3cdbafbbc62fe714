import FairReports
import Testing

/// An audit of merged partial evidence says so in every human-readable format: how many
/// partitions and rows, and what the evidence lacks (whose rules are insufficient data).
@Suite struct MergedEvidenceRenderingTests {
  static var merged: FindingsDocument {
    var document = SampleDocuments.credit
    document.provenance.partitions = [
      .init(id: "part-00000", rows: 600, sha256: String(repeating: "a", count: 64)),
      .init(id: "part-00001", rows: 400, sha256: String(repeating: "b", count: 64)),
    ]
    document.evidence.unavailable = [
      "adverse-action reasons: not carried by <partial> evidence"
    ]
    return document
  }

  static let sentence =
    "Evidence merged from 2 partitions of 1,000 rows ('fairgate evidence merge')"

  @Test func markdownSaysWhatWasMergedAndWhatIsMissing() {
    let markdown = MarkdownReportRenderer().render(Self.merged, in: SampleDocuments.context)
    #expect(markdown.contains(Self.sentence))
    #expect(markdown.contains("Not available in this run"))
    #expect(markdown.contains("- adverse-action reasons: not carried by &lt;partial&gt; evidence"))
  }

  @Test func textSaysWhatWasMergedAndWhatIsMissing() {
    let text = TextReportRenderer().render(Self.merged, in: SampleDocuments.context)
    #expect(text.contains("Evidence  " + Self.sentence))
    #expect(text.contains("  - adverse-action reasons: not carried by <partial> evidence"))
  }

  @Test func htmlSaysWhatWasMergedAndWhatIsMissing() {
    let html = HTMLReportRenderer().render(Self.merged, in: SampleDocuments.context)
    #expect(html.contains("Evidence merged from 2 partitions of 1,000 rows (&#39;fairgate"))
    #expect(
      html.contains("<li>adverse-action reasons: not carried by &lt;partial&gt; evidence</li>"))
  }

  @Test func anAuditOfTheDataSaysNeither() {
    let markdown = MarkdownReportRenderer().render(
      SampleDocuments.credit, in: SampleDocuments.context)
    #expect(!markdown.contains("Evidence merged from"))
    #expect(!markdown.contains("Not available in this run"))
  }
}
