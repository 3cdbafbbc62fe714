import FairAudit
import FairMetrics
import FairPolicy
import Foundation
import Testing
import _FairTestSupport

@Suite struct DemoAuditTests {
  static let root = FixturePaths.repositoryRoot()

  static func run(_ manifest: String, threads: Int = 2) throws -> AuditResult {
    try AuditPipeline.run(
      manifest: root + "/" + manifest,
      options: AuditOptions(
        asOf: try #require(CalendarDate(year: 2026, month: 12, day: 3)), threads: threads,
        packDirectory: root + "/policies"))
  }

  @Test func hiringDemoFailsOnThePlantedBreachAndNamesTheProxy() throws {
    let result = try Self.run("fixtures/hiring/audit.yaml")
    #expect(!result.outcome.passed)
    let failures = result.evaluation.findings.filter { $0.verdict == .fail }
    // The planted intersection: Black women at 0.566 of the most selected group.
    let breach = try #require(
      failures.first {
        $0.ruleID == "eeoc.impact-ratio"
          && $0.subject.slice?.values == ["Female", "Black or African American"]
      })
    #expect(breach.severity == .error)
    expectClose(try #require(breach.value), 0.5658199653519922, relative: 1e-12, "fixture script")
    // The planted proxy: commute_zone's share of the attribution, flagged per slice.
    #expect(
      failures.contains {
        $0.ruleID == "guard.proxy-slice-attribution-share" && $0.subject.feature == "commute_zone"
      })
    // The employment gap matters over twice as much for women as for men.
    #expect(
      failures.contains {
        $0.ruleID == "guard.attribution-ratio" && $0.subject.feature == "employment_gap_months"
          && $0.subject.slice?.values == ["Female"]
      })
  }

  @Test func vendorAuditNeedsNoModel() throws {
    let result = try Self.run("fixtures/hiring/vendor-scores.yaml")
    let findings = result.evaluation.findings
    #expect(
      findings.contains {
        $0.ruleID == "ll144.scoring-impact-ratio" && $0.verdict != .insufficientData
      })
    #expect(result.build?.bound == nil)
  }

  @Test func germanCreditFiguresEqualTheIndependentEvidence() throws {
    let result = try Self.run("fixtures/german-credit/audit.yaml")
    let json = try Data(
      contentsOf: URL(fileURLWithPath: Self.root + "/fixtures/german-credit/reference.json"))
    let reference = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let groups = try #require(reference["groups"] as? [String: [String: Any]])
    let ratios = result.evaluation.findings.filter { $0.metric == "impact_ratio" }
    #expect(!ratios.isEmpty)
    for finding in ratios {
      guard let grouping = finding.subject.grouping, let slice = finding.subject.slice,
        let value = finding.value
      else { continue }
      let key = grouping.attributes.joined(separator: "_x_")
      let name = slice.values.joined(separator: "|")
      let slices = try #require(groups[key]?["slices"] as? [String: [String: Any]], "\(key)")
      let expected = try #require(slices[name]?["impact_ratio"] as? Double, "\(key) \(name)")
      // One division of exact counts on each side; the model's probabilities agree with
      // xgboost's to 1e-7, far from the 0.5 threshold for every row of this data.
      expectClose(value, expected, relative: 1e-12, "\(key) \(name)")
    }
    // The model reads age and personal_status_sex: prohibited bases among its inputs.
    #expect(
      result.evaluation.findings.contains {
        $0.ruleID == "ecoa.no-prohibited-basis-input" && $0.verdict == .fail
          && $0.subject.feature == "age"
      })
  }

  @Test func findingsAreTheSameForAnyThreadCount() throws {
    let one = try Self.run("fixtures/german-credit/audit.yaml", threads: 1)
    let four = try Self.run("fixtures/german-credit/audit.yaml", threads: 4)
    #expect(one.evaluation == four.evaluation)
  }
}
