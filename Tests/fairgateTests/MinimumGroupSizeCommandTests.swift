import Foundation
import Testing
import _FairTestSupport

/// A rule's `min_group_size` holds for every figure of a slice, those that need true outcomes
/// included: a slice smaller than it gets `insufficient-data`, never a pass or a failure.
@Suite struct MinimumGroupSizeCommandTests {
  static let root = FixturePaths.repositoryRoot()

  @Test(arguments: ["true_positive_rate", "expected_calibration_error", "base_rate"])
  func slicesUnderTheMinimumAreInsufficientData(metric: String) throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-min-group-\(metric)")
    let policy = """
      policy: sizes
      title: "Figures of groups too small to judge"
      version: "1"
      rules:
        - id: sizes.figure
          title: A figure of every group
          metric: \(metric)
          over: all
          require: ">= 0"
          severity: error
          min_group_size: 100000
          citation:
            text: "Internal policy"
            kind: internal
            status: in-force

      """
    try policy.write(toFile: folder + "/sizes.yaml", atomically: true, encoding: .utf8)
    _ = try DemoManifest.copy(
      "fixtures/hiring/audit.yaml", into: folder,
      replacing: [
        (
          "policies: [nyc-ll144, eeoc-four-fifths, attribution-guardrails]",
          "policies: [\(folder)/sizes.yaml]"
        )
      ])
    let run = try FairGateBinary.expect(
      [
        "audit", folder + "/audit.yaml", "--format", "json", "--out", folder + "/out",
        "--as-of", "2026-12-04",
      ], directory: Self.root)
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/out/findings.json"))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let findings = (document["findings"] as? [[String: Any]] ?? []).filter {
      ($0["rule"] as? [String: Any])?["id"] as? String == "sizes.figure"
    }
    #expect(findings.count >= 2, "\(run.standardError)")
    for finding in findings {
      #expect(finding["verdict"] as? String == "insufficient-data", "\(finding)")
    }
  }
}
