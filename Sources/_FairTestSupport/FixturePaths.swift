import Foundation

/// Locates files of the repository from a test's source file.
public enum FixturePaths {
  /// The repository root: the nearest folder above `filePath` holding `Package.swift`.
  public static func repositoryRoot(filePath: String = #filePath) -> String {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url.path
      }
      url.deleteLastPathComponent()
    }
    preconditionFailure("no Package.swift above \(filePath)")
  }

  /// The path of `relativePath` under the repository's `fixtures/` folder.
  public static func fixture(_ relativePath: String, filePath: String = #filePath) -> String {
    repositoryRoot(filePath: filePath) + "/fixtures/" + relativePath
  }

  /// A fresh, empty temporary folder for one test.
  public static func temporaryDirectory(named prefix: String = "fairgate-test") throws -> String {
    let path = NSTemporaryDirectory() + "/\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes `text` to a new temporary file with the given name and returns its path.
  public static func temporaryFile(
    _ name: String, contents text: String, directory: String? = nil
  ) throws -> String {
    let folder = try directory ?? temporaryDirectory()
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Writes raw bytes to a new temporary file with the given name and returns its path.
  public static func temporaryFile(_ name: String, bytes: [UInt8]) throws -> String {
    let path = try temporaryDirectory() + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }
}
