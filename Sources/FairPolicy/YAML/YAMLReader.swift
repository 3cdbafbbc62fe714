import Foundation
import Yams
package import _FairSupport

/// Reads a YAML document into located nodes and collects every problem as a ``Diagnostic``.
///
/// The reader never throws while reading. Syntax errors, tabs in indentation, unknown or
/// missing keys and values of the wrong type are recorded with their file, line and column
/// (and the source line for the caret), so a caller reads everything it can and then reports
/// every problem at once, sorted by position.
///
/// ```swift
/// let reader = YAMLReader(text: text, file: "policy.yaml")
/// guard let root = reader.parseDocument(),
///   let top = reader.mapping(root, allowedKeys: ["id", "rules"], requiredKeys: ["id"], in: "a policy")
/// else { … }
/// let id = reader.string(top["id"])
/// ```
package final class YAMLReader {
  /// The path of the file, as the user gave it.
  package let file: String
  /// The whole text.
  package let text: String
  /// The text's lines, without line ends.
  private let lines: [String]
  /// Every problem recorded so far, in the order found.
  package private(set) var diagnostics: [Diagnostic] = []

  /// The deepest nesting the reader accepts, so that hostile input cannot exhaust the stack.
  static let maximumDepth = 256

  /// Creates a reader of `text`, which came from `file`.
  package init(text: String, file: String) {
    self.file = file
    self.text = text
    var split: [String] = []
    var current = ""
    var scalars = text.unicodeScalars.makeIterator()
    var pendingReturn = false
    while let scalar = scalars.next() {
      if pendingReturn {
        pendingReturn = false
        if scalar == "\n" { continue }
      }
      if scalar == "\n" || scalar == "\r" {
        split.append(current)
        current = ""
        pendingReturn = scalar == "\r"
      } else {
        current.unicodeScalars.append(scalar)
      }
    }
    split.append(current)
    lines = split
  }

  /// Whether an error (not only warnings) has been recorded.
  package var hasErrors: Bool {
    diagnostics.contains { $0.severity == .error }
  }

  /// The diagnostics sorted by line and column; those without a position come first.
  package var sortedDiagnostics: [Diagnostic] {
    diagnostics.enumerated().sorted { left, right in
      let l = (left.element.line ?? 0, left.element.column ?? 0, left.offset)
      let r = (right.element.line ?? 0, right.element.column ?? 0, right.offset)
      return l < r
    }.map(\.element)
  }

  /// The text of 1-based line `number`, if it exists.
  package func sourceLine(_ number: Int) -> String? {
    number >= 1 && number <= lines.count ? lines[number - 1] : nil
  }

  /// Records an error at `position`.
  package func error(
    _ message: String, at position: SourcePosition, notes: [Diagnostic.Note] = []
  ) {
    record(.error, message, at: position, notes: notes)
  }

  /// Records a warning at `position`.
  package func warning(
    _ message: String, at position: SourcePosition, notes: [Diagnostic.Note] = []
  ) {
    record(.warning, message, at: position, notes: notes)
  }

  /// Records a diagnostic at `position`, with the source line for the caret.
  package func record(
    _ severity: Diagnostic.Severity, _ message: String, at position: SourcePosition,
    notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(
      Diagnostic(
        severity, file: file, line: position.line, column: position.column, message: message,
        notes: notes, sourceLine: sourceLine(position.line)))
  }

  /// Adds diagnostics found elsewhere (for example by a later validation pass).
  package func append(_ more: [Diagnostic]) {
    diagnostics.append(contentsOf: more)
  }

  /// Parses the text as one YAML document and returns its root, or `nil` when the document is
  /// empty or cannot be parsed (the problem is recorded).
  package func parseDocument() -> YAMLNode? {
    let prepared = prepareText()
    guard prepared.isUsable else { return nil }
    do {
      let parser = try Parser(yaml: prepared.text)
      guard let root = try parser.singleRoot() else {
        error(Message.emptyDocument, at: SourcePosition(line: 1, column: 1))
        return nil
      }
      return YAMLNode(root)
    } catch let yamlError as YamlError {
      recordSyntaxError(yamlError, in: prepared.text)
    } catch {
      self.error(Message.unreadable("\(error)"), at: SourcePosition(line: 1, column: 1))
    }
    return nil
  }
}
