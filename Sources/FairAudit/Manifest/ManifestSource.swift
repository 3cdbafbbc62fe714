package import FairPolicy
package import _FairSupport

/// The text of a manifest, kept so that checks after parsing can point at its lines.
package struct ManifestSource: Sendable, Equatable {
  /// The manifest's path, as the user gave it.
  package var file: String
  /// The lines of the text, without line ends.
  package var lines: [String]

  /// Creates a source from the lines of a reader.
  package init(file: String, lines: [String]) {
    self.file = file
    self.lines = lines
  }

  /// The text of 1-based line `number`, if it exists.
  package func line(_ number: Int) -> String? {
    number >= 1 && number <= lines.count ? lines[number - 1] : nil
  }

  /// A diagnostic at `position` of the manifest, with the source line for the caret.
  package func diagnostic(
    _ severity: Diagnostic.Severity = .error, _ message: String, at position: SourcePosition,
    notes: [Diagnostic.Note] = []
  ) -> Diagnostic {
    Diagnostic(
      severity, file: file, line: position.line, column: position.column, message: message,
      notes: notes, sourceLine: line(position.line))
  }

  /// The location of `position`, for values that carry where they were written.
  package func location(of position: SourcePosition) -> PolicyLocation {
    PolicyLocation(
      file: file, line: position.line, column: position.column,
      sourceLine: line(position.line))
  }
}
