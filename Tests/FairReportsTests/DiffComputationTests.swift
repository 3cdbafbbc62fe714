import FairReports
import Foundation
import Testing
import _FairTestSupport

@Suite struct DiffComputationTests {
  private let diff = FindingsDiff(
    baseline: DiffSamples.baseline, current: DiffSamples.current, baselineFile: "baseline.json",
    currentFile: "current.json")

  private func names(_ changes: [FindingsDiff.FindingChange]) -> [String] {
    changes.map { "\($0.ruleIdentifier) \($0.subject)" }
  }

  @Test func listsNewFailuresMostSeriousFirst() {
    #expect(
      names(diff.newFailures) == [
        "us-eeoc-ugesp/four-fifths sex = Female",
        "us-eeoc-ugesp/four-fifths race = Asian",
        "us-eeoc-ugesp/four-fifths race = Middle Eastern",
        "attribution-guardrails/protected-attribution-share feature sex",
        "us-eeoc-ugesp/significance sex = Female",
        "us-nyc-ll144/advisory-four-fifths race = Black",
      ])
    #expect(diff.newFailures[1].baseline?.verdict == .waived)
    #expect(diff.newFailures[1].current?.waiver == .expired)
    #expect(diff.newFailures[2].baseline == nil)
  }

  @Test func listsResolvedFailures() {
    #expect(
      names(diff.resolvedFailures) == [
        "us-eeoc-ugesp/four-fifths race = Black", "us-eeoc-ugesp/four-fifths race = Hispanic",
      ])
    #expect(diff.resolvedFailures.map { $0.current?.verdict } == [.pass, .waived])
  }

  @Test func listsEveryVerdictChangeOfAFindingInBoth() {
    #expect(
      names(diff.verdictChanges) == [
        "us-eeoc-ugesp/four-fifths sex = Female",
        "us-eeoc-ugesp/four-fifths race = Black",
        "us-eeoc-ugesp/four-fifths race = Asian",
        "us-eeoc-ugesp/four-fifths race = Hispanic",
        "us-eeoc-ugesp/four-fifths race = Two or More Races",
        "us-eeoc-ugesp/significance sex = Female",
        "us-nyc-ll144/advisory-four-fifths race = Black",
      ])
  }

  @Test func saysWhichIntervalAValueMovedBeyond() {
    let moves = diff.metricMoves.map { "\($0.subject): \($0.crossing.rawValue)" }
    #expect(
      moves == [
        "sex = Female: both",
        "sex = Male: baseline-outside-current-interval",
        "race = Black: current-outside-baseline-interval",
      ])
    // Sample numbers: 0.74 − 0.85; compared to 1e-12 for the one rounding of a subtraction.
    expectClose(diff.metricMoves[0].change, -0.11, absolute: 1e-12)
  }

  @Test func listsRulesAndSubjectsAddedAndRemoved() {
    #expect(
      diff.rulesAdded == [
        FindingsDiff.RuleChange(
          policy: "attribution-guardrails", policyVersion: "2026.1",
          rule: "protected-attribution-share",
          title: "Protected attributes carry little attribution", subjects: 2, failures: 1)
      ])
    #expect(diff.rulesRemoved.map(\.ruleIdentifier) == ["us-nyc-ll144/impact-ratio"])
    #expect(diff.rulesRemoved.first?.subjects == 2)
    #expect(names(diff.subjectsAdded) == ["us-eeoc-ugesp/four-fifths race = Middle Eastern"])
    #expect(names(diff.subjectsRemoved) == ["us-eeoc-ugesp/four-fifths race = Native Hawaiian"])
    #expect(
      diff.summary
        == FindingsDiff.Counts(
          newFailures: 6, resolvedFailures: 2, verdictChanges: 7, metricMoves: 3, rulesAdded: 1,
          rulesRemoved: 1, subjectsAdded: 1, subjectsRemoved: 1))
  }

  @Test(arguments: [
    (FindingsDocument.Gate.Threshold.error, 4), (.warning, 5), (.never, 0),
  ])
  func regressionsAreNewNonAdvisoryFailuresAtTheThreshold(
    threshold: FindingsDocument.Gate.Threshold, count: Int
  ) {
    let regressions = diff.regressions(failOn: threshold)
    #expect(regressions.count == count)
    #expect(!regressions.contains { $0.current?.advisory == true })
    // The failure both audits have is baselined, never a regression.
    #expect(!regressions.contains { $0.subject == "race = White" })
  }

  @Test func regressionGateDecidesTheExitStatusOnlyWhenEnforced() {
    let enforced = FindingsDiff.RegressionGate(diff: diff, failOn: .error, enforced: true)
    #expect(enforced.failed && enforced.exitStatus == 1)
    let unchanged = FindingsDiff(baseline: DiffSamples.current, current: DiffSamples.current)
    let passed = FindingsDiff.RegressionGate(diff: unchanged, failOn: .error, enforced: true)
    #expect(!passed.failed && passed.exitStatus == 0)
    // Not enforced, the exit status is the audit's own gate's: it has error failures.
    let informative = FindingsDiff.RegressionGate(diff: unchanged, failOn: .error, enforced: false)
    #expect(!informative.failed && informative.exitStatus == 1)
  }

  @Test func identicalAuditsGiveAnEmptyDiff() {
    let same = FindingsDiff(baseline: DiffSamples.baseline, current: DiffSamples.baseline)
    #expect(same.isEmpty)
    #expect(same.summary == FindingsDiff.Counts())
  }

  @Test func aValueOnABoundHasNotMoved() {
    let before = DiffSamples.document([
      DiffSamples.finding(
        DiffSamples.ugespBefore, DiffSamples.fourFifths, DiffSamples.sex("Female"), .pass,
        value: 0.85, interval: DiffSamples.interval(0.80, 0.90))
    ])
    let after = DiffSamples.document([
      DiffSamples.finding(
        DiffSamples.ugespBefore, DiffSamples.fourFifths, DiffSamples.sex("Female"), .pass,
        value: 0.90, interval: DiffSamples.interval(0.85, 0.95))
    ])
    #expect(FindingsDiff(baseline: before, current: after).metricMoves.isEmpty)
  }

  @Test func repeatedSubjectsMatchInOrder() {
    let finding = DiffSamples.finding(
      DiffSamples.ugespBefore, DiffSamples.fourFifths, DiffSamples.sex("Female"), .pass)
    var failing = finding
    failing.verdict = .fail
    let diff = FindingsDiff(
      baseline: DiffSamples.document([finding, finding]),
      current: DiffSamples.document([finding, failing, finding]))
    #expect(diff.verdictChanges.count == 1)
    #expect(diff.subjectsAdded.count == 1)
    #expect(diff.newFailures.count == 1)
  }

  @Test func theSameDocumentsGiveTheSameBytes() throws {
    let again = FindingsDiff(
      baseline: DiffSamples.baseline, current: DiffSamples.current, baselineFile: "baseline.json",
      currentFile: "current.json")
    #expect(try DocumentJSON.encode(again) == DocumentJSON.encode(diff))
  }

  @Test func roundTripsThroughJSON() throws {
    var gated = diff
    gated.regressionGate = FindingsDiff.RegressionGate(diff: diff, failOn: .error, enforced: true)
    let json = try DocumentJSON.encode(gated)
    #expect(json.contains("\"schema\" : \"fairgate.diff/1\""))
    #expect(json.contains("\"new_failures\""))
    #expect(json.contains("\"current-outside-baseline-interval\""))
    let decoded = try FindingsDiff.decode(from: Data(json.utf8), file: "diff.json")
    #expect(decoded == gated)
  }

  @Test func aFindingsDocumentIsNotADiff() throws {
    let json = try DocumentJSON.encode(DiffSamples.baseline)
    let error = #expect(throws: ReportError.self) {
      try FindingsDiff.decode(from: Data(json.utf8), file: "findings.json")
    }
    #expect(
      error?.description
        == "findings.json: error: schema: unsupported schema 'fairgate.findings/1';"
        + " expected 'fairgate.diff/1'")
  }

  @Test func readingAMissingFileNamesIt() {
    let error = #expect(throws: ReportError.self) {
      try FindingsDocument.read(path: "/nonexistent/findings.json")
    }
    #expect(error?.description == "/nonexistent/findings.json: error: no such file")
  }
}
