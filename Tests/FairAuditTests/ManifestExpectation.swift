import FairAudit
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// One expected diagnostic: the marker it points at, its message, and its notes.
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

/// Where the manifest test fixtures live, and helpers to parse manifests among them.
enum ManifestFixtures {
  /// The folder of `hiring.csv`, `model.json`, `background.csv` and `policies/`.
  static let directory =
    FixturePaths.repositoryRoot() + "/Tests/FairAuditTests/Fixtures/manifest"
  /// The path given to the parser, so relative paths resolve among the fixtures.
  static let manifestPath = directory + "/fairgate.yaml"
  /// The ids of the shipped policy packs (their file names in `policies/`).
  static let shippedPolicyIDs: [String] = {
    let folder = FixturePaths.repositoryRoot() + "/policies"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }()

  /// Parses `text` as a manifest in the fixture folder.
  static func parse(_ text: String) throws -> AuditManifest {
    try AuditManifest.parse(
      text: text, file: manifestPath, shippedPolicyIDs: shippedPolicyIDs)
  }

  /// The diagnostics of parsing `text`; none when it parses.
  static func diagnostics(_ text: String) -> [Diagnostic] {
    do {
      _ = try parse(text)
      return []
    } catch let error as ManifestError {
      return error.diagnostics
    } catch {
      Issue.record("unexpected error \(error)")
      return []
    }
  }
}

/// Checks that `diagnostics` are exactly `expected`, each at its marker's `line:column` of the
/// manifest file.
func expect(
  _ diagnostics: [Diagnostic], match expected: [Expected], in marked: MarkedText,
  file: String = ManifestFixtures.manifestPath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = diagnostics.map {
    "\($0.file == file ? "manifest" : $0.file ?? "-"):\($0.line ?? 0):\($0.column ?? 0): "
      + "\($0.severity.rawValue): \($0.message)"
      + $0.notes.map { " [note: \($0.message)]" }.joined()
  }
  let wanted = expected.map {
    "manifest:\(marked.location($0.marker)): \($0.severity.rawValue): \($0.message)"
      + $0.notes.map { " [note: \($0)]" }.joined()
  }
  #expect(actual == wanted, sourceLocation: sourceLocation)
}

/// Parses `marked` in the fixture folder and checks its diagnostics.
func expectManifest(
  _ marked: MarkedText, diagnoses expected: [Expected],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expect(
    ManifestFixtures.diagnostics(marked.text), match: expected, in: marked,
    sourceLocation: sourceLocation)
}
