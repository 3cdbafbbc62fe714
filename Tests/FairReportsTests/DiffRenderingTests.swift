import Foundation
import Testing
import _FairTestSupport

@testable import FairReports

@Suite struct DiffRenderingTests {
  private var diff: FindingsDiff {
    FindingsDiff(
      baseline: DiffSamples.baseline, current: DiffSamples.current,
      baselineFile: "audits/baseline/findings.json", currentFile: "reports/findings.json")
  }

  private var gated: FindingsDiff {
    var diff = self.diff
    diff.regressionGate = FindingsDiff.RegressionGate(diff: diff, failOn: .error, enforced: true)
    return diff
  }

  @Test(.tags(.golden)) func rendersText() throws {
    let text = try DiffFormat.text.render(diff, in: RenderContext())
    expectMatchesGolden(text, suite: "DiffRenderingTests", name: "rendersText.txt")
  }

  @Test(.tags(.golden)) func rendersMarkdown() throws {
    let markdown = try DiffFormat.markdown.render(gated, in: RenderContext())
    expectMatchesGolden(markdown, suite: "DiffRenderingTests", name: "rendersMarkdown.md")
  }

  @Test(.tags(.golden)) func rendersJSON() throws {
    let json = try DiffFormat.json.render(gated, in: RenderContext())
    expectMatchesGolden(json, suite: "DiffRenderingTests", name: "rendersJSON.json")
  }

  @Test(.tags(.golden)) func rendersTheRegressionsAnAuditAppends() {
    let text = DiffTextRenderer().renderRegressions(gated, in: RenderContext())
    expectMatchesGolden(text, suite: "DiffRenderingTests", name: "rendersRegressions.txt")
  }

  @Test func saysSoWhenNothingChanged() throws {
    let same = FindingsDiff(baseline: DiffSamples.baseline, current: DiffSamples.baseline)
    let text = try DiffFormat.text.render(same, in: RenderContext())
    #expect(text.contains("Changes: none;"))
    #expect(text.contains("Inputs    model, data, manifest and policies unchanged"))
    let markdown = try DiffFormat.markdown.render(same, in: RenderContext())
    #expect(markdown.hasPrefix("### fairgate diff: no changes\n"))
  }

  /// Inputs that only fairgate 0.3.0 and later record are not called added against an
  /// earlier baseline.
  ///
  /// Against a baseline of a version before 0.3.0, a scoring command and a pack read because
  /// an applied policy extends it are said to be recorded now; against a baseline of 0.3.0
  /// they were added to the audit. Supporting files are compared too.
  @Test func inputsRecordedOnlySinceTheBaselineAreNotCalledAdded() throws {
    var baseline = DiffSamples.baseline
    baseline.provenance.model = nil
    var current = DiffSamples.baseline
    current.provenance.model?.path = "command: python3 score.py"
    var extended = DiffSamples.policyFile(DiffSamples.guardrails)
    extended.extendedBy = ["house-hiring", "house-lending"]
    current.provenance.policies.append(extended)
    current.provenance.supportingFiles = [
      .init(
        role: "reason-code table", path: "reasons.yaml", sha256: String(repeating: "a", count: 64))
    ]
    func inputs(_ baseline: FindingsDocument) throws -> String {
      let text = try DiffFormat.text.render(
        FindingsDiff(baseline: baseline, current: current), in: RenderContext())
      return try #require(text.split(separator: "\n").first { $0.hasPrefix("Inputs") }).description
    }
    let guardrails = "\(DiffSamples.guardrails.id) \(DiffSamples.guardrails.version)"
    #expect(
      try inputs(baseline)
        == "Inputs    scoring command recorded, none in the baseline (fairgate 0.2.0 may not have "
        + "recorded it); policy \(guardrails) (extended by house-hiring, house-lending) "
        + "recorded, not in the baseline (fairgate 0.2.0 may not have recorded it); "
        + "reason-code table recorded (fairgate 0.2.0 may not have recorded it)")
    baseline.tool.version = "0.3.0"
    #expect(
      try inputs(baseline)
        == "Inputs    model added; policy \(guardrails) (extended by house-hiring, "
        + "house-lending) added; reason-code table added")
    baseline.provenance.supportingFiles = [
      .init(
        role: "reason-code table", path: "reasons.yaml", sha256: String(repeating: "b", count: 64)),
      .init(
        role: "attribution background", path: "bg.csv", sha256: String(repeating: "c", count: 64)),
    ]
    #expect(
      try inputs(baseline).hasSuffix("; reason-code table changed; attribution background removed"))
    // A model file where the baseline read scores is a model added, whatever its version.
    baseline.tool.version = "0.2.0"
    current.provenance.model?.path = "model.json"
    #expect(try inputs(baseline).hasPrefix("Inputs    model added;"))
  }

  @Test(arguments: [
    ("0.2.0", "0.3.0", true), ("0.3.0", "0.3.0", false), ("0.10.0", "0.3.0", false),
    ("0.2", "0.3.0", true), ("1.0.0", "0.3.0", false), ("dev", "0.3.0", false),
  ])
  func versionsCompareNumberByNumber(version: String, other: String, isBefore: Bool) {
    #expect(FindingsDiff.version(version, isBefore: other) == isBefore)
  }

  /// A value said to lie outside an interval is never printed as the interval's end.
  @Test func movedValuesKeepTheirSideOfTheIntervalTheyLeft() {
    let move = FindingsDiff.MetricMove(
      policy: "p", rule: "r", title: "Impact ratio", subject: "sex = Female",
      metric: "impact_ratio", baselineValue: 0.78996, currentValue: 0.83004,
      baselineInterval: DiffSamples.interval(0.79, 0.83),
      currentInterval: DiffSamples.interval(0.79, 0.87), crossing: .both,
      baselineVerdict: .pass, currentVerdict: .pass)
    #expect(move.currentValueText == "0.83004")
    #expect(move.baselineValueText == "0.78996")
    // An end near the value it is compared with is not printed as that value either.
    let close = FindingsDiff.MetricMove(
      policy: "p", rule: "r", title: "Impact ratio", subject: "sex = Female",
      metric: "impact_ratio", baselineValue: 0.85, currentValue: 0.79001,
      baselineInterval: DiffSamples.interval(0.79004, 0.9), currentInterval: nil,
      crossing: .currentOutsideBaselineInterval, baselineVerdict: .pass, currentVerdict: .pass)
    #expect(close.currentValueText == "0.7900")
    #expect(
      close.crossingPhrase == "current value outside the baseline's 95% CI [0.79004, 0.9000]")
  }

  @Test func colourOnlyWhenAsked() throws {
    let plain = try DiffFormat.text.render(diff, in: RenderContext())
    #expect(!plain.contains("\u{1B}"))
    let coloured = try DiffFormat.text.render(diff, in: RenderContext(colour: true))
    #expect(coloured.contains("\u{1B}[1m"))
  }

  @Test func escapesTheDocumentsText() throws {
    var current = DiffSamples.current
    current.findings[7].subject = .init(
      grouping: "race", slice: "<script>alert(1)</script> | x | @octocat \u{1B}[31m")
    let hostile = FindingsDiff(baseline: DiffSamples.baseline, current: current)
    let markdown = try DiffFormat.markdown.render(hostile, in: RenderContext())
    #expect(!markdown.contains("<script>"))
    #expect(!markdown.contains("@octocat"))
    #expect(markdown.contains("\\| x \\|"))
    let text = try DiffFormat.text.render(hostile, in: RenderContext())
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("\\u{1b}[31m"))
  }

  @Test(arguments: [3_000, 20_000])
  func markdownStaysUnderTheLimit(limit: Int) throws {
    let many = (0..<600).map { index in
      DiffSamples.finding(
        DiffSamples.ugespAfter, DiffSamples.fourFifths, DiffSamples.race("Group \(index)"),
        .fail, value: 0.5)
    }
    let big = FindingsDiff(
      baseline: DiffSamples.baseline, current: DiffSamples.document(many))
    let markdown = try DiffFormat.markdown.render(
      big, in: RenderContext(markdownCharacterLimit: limit))
    #expect(markdown.utf8.count <= limit)
    #expect(markdown.contains("rows left out to stay under"))
    #expect(markdown.hasSuffix("(`fairgate diff --format json`)._\n"))
  }
}
