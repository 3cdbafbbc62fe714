import FairMetrics
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// Ratios of rates are rounded once, so that a ratio of whole counts equal to four fifths is
/// 0.8 — not a breach of the four-fifths rule (29 CFR 1607.4(D): a rate *less than* four
/// fifths of the highest).
@Suite struct ImpactRatioRoundingTests {
  @Test func aRatioOfCountsIsTheDoubleNearestItsExactValue() {
    let female = Rate(numerator: 40, denominator: 60)
    let male = Rate(numerator: 50, denominator: 60)
    // Dividing the rounded rates lands one ulp under 0.8.
    #expect(female.value / male.value < 0.8)
    #expect(female.ratio(to: male) == 0.8)
    #expect(Rate(numerator: 1, denominator: 3).ratio(to: Rate(numerator: 1, denominator: 3)) == 1)
    #expect(Rate(numerator: 0, denominator: 5).ratio(to: Rate(numerator: 0, denominator: 5)).isNaN)
    #expect(Rate(numerator: 1, denominator: 0).ratio(to: male).isNaN)
  }

  /// Women selected 40 of 60, men 50 of 60: the impact ratio is exactly 0.8.
  @Test func anImpactRatioOfExactlyFourFifthsIsReportedAsSuch() throws {
    var lines = ["sex"]
    var decisions: [Bool] = []
    for (sex, selected) in [("female", 40), ("male", 50)] {
      for row in 0..<60 {
        lines.append(sex)
        decisions.append(row < selected)
      }
    }
    let path =
      try FixturePaths.temporaryDirectory(named: "fairgate-four-fifths") + "/rows.csv"
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let dataset = try CSVReader().read(contentsOf: path)
    let evidence = try Evidence(
      configuration: Evidence.Configuration(
        attributes: [ProtectedAttribute(name: "sex", source: .column("sex"))],
        groupings: [Grouping(["sex"])], bootstrapReplicates: 0, seed: 1, threads: 1),
      dataset: dataset, dataFile: "rows.csv",
      rows: EvidenceRows(
        rowIDs: (0..<UInt64(decisions.count)).map { $0 }, decisions: decisions))
    let sex = try #require(try evidence.groupMetrics().first)
    let female = try #require(sex.slices.first { $0.slice == "female" })
    #expect(female.impactRatio == 0.8)
  }
}
