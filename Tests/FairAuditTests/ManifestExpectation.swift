import FairAudit
import FairTabular
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

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

extension ManifestFixtures {
  /// The diagnostics of validating `text` against the data it names; none when it is valid.
  static func validationDiagnostics(_ text: String) throws -> [Diagnostic] {
    let manifest = try parse(text)
    let dataset = try CSVReader(options: manifest.data.csvOptions)
      .read(contentsOf: manifest.data.path)
    do {
      return try manifest.validate(against: dataset)
    } catch let error as ManifestError {
      return error.diagnostics
    }
  }
}

/// Parses `marked` in the fixture folder and checks its diagnostics.
func expectManifest(
  _ marked: MarkedText, diagnoses expected: [Expected],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expect(
    ManifestFixtures.diagnostics(marked.text), match: expected, in: marked,
    file: ManifestFixtures.manifestPath, sourceLocation: sourceLocation)
}
