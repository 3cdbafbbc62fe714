import FairPolicy
import Foundation
import Testing
import _FairTestSupport

@testable import FairAudit

/// The digests of an audit's inputs describe the bytes it read: taken before the data is
/// read and checked again at the end, so a file that changes meanwhile stops the audit.
@Suite struct ProvenanceTests {
  static let root = FixturePaths.repositoryRoot()

  @Test func aFileThatChangesWhileTheAuditRunsIsRefused() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-changed")
    let manifestPath = try DemoManifest.copy("fixtures/hiring/audit.yaml", into: folder)
    let data = folder + "/hiring.csv"
    try FileManager.default.copyItem(
      atPath: Self.root + "/fixtures/hiring/hiring.csv", toPath: data)
    let manifest = try AuditManifest.load(
      path: manifestPath,
      shippedPolicyIDs: ["nyc-ll144", "eeoc-four-fifths", "attribution-guardrails"])
    let inputs = try Provenance.inputs(
      manifest: manifest, policies: [], policySHA256: [:], data: data,
      packDirectory: Self.root + "/policies")
    try inputs.checkUnchanged()
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\n".utf8))
    try handle.close()
    let error = try #require(throws: (any Error).self) { try inputs.checkUnchanged() }
    #expect("\(error)".contains(data), "\(error)")
    #expect("\(error)".contains("changed while the audit ran"), "\(error)")
  }
}
