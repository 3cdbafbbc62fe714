import ArgumentParser
import FairAttribution
import FairModels
import FairTabular
import Foundation

/// The `fairgate` command: fairness and compliance audits of credit and hiring models.
@main
struct FairGateCommand: AsyncParsableCommand {
  static let version = "0.1.0"

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
    subcommands: [DataCommand.self, Predict.self, Explain.self, Importance.self]
  )

  /// Runs the command line, mapping every failure to the documented exit status.
  ///
  /// ArgumentParser reports usage errors with status 64; the contract is 2 for any bad
  /// input or usage, so usage errors are printed here and mapped. Errors about user files
  /// are printed in compiler style (`file:line: error: ...`) and also exit with 2.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as DataError {
      StandardError.write(error.description)
      Foundation.exit(ExitStatus.badInput)
    } catch let error as ModelError {
      StandardError.write(error.description)
      Foundation.exit(ExitStatus.badInput)
    } catch let error as AttributionError {
      StandardError.write(error.description)
      Foundation.exit(ExitStatus.badInput)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        StandardError.write(fullMessage(for: error))
        Foundation.exit(ExitStatus.badInput)
      }
      exit(withError: error)
    }
  }
}

/// The exit statuses of the command-line contract.
enum ExitStatus {
  static let success: Int32 = 0
  static let gateFailed: Int32 = 1
  static let badInput: Int32 = 2
}
