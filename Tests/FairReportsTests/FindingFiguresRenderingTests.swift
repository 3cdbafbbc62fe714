import FairReports
import Testing

/// What every human-readable report shows of a finding: figures that never round across the
/// bounds they are judged against, and every source the rule cites.
@Suite struct FindingFiguresRenderingTests {
  static let renderers: [any ReportRenderer] = [
    TextReportRenderer(), MarkdownReportRenderer(), JUnitReportRenderer(), HTMLReportRenderer(),
  ]

  /// The credit sample with its first finding just under its bound and its alpha.
  static var nearBounds: FindingsDocument {
    var document = SampleDocuments.credit
    document.findings[0].value = 0.79996
    document.findings[0].pValue = 0.04996
    document.findings[0].adjustedPValue = nil
    document.findings[1].value = 0.8000004
    document.findings[1].pValue = 0.0499996
    document.findings[1].adjustedPValue = nil
    document.findings[1].verdict = .fail
    document.findings[1].severity = .warning
    document.findings[1].qualifier = "possible adverse impact despite the threshold"
    return document
  }

  @Test(arguments: renderers)
  func figuresKeepTheirSideOfEachBound(renderer: any ReportRenderer) throws {
    let report = try renderer.render(Self.nearBounds, in: SampleDocuments.context)
    // At the usual four decimals both ratios would read 0.8000 and both p-values 0.0500.
    for figure in ["0.79996", "0.04996", "0.8000004", "0.0499996"] {
      // The HTML page also carries the exact value for sorting: look at the shown text,
      // which a p-value's significance level may follow.
      let shown =
        renderer.format == .html
        ? ["<", " ("].map { "data-sort=\"\(figure)\">\(figure)" + $0 } : [figure]
      #expect(shown.contains { report.contains($0) }, "\(renderer.format) lacks \(shown)")
    }
  }

  @Test func figuresWithoutBoundsKeepTheUsualDigits() {
    var document = Self.nearBounds
    document.findings[0].requirementBounds = nil
    document.findings[0].alpha = nil
    let report = TextReportRenderer().render(document, in: SampleDocuments.context)
    #expect(report.contains("impact ratio to reference 0.8000 (requirement >= 0.8)"))
    #expect(report.contains("p 0.0500 (two-proportion z test)"))
  }

  @Test(arguments: renderers)
  func everyCitationOfARuleIsShown(renderer: any ReportRenderer) throws {
    let document = SampleDocuments.credit
    let citations = document.findings[0].citations
    #expect(citations.count == 2)
    let report = try renderer.render(document, in: SampleDocuments.context)
    for citation in citations {
      #expect(report.contains(citation.text), "\(renderer.format) lacks \(citation.text)")
    }
  }

  /// The LL144 table keeps DCWP's three decimals, and more where three would reach the
  /// four-fifths screen.
  @Test func localLaw144RatiosKeepTheirSideOfTheScreen() throws {
    var document = SampleDocuments.hiring
    var summary = try #require(document.evidence.ll144)
    summary.categories[1].impactRatio = 0.79996
    summary.categories[2].impactRatio = 0.84321
    document.evidence.ll144 = summary
    let html = HTMLReportRenderer().render(document, in: SampleDocuments.context)
    #expect(html.contains("<td class=\"num\">0.79996</td>"))
    #expect(html.contains("<td class=\"num\">0.843</td>"))
  }

  /// The evidence tables, the chart and the loss tables keep a figure on its side of the
  /// bounds and significance levels of the rules on its grouping, not only of the 0.8 screen
  /// and the method's alpha.
  @Test func tablesKeepTheirFiguresOnTheSideOfEachRulesBounds() throws {
    var hiring = SampleDocuments.hiring
    let female = try #require(hiring.evidence.groups[0].slices.firstIndex { $0.slice == "Female" })
    hiring.evidence.groups[0].slices[female].impactRatio = 0.89996
    hiring.evidence.groups[0].slices[female].pValue = 0.0099996
    hiring.findings[0].requirementBounds = [0.9]
    hiring.findings[0].alpha = 0.01
    let html = HTMLReportRenderer().render(hiring, in: SampleDocuments.context)
    #expect(html.contains(">0.89996<"), "the table or chart rounds 0.89996 onto 0.9")
    #expect(!html.contains(">0.9000<"))
    #expect(html.contains(">0.0099996<"))

    var loss = SampleDocuments.loss
    let grouping = try #require(loss.evidence.losses.firstIndex { $0.grouping == "thin_file" })
    let yes = try #require(loss.evidence.losses[grouping].slices.firstIndex { $0.slice == "yes" })
    loss.evidence.losses[grouping].slices[yes].lossRatio = 1.50004
    loss.findings[0].requirementBounds = [1.5]
    let lossPage = HTMLReportRenderer().render(loss, in: SampleDocuments.context)
    #expect(lossPage.contains(">1.50004<"))
    let markdown = try MarkdownReportRenderer().render(loss, in: SampleDocuments.context)
    #expect(markdown.contains(" 1.50004 "), "\(markdown)")
    #expect(!markdown.contains(" 1.5000 "))
  }

  /// What a Local Law 144 summary lacks for publication is said in every report, not only
  /// the HTML page; an excluded category shows no impact ratio (§ 5-301(d)).
  @Test func localLaw144GapsAreSaidInEveryReport() throws {
    var document = SampleDocuments.hiring
    var summary = try #require(document.evidence.ll144)
    summary.missing = ["report.distribution_date: the date the tool was first distributed"]
    let excluded = try #require(summary.categories.firstIndex { $0.excluded })
    summary.categories[excluded].impactRatio = 0.61234
    document.evidence.ll144 = summary
    let heading = "Incomplete for publication: the manifest's report section does not declare:"
    let text = try TextReportRenderer().render(document, in: SampleDocuments.context)
    #expect(
      text.contains(
        "LL144     \(heading)\n  - report.distribution_date: the date the tool was first "
          + "distributed\n"), "\(text)")
    let markdown = try MarkdownReportRenderer().render(document, in: SampleDocuments.context)
    // Markdown escapes the underscores of the manifest's key.
    #expect(
      markdown.contains(
        "NYC Local Law 144 summary: \(heading)\n\n- report.distribution\\_date: the date the tool "
          + "was first distributed\n"), "\(markdown)")
    let html = HTMLReportRenderer().render(document, in: SampleDocuments.context)
    #expect(html.contains("Incomplete for publication"))
    #expect(!html.contains("0.612"))
    document.evidence.ll144?.missing = []
    let complete = try TextReportRenderer().render(document, in: SampleDocuments.context)
    #expect(!complete.contains("LL144 "))
  }

  /// The sample median of a scoring-rate summary is a score, shown at the reports'
  /// precision (the JSON keeps every digit).
  @Test func localLaw144MedianScoreHasTheReportsPrecision() throws {
    var document = SampleDocuments.hiring
    var summary = try #require(document.evidence.ll144)
    summary.sampleMedian = 0.61234567890123456
    document.evidence.ll144 = summary
    let html = HTMLReportRenderer().render(document, in: SampleDocuments.context)
    #expect(html.contains("0.6123<"), "\(html)")
    #expect(!html.contains("0.61234"))
  }
}
