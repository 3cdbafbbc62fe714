import FairPolicy
import Testing
import _FairSupport
import _FairTestSupport

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

/// Loads `marked` and checks its diagnostics.
func expectPolicy(
  _ marked: MarkedText, diagnoses expected: [Expected], others: [PolicySource] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expect(
    policyDiagnostics(marked, others: others), match: expected, in: marked,
    file: "policy.yaml", sourceLocation: sourceLocation)
}
