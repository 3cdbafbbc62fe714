import FairPolicy
import Testing
import _FairSupport
import _FairTestSupport

/// One expected diagnostic: the marker it points at, its message, and optionally its notes.
struct Expected: CustomStringConvertible {
  var marker: String
  var message: String
  var notes: [String] = []
  var severity: Diagnostic.Severity = .error

  init(
    _ marker: String, _ message: String, notes: [String] = [],
    severity: Diagnostic.Severity = .error
  ) {
    self.marker = marker
    self.message = message
    self.notes = notes
    self.severity = severity
  }

  var description: String { "\(marker) \(message)" }
}

/// The diagnostics of loading `marked` as one policy file (with optional other sources).
func policyDiagnostics(
  _ marked: MarkedText, file: String = "policy.yaml", others: [PolicySource] = []
) -> [Diagnostic] {
  do {
    _ = try PolicyLoader().load([PolicySource(file: file, text: marked.text)] + others)
    return []
  } catch let error as PolicyError {
    return error.diagnostics
  } catch {
    Issue.record("unexpected error \(error)")
    return []
  }
}

/// Checks that `diagnostics` are exactly `expected`, each at its marker's `line:column`.
func expect(
  _ diagnostics: [Diagnostic], match expected: [Expected], in marked: MarkedText,
  file: String = "policy.yaml", sourceLocation: SourceLocation = #_sourceLocation
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

/// Loads `marked` and checks its diagnostics.
func expectPolicy(
  _ marked: MarkedText, diagnoses expected: [Expected], others: [PolicySource] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expect(
    policyDiagnostics(marked, others: others), match: expected, in: marked,
    sourceLocation: sourceLocation)
}
