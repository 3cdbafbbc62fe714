public import Testing
public import _FairSupport

/// One expected diagnostic of a marker-text test: the marker it points at, its message, its
/// notes and its severity.
public struct Expected: CustomStringConvertible, Sendable {
  /// The marker (such as `1️⃣`) at the diagnostic's line and column.
  public var marker: String
  /// The message.
  public var message: String
  /// The notes' messages, in order.
  public var notes: [String]
  /// The severity.
  public var severity: Diagnostic.Severity

  /// Creates an expectation.
  public init(
    _ marker: String, _ message: String, notes: [String] = [],
    severity: Diagnostic.Severity = .error
  ) {
    self.marker = marker
    self.message = message
    self.notes = notes
    self.severity = severity
  }

  /// The marker and the message.
  public var description: String { "\(marker) \(message)" }
}

/// Records an issue unless `diagnostics` are exactly `expected`, in order, each in `file` at
/// its marker's `line:column` of `marked`, with the same severity, message and notes.
public func expect(
  _ diagnostics: [Diagnostic], match expected: [Expected], in marked: MarkedText,
  file: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = diagnostics.map {
    "\($0.file ?? "-"):\($0.line ?? 0):\($0.column ?? 0): \($0.severity.rawValue): \($0.message)"
      + $0.notes.map { " [note: \($0.message)]" }.joined()
  }
  let wanted = expected.map {
    "\(file):\(marked.location($0.marker)): \($0.severity.rawValue): \($0.message)"
      + $0.notes.map { " [note: \($0)]" }.joined()
  }
  #expect(actual == wanted, sourceLocation: sourceLocation)
}
