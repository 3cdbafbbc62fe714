/// One problem found in an input, with where it is and what to do about it.
///
/// Every module reports bad input through this one type, so the command line renders all of
/// them the same way, in compiler style:
///
/// ```
/// policy.yaml:12:9: error: unknown metric 'equalised_odds'
///     metric: equalised_odds
///             ^
/// policy.yaml:12:9: note: did you mean 'equalized_odds'?
/// ```
///
/// A location has up to three parts: the file, a source position (1-based line and,
/// for text formats, 1-based column counted in Unicode scalars), and a *place* inside the
/// document that a line cannot express, such as `column 4 'income'` for a CSV cell,
/// `tree 3, node 17, 'left_children'` for a tree model or an element path for PMML.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable, Codable, CaseIterable {
    /// The input cannot be used.
    case error
    /// The input can be used, but something in it is probably a mistake.
    case warning
    /// Extra information attached to another diagnostic.
    case note
  }

  /// A remark attached to a diagnostic, such as a suggestion, with an optional place of its own.
  public struct Note: Hashable, Sendable {
    /// The note's text, lower-case with no final period.
    public var message: String
    /// The 1-based line the note points at, if any (in the diagnostic's file).
    public var line: Int?
    /// The 1-based column the note points at, if any.
    public var column: Int?

    /// Creates a note.
    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
      self.message = message
      self.line = line
      self.column = column
    }
  }

  /// How serious the problem is.
  public var severity: Severity
  /// The path of the file, as the user gave it, if the problem belongs to a file.
  public var file: String?
  /// The 1-based line, if known.
  public var line: Int?
  /// The 1-based column in Unicode scalars, if known.
  public var column: Int?
  /// The place inside the document that a line and column do not express, if any.
  public var place: String?
  /// The message, lower-case with no final period; user values in single quotes.
  public var message: String
  /// Remarks, such as "did you mean" suggestions.
  public var notes: [Note]
  /// The text of the source line at `line`, for the caret display, if the reader kept it.
  public var sourceLine: String?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity = .error, file: String?, line: Int? = nil, column: Int? = nil,
    place: String? = nil, message: String, notes: [Note] = [], sourceLine: String? = nil
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.place = place
    self.message = message
    self.notes = notes
    self.sourceLine = sourceLine
  }

  /// The first line of the rendering: `file:line:column: severity: place: message`.
  public var description: String {
    Diagnostic.header(file: file, line: line, column: column, severity: severity.rawValue)
      + (place.map { $0 + ": " } ?? "") + message
  }

  /// The whole rendering: the header line, the source line with a caret under the column
  /// (when both are known), then each note.
  public var rendered: String {
    var lines = [description]
    if let sourceLine, let column {
      lines.append(contentsOf: SourceCaret.render(line: sourceLine, column: column))
    }
    for note in notes {
      lines.append(
        Diagnostic.header(
          file: file, line: note.line ?? line, column: note.line == nil ? column : note.column,
          severity: Severity.note.rawValue) + note.message)
    }
    return lines.joined(separator: "\n")
  }

  private static func header(file: String?, line: Int?, column: Int?, severity: String) -> String {
    guard let file else { return severity + ": " }
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text + ": " + severity + ": "
  }
}

/// An error that reports one or more diagnostics about bad input.
///
/// The command line catches every such error in one place, renders its diagnostics and
/// exits with status 2; a module's new error type needs only this conformance.
public protocol DiagnosticError: Error, CustomStringConvertible, Sendable {
  /// The problems, in the order a reader should see them; at least one.
  var diagnostics: [Diagnostic] { get }
}

extension DiagnosticError {
  /// Every diagnostic's full rendering, one after another.
  public var renderedDiagnostics: String {
    diagnostics.map(\.rendered).joined(separator: "\n")
  }
}
