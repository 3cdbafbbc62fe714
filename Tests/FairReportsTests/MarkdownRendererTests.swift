import FairReports
import Foundation
import Testing
import _FairTestSupport

@Suite struct MarkdownRendererTests {
  @Test(.tags(.golden)) func rendersHiringAudit() {
    var context = SampleDocuments.context
    context.fullReportLocation = "https://ci.example.com/artifacts/1234/report.html"
    let markdown = MarkdownReportRenderer().render(SampleDocuments.hiring, in: context)
    expectMatchesGolden(markdown, suite: "MarkdownRendererTests", name: "rendersHiringAudit.md")
  }

  @Test(.tags(.golden)) func rendersCreditAudit() {
    let markdown = MarkdownReportRenderer().render(
      SampleDocuments.credit, in: SampleDocuments.context)
    expectMatchesGolden(markdown, suite: "MarkdownRendererTests", name: "rendersCreditAudit.md")
  }

  @Test(.tags(.golden)) func rendersLossAudit() {
    let markdown = MarkdownReportRenderer().render(
      SampleDocuments.loss, in: SampleDocuments.context)
    expectMatchesGolden(markdown, suite: "MarkdownRendererTests", name: "rendersLossAudit.md")
  }

  @Test func escapesMarkdownAndHTMLFromTheData() {
    let markdown = MarkdownReportRenderer().render(
      SampleDocuments.hostile, in: SampleDocuments.context)
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    // No mention, issue link or live link survives.
    #expect(!markdown.contains("@octocat"))
    #expect(markdown.contains("@\u{200B}octocat"))
    #expect(!markdown.contains("#1"))
    #expect(!markdown.contains("[link](javascript"))
    #expect(markdown.contains("\\[link\\](javascript"))
    #expect(!markdown.contains("\u{1B}"))
    // Every table row keeps its column count: no data pipe ends a cell.
    for line in markdown.split(separator: "\n") where line.hasPrefix("|") {
      let borders = unescapedPipes(in: String(line))
      #expect(borders == 9 || borders == 7, "row has \(borders) cell borders: \(line)")
    }
  }

  @Test(.tags(.slow)) func hugeAuditStaysUnderGitHubsLimit() {
    let document = SampleDocuments.huge(findings: 5_000)
    var context = SampleDocuments.context
    context.fullReportLocation = "report.html"
    let markdown = MarkdownReportRenderer().render(document, in: context)
    #expect(markdown.utf8.count <= RenderContext.gitHubCommentLimit)
    #expect(markdown.utf8.count > RenderContext.gitHubCommentLimit - 2_000)
    #expect(
      markdown.contains(
        "rows left out to stay under 65,536 characters; the full report is report.html."))
    #expect(markdown.hasSuffix("_Full report: report.html._\n"))
    #expect(MarkdownReportRenderer().render(document, in: context) == markdown)
  }

  @Test(arguments: [2_000, 8_000, 30_000])
  func anyLimitIsRespected(limit: Int) {
    var context = SampleDocuments.context
    context.markdownCharacterLimit = limit
    let markdown = MarkdownReportRenderer().render(SampleDocuments.huge(findings: 400), in: context)
    #expect(markdown.utf8.count <= limit)
    #expect(markdown.contains("rows left out"))
  }

  @Test func smallAuditIsNotTruncated() {
    let markdown = MarkdownReportRenderer().render(
      SampleDocuments.hiring, in: SampleDocuments.context)
    #expect(!markdown.contains("rows left out"))
    for finding in SampleDocuments.hiring.findings where finding.isFailureOrWarning {
      #expect(markdown.contains(finding.ruleIdentifier))
    }
    #expect(markdown.contains("<details>"))
    #expect(markdown.contains("Other findings (9)"))
  }

  /// The number of `|` characters not escaped with a backslash.
  private func unescapedPipes(in line: String) -> Int {
    var count = 0
    var escaped = false
    for character in line {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        count += 1
      }
    }
    return count
  }
}
