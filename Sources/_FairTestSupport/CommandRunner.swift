import Foundation
public import Testing

/// The outcome of running the built `fairgate` binary.
public struct CommandResult: Sendable {
  /// The exit status.
  public var status: Int32
  /// Everything written to standard output.
  public var standardOutput: String
  /// Everything written to standard error.
  public var standardError: String
}

/// Runs the `fairgate` executable that `swift build`/`swift test` put beside the test bundle.
public enum FairGateBinary {
  /// The path of the built binary.
  public static var path: String {
    let bundle = Bundle.main.bundleURL
    var candidates = [bundle.appendingPathComponent("fairgate").path]
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("fairgate").path)
    if let argument = CommandLine.arguments.first {
      var url = URL(fileURLWithPath: argument).deletingLastPathComponent()
      for _ in 0..<4 {
        candidates.append(url.appendingPathComponent("fairgate").path)
        url.deleteLastPathComponent()
      }
    }
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    return candidates[0]
  }

  /// Runs `fairgate` with `arguments` in `directory` and collects its output.
  public static func run(
    _ arguments: [String], directory: String? = nil, environment: [String: String] = [:],
    standardInput: String? = nil
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let output = Pipe()
    let error = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = input
    try process.run()
    if let standardInput { input.fileHandleForWriting.write(Data(standardInput.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus,
      standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }

  /// Runs `fairgate` as ``run(_:directory:environment:standardInput:)`` does and expects it
  /// to exit with `status`; another status is recorded against `sourceLocation` with the
  /// command and its standard error.
  @discardableResult
  public static func expect(
    _ arguments: [String], status: Int32 = 0, directory: String? = nil,
    environment: [String: String] = [:], standardInput: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> CommandResult {
    let result = try run(
      arguments, directory: directory, environment: environment, standardInput: standardInput)
    #expect(
      result.status == status, "\(arguments.joined(separator: " ")): \(result.standardError)",
      sourceLocation: sourceLocation)
    return result
  }
}
