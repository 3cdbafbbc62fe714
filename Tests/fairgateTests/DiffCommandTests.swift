import ArgumentParser
import FairReports
import Foundation
import Testing
import _FairTestSupport

@testable import fairgate

@Suite struct DiffCommandTests {
  @Test func namesTheRulesWhoseVerdictChanged() throws {
    let baseline = try GermanCreditAudits.baseline.get().directory + "/findings.json"
    let current = try GermanCreditAudits.stricter.get().directory + "/findings.json"

    let json = try FairGateBinary.run(["diff", baseline, current, "--format", "json"])
    #expect(json.status == 0, Comment(rawValue: json.standardError))
    let diff = try FindingsDiff.decode(from: Data(json.standardOutput.utf8))
    // The higher decision threshold turns one approval-rate finding from pass to fail.
    let changed = diff.verdictChanges.map { "\($0.ruleIdentifier) \($0.subject)" }
    #expect(changed == ["ecoa-reg-b/ecoa.approval-rate-ratio sex × age_band = male × 25-34"])
    #expect(diff.verdictChanges.first?.baseline?.verdict == .pass)
    #expect(diff.verdictChanges.first?.current?.verdict == .fail)
    #expect(
      diff.rulesAdded.map(\.ruleIdentifier) == ["stricter-lending/strict.approval-rate-ratio"])
    #expect(diff.rulesRemoved.isEmpty && diff.subjectsAdded.isEmpty)
    #expect(diff.baseline.file == baseline && diff.current.file == current)

    let text = try FairGateBinary.run(["diff", baseline, current])
    #expect(text.status == 0)
    #expect(
      text.standardOutput.contains(
        "  ecoa-reg-b/ecoa.approval-rate-ratio  sex × age_band = male × 25-34\n"
          + "      PASS → FAIL (warning); impact ratio "))
    #expect(
      text.standardOutput.contains("Inputs    manifest changed; policy stricter-lending 1 added"))

    let markdown = try FairGateBinary.run(["diff", baseline, current, "--format", "markdown"])
    #expect(markdown.status == 0)
    #expect(markdown.standardOutput.contains("| ecoa-reg-b/ecoa.approval-rate-ratio |"))
  }

  @Test func anAuditAgainstItselfHasNoChanges() throws {
    let baseline = try GermanCreditAudits.baseline.get().directory + "/findings.json"
    let run = try FairGateBinary.run(["diff", baseline, baseline])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("\nChanges: none; "))
  }

  @Test func refusesADiffDocumentAsInput() throws {
    let baseline = try GermanCreditAudits.baseline.get().directory + "/findings.json"
    let diff = try GermanCreditAudits.stricter.get().directory + "/diff.json"
    let run = try FairGateBinary.run(["diff", baseline, diff])
    #expect(run.status == 2)
    #expect(
      run.standardError
        == "\(diff): error: schema: unsupported schema 'fairgate.diff/1';"
        + " expected 'fairgate.findings/1'\n")
  }

  @Test func anUnknownFormatIsAUsageError() throws {
    let error = #expect(throws: (any Error).self) {
      _ = try FairGateCommand.parseAsRoot(["diff", "a.json", "b.json", "--format", "html"])
    }
    let thrown = try #require(error)
    let report = try #require(FairGateCommand.badInputReport(for: thrown))
    #expect(report.status == 2)
  }
}
