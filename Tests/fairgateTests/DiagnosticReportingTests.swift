import ArgumentParser
import Testing
import _FairSupport

@testable import fairgate

/// A diagnostic error that no module of the product defines: the command line must render
/// and map it without knowing its type.
private struct TestOnlyError: DiagnosticError {
  var diagnostics: [Diagnostic] {
    [
      Diagnostic(
        file: "policy.yaml", line: 3, column: 11, message: "unknown metric 'equalised_odds'",
        notes: [Diagnostic.Note("did you mean 'equalized_odds'?")],
        sourceLine: "  metric: equalised_odds")
    ]
  }
  var description: String { diagnostics[0].description }
}

@Suite struct DiagnosticReportingTests {
  @Test func anyDiagnosticErrorIsRenderedInCompilerStyleAndExitsWithTwo() throws {
    let report = try #require(FairGateCommand.badInputReport(for: TestOnlyError()))
    #expect(report.status == 2)
    #expect(
      report.message == """
        policy.yaml:3:11: error: unknown metric 'equalised_odds'
              metric: equalised_odds
                      ^
        policy.yaml:3:11: note: did you mean 'equalized_odds'?
        """)
  }

  @Test func usageErrorsAlsoExitWithTwo() throws {
    let error = #expect(throws: (any Error).self) {
      _ = try FairGateCommand.parseAsRoot(["data", "describe", "data.csv", "--threads", "0"])
    }
    let thrown = try #require(error)
    let report = try #require(FairGateCommand.badInputReport(for: thrown))
    #expect(report.status == 2)
    #expect(report.message.contains("'--threads' must be 1 or more, not 0"))
  }
}
