import Foundation

/// File paths compared as text: without `.`, `..` and repeated slashes, and without
/// resolving symbolic links, so that two spellings of one place compare equal and the
/// result does not depend on how the machine links its folders.
package enum PathText {
  /// `path` with `.` and `..` components and repeated slashes removed (a leading `..` of a
  /// relative path is kept).
  package static func normalised(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : joined
  }

  /// `path` made absolute against the current folder, then ``normalised(_:)``.
  package static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return normalised(path) }
    return normalised(FileManager.default.currentDirectoryPath + "/" + path)
  }
}
