import ArgumentParser
import FairReports
import Foundation
import Testing
import _FairTestSupport

@testable import fairgate

@Suite struct BaselineCommandTests {
  @Test func anUnchangedModelWithBaselinedFailuresPasses() throws {
    let baseline = try GermanCreditAudits.baseline.get()
    #expect(baseline.status == 1, "the demo audit has failures to baseline")
    let run = try GermanCreditAudits.unchanged.get()
    #expect(run.status == 0, Comment(rawValue: run.standardError))
    // The summary still shows the audit's own gate; the regression gate follows it.
    #expect(run.standardOutput.contains("Result: FAILED"))
    #expect(
      run.standardOutput.contains(
        "Regressions: none; no finding of severity error fails that did not fail in the"
          + " baseline"))
    #expect(
      run.standardOutput.hasSuffix(
        "Regression gate: PASSED (--fail-on-regression decides the exit status: 0)\n"))
  }

  @Test func aNewFailureFailsTheRegressionGate() throws {
    let run = try GermanCreditAudits.stricter.get()
    #expect(run.status == 1, Comment(rawValue: run.standardError))
    #expect(
      run.standardOutput.contains(
        "  FAIL  stricter-lending/strict.approval-rate-ratio  age_band = 18-24  (new rule)"))
    #expect(
      run.standardOutput.hasSuffix(
        "Regression gate: FAILED (--fail-on-regression decides the exit status: 1)\n"))
    // The warning-level change of an existing rule is not a regression at --fail-on error.
    let regressionLines = run.standardOutput.split(separator: "\n").filter {
      $0.hasPrefix("  FAIL  ")
    }
    #expect(!regressionLines.contains { $0.contains("ecoa.approval-rate-ratio") })

    let diff = try FindingsDiff.decode(
      from: Data(contentsOf: URL(fileURLWithPath: run.directory + "/diff.json")))
    let gate = try #require(diff.regressionGate)
    #expect(gate.enforced && gate.failed && gate.exitStatus == 1)
    #expect(gate.regressions.count == regressionLines.count)
    let markdown = try String(contentsOfFile: run.directory + "/diff.md", encoding: .utf8)
    #expect(markdown.contains("#### Regression gate: **FAILED**"))
  }

  @Test func failOnRegressionNeedsABaseline() throws {
    let error = #expect(throws: (any Error).self) {
      _ = try FairGateCommand.parseAsRoot(["audit", "fairgate.yaml", "--fail-on-regression"])
    }
    let thrown = try #require(error)
    let report = try #require(FairGateCommand.badInputReport(for: thrown))
    #expect(report.status == 2)
    #expect(report.message.contains("'--fail-on-regression' needs '--baseline FINDINGS.json'"))
    let run = try FairGateBinary.run(
      ["audit", "fixtures/german-credit/audit.yaml", "--fail-on-regression"],
      directory: FixturePaths.repositoryRoot())
    #expect(run.status == 2)
    #expect(run.standardError.contains("'--fail-on-regression' needs '--baseline"))
  }

  @Test func aBadBaselineIsRefusedBeforeTheAuditRuns() throws {
    let folder = try FixturePaths.temporaryDirectory()
    let path = try FixturePaths.temporaryFile(
      "baseline.json", contents: "{\"schema\": \"fairgate.findings/0\"}", directory: folder)
    let run = try FairGateBinary.run(
      ["audit", "fixtures/german-credit/audit.yaml", "--baseline", path],
      directory: FixturePaths.repositoryRoot())
    #expect(run.status == 2)
    #expect(
      run.standardError.contains(
        "\(path): error: schema: unsupported schema 'fairgate.findings/0'"))
    #expect(run.standardOutput.isEmpty)
  }
}

/// The demo audits these suites share, each run once per test process (a debug build takes
/// about ten seconds per audit).
///
/// - ``baseline``: the German credit audit with every file format, as a baseline.
/// - ``unchanged``: the same audit again, gated on regressions against ``baseline``.
/// - ``stricter``: a copy of the manifest with the decision threshold at 0.6 instead of 0.5
///   and a stricter extra policy (impact ratio at least 0.95, severity error), gated on
///   regressions against ``baseline``; it writes findings.json, summary.md, diff.json and
///   diff.md.
enum GermanCreditAudits {
  /// One finished run of the binary and the folder it wrote into.
  struct Run: Sendable {
    var status: Int32
    var standardOutput: String
    var standardError: String
    var directory: String
  }

  /// A failure to set up or launch a run.
  struct SetupError: Error, CustomStringConvertible, Sendable {
    var description: String
  }

  /// `SOURCE_DATE_EPOCH` of every run: 2026-11-20T09:30:00Z.
  static let environment = ["SOURCE_DATE_EPOCH": "1795167000"]

  static let manifest = "fixtures/german-credit/audit.yaml"

  static let baseline: Result<Run, SetupError> = run { folder in
    [
      "audit", manifest, "--as-of", "2026-12-03", "--format", "json", "--format", "junit",
      "--format", "markdown", "--format", "html", "--out", folder,
    ]
  }

  static let unchanged: Result<Run, SetupError> = run { _ in
    let baseline = try GermanCreditAudits.baseline.get()
    return [
      "audit", manifest, "--as-of", "2026-12-03", "--baseline",
      baseline.directory + "/findings.json", "--fail-on-regression",
    ]
  }

  static let stricter: Result<Run, SetupError> = run { folder in
    let baseline = try GermanCreditAudits.baseline.get()
    let root = FixturePaths.repositoryRoot()
    var text = try String(contentsOfFile: root + "/" + manifest, encoding: .utf8)
    let edits = [
      ("file: model.json", "file: \(root)/fixtures/german-credit/model.json"),
      ("file: ../data/", "file: \(root)/fixtures/data/"),
      ("threshold: 0.5", "threshold: 0.6"),
      (
        "policies: [ecoa-reg-b, attribution-guardrails]",
        "policies: [ecoa-reg-b, attribution-guardrails, stricter.yaml]"
      ),
    ]
    for (old, new) in edits {
      guard text.contains(old) else {
        throw SetupError(description: "the demo manifest no longer contains '\(old)'")
      }
      text = text.replacingOccurrences(of: old, with: new)
    }
    _ = try FixturePaths.temporaryFile("audit.yaml", contents: text, directory: folder)
    _ = try FixturePaths.temporaryFile(
      "stricter.yaml",
      contents: """
        policy: stricter-lending
        title: "Stricter internal approval-rate policy"
        version: "1"
        rules:
          - id: strict.approval-rate-ratio
            title: Approval rate at least 0.95 of the highest group's
            metric: impact_ratio
            over: all
            require: ">= 0.95"
            severity: error
            citation:
              text: "Internal policy (test)"
              kind: internal
              status: in-force

        """, directory: folder)
    return [
      "audit", folder + "/audit.yaml", "--as-of", "2026-12-03", "--baseline",
      baseline.directory + "/findings.json", "--fail-on-regression", "--format", "json",
      "--format", "markdown", "--out", folder,
    ]
  }

  /// Runs `fairgate` from the repository root with the arguments `arguments` makes for a
  /// fresh folder.
  private static func run(_ arguments: (String) throws -> [String]) -> Result<Run, SetupError> {
    do {
      let folder = try FixturePaths.temporaryDirectory(named: "fairgate-diff")
      let result = try FairGateBinary.run(
        try arguments(folder), directory: FixturePaths.repositoryRoot(),
        environment: environment)
      return .success(
        Run(
          status: result.status, standardOutput: result.standardOutput,
          standardError: result.standardError, directory: folder))
    } catch let error as SetupError {
      return .failure(error)
    } catch {
      return .failure(SetupError(description: "\(error)"))
    }
  }
}
