import ArgumentParser
import Foundation

/// Threads and seed: they change how fast a command runs, never its numbers.
struct RuntimeOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Worker threads (default: the number of processors); results do not depend on it.",
      valueName: "n"))
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: ArgumentHelp("The seed of sampling methods.", valueName: "n"))
  var seed: UInt64 = 0

  func validate() throws {
    guard threads >= 1 else {
      throw ValidationError("'--threads' must be 1 or more, not \(threads)")
    }
  }
}
