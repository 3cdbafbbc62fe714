import Foundation

/// Runs a program of the machine (python3, xmllint) that some checks use when present.
enum ExternalTool {
  /// The outcome of a run: exit status and standard output and error together.
  struct Result {
    var status: Int32
    var output: String
  }

  /// Runs `program` (looked up on `PATH`) with `arguments` in `directory`.
  static func run(_ program: String, _ arguments: [String], directory: String? = nil) throws
    -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  /// Whether `program` runs and exits with 0 given `arguments`.
  static func succeeds(_ program: String, _ arguments: [String]) -> Bool {
    (try? run(program, arguments))?.status == 0
  }

  /// Whether Python's `jsonschema` is importable.
  static let hasJSONSchema = succeeds("python3", ["-c", "import jsonschema"])

  /// Whether `xmllint` is installed.
  static let hasXMLLint = succeeds("xmllint", ["--version"])
}
