import Foundation
public import Testing

/// Compares `actual` with the golden file `Tests/<Target>/Golden/<suite>/<name>`.
///
/// With `RECORD_GOLDEN=1` in the environment the file is rewritten and the test still fails
/// with "recorded new golden", so recording never passes silently. CI never sets it.
public func expectMatchesGolden(
  _ actual: String, suite: String, name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let testDirectory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
  let url = testDirectory.appendingPathComponent("Golden/\(suite)/\(name)")
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      Issue.record("recorded new golden \(url.path)", sourceLocation: sourceLocation)
    } catch {
      Issue.record("cannot record golden \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8)
  else {
    Issue.record(
      "missing golden \(url.path); run with RECORD_GOLDEN=1 to create it",
      sourceLocation: sourceLocation)
    return
  }
  guard actual != expected else { return }
  let text = "output differs from \(url.lastPathComponent):\n" + lineDiff(expected, actual)
  Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
}

/// A minimal line diff: the first differing lines with their numbers.
func lineDiff(_ expected: String, _ actual: String) -> String {
  let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var lines: [String] = []
  for index in 0..<max(left.count, right.count) where lines.count < 20 {
    let expectedLine = index < left.count ? String(left[index]) : "<none>"
    let actualLine = index < right.count ? String(right[index]) : "<none>"
    if expectedLine != actualLine {
      lines.append("line \(index + 1):\n  - \(expectedLine)\n  + \(actualLine)")
    }
  }
  return lines.joined(separator: "\n")
}
