import FairReports
import Testing
import _FairTestSupport

@Suite struct TextRendererTests {
  @Test(.tags(.golden)) func rendersHiringAudit() {
    let text = TextReportRenderer().render(SampleDocuments.hiring, in: SampleDocuments.context)
    expectMatchesGolden(text, suite: "TextRendererTests", name: "rendersHiringAudit.txt")
  }

  @Test(.tags(.golden)) func rendersCreditAudit() {
    let text = TextReportRenderer().render(SampleDocuments.credit, in: SampleDocuments.context)
    expectMatchesGolden(text, suite: "TextRendererTests", name: "rendersCreditAudit.txt")
  }

  @Test(.tags(.golden)) func rendersMinimalAudit() {
    let text = TextReportRenderer().render(SampleDocuments.minimal, in: SampleDocuments.context)
    expectMatchesGolden(text, suite: "TextRendererTests", name: "rendersMinimalAudit.txt")
  }

  @Test func usesColourOnlyWhenAsked() {
    let plain = TextReportRenderer().render(SampleDocuments.hiring, in: SampleDocuments.context)
    #expect(!plain.contains("\u{1B}"))
    var context = SampleDocuments.context
    context.colour = true
    let coloured = TextReportRenderer().render(SampleDocuments.hiring, in: context)
    #expect(coloured.contains("\u{1B}[1;31mFAILED\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[1;33mWARN "))
  }

  @Test func listsEveryFailureWithItsEvidenceAndCitation() {
    let text = TextReportRenderer().render(SampleDocuments.hiring, in: SampleDocuments.context)
    let document = SampleDocuments.hiring
    for finding in document.findings where finding.verdict == .fail {
      #expect(text.contains(finding.ruleIdentifier + "  " + finding.subject.display))
      #expect(text.contains(finding.message))
      for citation in finding.citations {
        #expect(text.contains("Cite: " + citation.summary))
      }
    }
    #expect(text.contains("p 0.0009 (two-proportion z test; adjusted 0.0045; alpha 0.05)"))
    #expect(text.contains("n 780, comparison n 1,594"))
    #expect(text.contains("waiver expired 2026-06-30"))
  }

  @Test func escapesControlCharactersFromTheData() {
    let text = TextReportRenderer().render(SampleDocuments.hostile, in: SampleDocuments.context)
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\u{0}"))
    #expect(text.contains("\\u{1b}[31m"))
  }
}
