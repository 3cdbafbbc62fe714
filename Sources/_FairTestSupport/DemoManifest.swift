import Foundation

/// A demo audit manifest copied into a test's own folder, changed for the test.
public enum DemoManifest {
  /// Copies the manifest at `path` (relative to the repository root) into `folder` as
  /// `audit.yaml`, with every relative `file:` made absolute (so the copy reads the demo's
  /// model, data and other files), each of `replacements` applied and `appended` added.
  ///
  /// Only lines of the form `file: PATH` are rewritten (a quoted path loses its quotes);
  /// the demos hold no such line inside a block of text, and no relative `table:`.
  ///
  /// - Parameters:
  ///   - path: The demo manifest, such as `fixtures/hiring/audit.yaml`.
  ///   - folder: Where to write the copy.
  ///   - replacements: Text to find and what to put instead; each must occur, so that a
  ///     change to the demo fails the test rather than silently testing something else.
  ///   - appended: Text added at the end, such as a `waivers:` block.
  /// - Returns: The copy's path.
  /// - Throws: When a file cannot be read or written, or a replaced text does not occur.
  public static func copy(
    _ path: String, into folder: String, replacing replacements: [(String, String)] = [],
    appending appended: String = "", filePath: String = #filePath
  ) throws -> String {
    let root = FixturePaths.repositoryRoot(filePath: filePath)
    let source = root + "/" + path
    let directory = (source as NSString).deletingLastPathComponent
    var lines: [String] = []
    for line in try String(contentsOfFile: source, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    {
      let text = String(line)
      let trimmed = text.drop { $0 == " " }
      var relative = trimmed.dropFirst(6)
      if let quote = relative.first, quote == "\"" || quote == "'", relative.last == quote {
        relative = relative.dropFirst().dropLast()
      }
      guard trimmed.hasPrefix("file: "), !relative.hasPrefix("/") else {
        lines.append(text)
        continue
      }
      let indent = text.prefix(text.count - trimmed.count)
      lines.append(
        indent + "file: " + ((directory + "/" + relative) as NSString).standardizingPath)
    }
    var manifest = lines.joined(separator: "\n")
    for (old, new) in replacements {
      guard manifest.contains(old) else { throw Missing(text: old, manifest: path) }
      manifest = manifest.replacingOccurrences(of: old, with: new)
    }
    manifest += appended
    let copy = folder + "/audit.yaml"
    try manifest.write(toFile: copy, atomically: true, encoding: .utf8)
    return copy
  }

  /// A replaced text the demo manifest no longer holds.
  public struct Missing: Error, CustomStringConvertible {
    /// The text looked for.
    public var text: String
    /// The manifest.
    public var manifest: String

    /// The manifest and the text.
    public var description: String { "\(manifest) no longer holds \(text.debugDescription)" }
  }
}
