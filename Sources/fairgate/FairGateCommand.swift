import ArgumentParser
import FairAudit
import Foundation
import _FairSupport

/// The `fairgate` command: fairness and compliance audits of credit and hiring models.
@main
struct FairGateCommand: AsyncParsableCommand {
  /// The version the reports record too.
  static let version = AuditPipeline.toolVersion

  static let configuration = CommandConfiguration(
    commandName: "fairgate",
    abstract: "Audit credit and hiring models for fairness and explain their decisions.",
    discussion: """
      Exit status:
        0  the command succeeded (for an audit: no finding reached --fail-on)
        1  the audit ran and a finding reached --fail-on
        2  bad input or usage: a message on standard error names the file and the place
      """,
    version: version,
    subcommands: [
      DataCommand.self, Predict.self, Explain.self, Reasons.self, Importance.self, Metrics.self,
      PolicyCommand.self, Audit.self, EvidenceCommand.self, Report.self, Diff.self, Init.self,
    ]
  )

  /// Runs the command line, mapping every failure to the documented exit status.
  ///
  /// ArgumentParser reports usage errors with status 64; the contract is 2 for any bad
  /// input or usage, so usage errors are printed here and mapped. Every error about user
  /// input is a `DiagnosticError`, whatever module raised it: its diagnostics are printed in
  /// compiler style (`file:line:column: error: ...`, the source line and a caret where known,
  /// then the notes), and the status is 2.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if let (message, status) = badInputReport(for: error) {
        StandardError.write(message)
        Foundation.exit(status)
      }
      exit(withError: error)
    }
  }

  /// The message and exit status for an error about the user's input, or `nil` for the
  /// errors ArgumentParser reports itself (help, version, exit codes).
  ///
  /// Every `DiagnosticError` maps here to its rendered diagnostics and status 2, whichever
  /// module raised it; ArgumentParser's usage errors also map to 2 instead of its 64.
  static func badInputReport(for error: any Error) -> (message: String, status: Int32)? {
    if let diagnostic = error as? any DiagnosticError {
      return (diagnostic.renderedDiagnostics, ExitStatus.badInput)
    }
    if exitCode(for: error) == .validationFailure {
      return (fullMessage(for: error), ExitStatus.badInput)
    }
    return nil
  }
}

/// The exit statuses of the command-line contract.
enum ExitStatus {
  static let success: Int32 = 0
  static let gateFailed: Int32 = 1
  static let badInput: Int32 = 2
}
