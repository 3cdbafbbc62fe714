import ArgumentParser
import Foundation

/// Where the shipped policy packs are.
struct PolicyOptions: ParsableArguments {
  @Option(
    name: .customLong("packs"),
    help: ArgumentHelp(
      "The folder of the shipped policy packs (default: $FAIRGATE_PACKS, else the packs "
        + "installed with fairgate).", valueName: "dir"))
  var packs: String?

  /// The pack folder: `--packs`, then `$FAIRGATE_PACKS`, then `share/fairgate/policies` or
  /// `policies` next to the executable, then the source tree's `policies/` this binary was
  /// built from.
  var directory: String {
    if let packs { return packs }
    if let environment = ProcessInfo.processInfo.environment["FAIRGATE_PACKS"],
      !environment.isEmpty
    {
      return environment
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
      .resolvingSymlinksInPath().deletingLastPathComponent()
    let candidates = [
      executable.appendingPathComponent("../share/fairgate/policies").standardized.path,
      executable.appendingPathComponent("policies").path,
      URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../policies").standardized.path,
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[2]
  }
}
