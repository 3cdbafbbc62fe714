import Foundation
import Testing
import _FairTestSupport

/// Every waiver the manifest declares is recorded in the findings document, once per finding
/// it applies to, or as unmatched: a renewal applies before the expired waiver it renews, and
/// a waiver of a subject that passed is recorded, not dropped.
@Suite struct WaiverRecordCommandTests {
  static let root = FixturePaths.repositoryRoot()

  @Test func everyDeclaredWaiverIsRecorded() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-waiver-record")
    let waivers = """
      waivers:
        - rule: ll144.advisory-four-fifths
          subject: {grouping: race, slice: "Two or More Races"}
          reason: memo 9
          approver: J. Rivera
          expires: 2026-03-31
        - rule: ll144.advisory-four-fifths
          subject: {grouping: race, slice: "Two or More Races"}
          reason: memo 14
          approver: J. Rivera
          expires: 2026-12-31
        - rule: ll144.selection-rate
          subject: {grouping: sex, slice: Female}
          reason: memo 3
          approver: J. Rivera
          expires: 2026-12-31

      """
    _ = try DemoManifest.copy("fixtures/hiring/audit.yaml", into: folder, appending: "\n" + waivers)
    _ = try FairGateBinary.run(
      [
        "audit", folder + "/audit.yaml", "--format", "json", "--out", folder + "/out",
        "--as-of", "2026-06-01",
      ], directory: Self.root)
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/out/findings.json"))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let recorded = (document["waivers"] as? [[String: Any]] ?? []).map {
      "\($0["reason"] as? String ?? "?") \($0["status"] as? String ?? "?")"
    }
    #expect(recorded.sorted() == ["memo 14 applied", "memo 3 unmatched", "memo 9 unmatched"])
    let waived = (document["findings"] as? [[String: Any]] ?? []).filter {
      $0["verdict"] as? String == "waived"
    }
    #expect(waived.count == 1)
  }
}
