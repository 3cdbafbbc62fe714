import ArgumentParser
import _FairSupport

/// The thread count: it changes how fast a command runs, never its numbers.
struct ThreadOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Worker threads (default: the number of processors); results do not depend on it.",
      valueName: "n"))
  var threads: Int = ProcessorCount.online

  func validate() throws {
    guard threads >= 1 else {
      throw ValidationError("'--threads' must be 1 or more, not \(threads)")
    }
  }
}

/// Threads and seed: they change how fast a command runs, never its numbers.
struct RuntimeOptions: ParsableArguments {
  @OptionGroup var threading: ThreadOptions

  @Option(help: ArgumentHelp("The seed of sampling methods.", valueName: "n"))
  var seed: UInt64 = 0

  /// The worker threads.
  var threads: Int { threading.threads }
}
