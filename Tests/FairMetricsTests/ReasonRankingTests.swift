import FairAttribution
import FairMetrics
import FairModels
import Testing
import _FairTestSupport

@Suite struct ReasonRankingTests {
  static let names = ["a", "b", "c", "d"]

  private func attributions(_ rows: [[Double]]) -> Attributions {
    Attributions(
      values: rows.flatMap { $0 }, rowCount: rows.count,
      baseValues: Array(repeating: 0, count: rows.count),
      predictions: rows.map { $0.reduce(0, +) }, featureNames: Self.names, outputSpace: .margin)
  }

  @Test func ranksByPushTowardDenialAndNeverGivesFavourableFeatures() {
    let ranking = ReasonRanking(
      table: .identity, featureNames: Self.names, top: 2, highIsFavourable: true)
    let reasons = ranking.candidates([0.5, -0.2, -0.7, 0][...])
    #expect(reasons.map(\.code) == ["c", "b"])
    expectClose(reasons[0].attribution, -0.7, absolute: 0)
  }

  @Test func lowScoresFavourableReverseTheDirection() {
    let ranking = ReasonRanking(
      table: .identity, featureNames: Self.names, top: 4, highIsFavourable: false)
    #expect(ranking.candidates([0.5, -0.2, 0.9, 0][...]).map(\.code) == ["c", "a"])
  }

  @Test func equalPushesKeepModelFeatureOrder() {
    let ranking = ReasonRanking(
      table: .identity, featureNames: Self.names, top: 4, highIsFavourable: true)
    #expect(ranking.candidates([-0.3, -0.3, 0, -0.3][...]).map(\.code) == ["a", "b", "d"])
  }

  @Test func groupedFeaturesAreSummedUnderOneCode() {
    let table = ReasonTable(codes: [
      ReasonCode(code: "RC_CD", text: "c and d", features: ["d", "c"])
    ])
    let ranking = ReasonRanking(
      table: table, featureNames: Self.names, top: 4, highIsFavourable: true)
    let reasons = ranking.candidates([-0.5, 0, -0.3, -0.4][...])
    #expect(reasons.map(\.code) == ["RC_CD", "a"])
    // -0.3 + -0.4 summed in Double: exact to one rounding.
    expectClose(reasons[0].attribution, -0.7, absolute: 1e-15)
    // A group whose members cancel is not a reason.
    #expect(ranking.candidates([0, 0, -0.3, 0.3][...]).isEmpty)
  }

  @Test func favourableRowsAreMarkedAndTopCutsTheList() {
    let ranking = ReasonRanking(
      table: .identity, featureNames: Self.names, top: 1, highIsFavourable: true)
    let applicants = ranking.reasons(
      attributions([[-1, -2, 0, 0], [1, 1, 1, 1]]), rows: [3, 8], scores: [0.2, 0.9],
      isAdverse: [true, false])
    #expect(applicants.map(\.row) == [3, 8])
    #expect(applicants[0].codes == ["b"])
    #expect(applicants[0].candidateCount == 2)
    #expect(!applicants[1].isAdverse && applicants[1].reasons.isEmpty)
  }

  @Test func checksCountProhibitedElderlyAndGenericReasons() {
    let table = ReasonTable(codes: [
      ReasonCode(code: "RC_A", text: "Internal standards not met", features: ["a"]),
      ReasonCode(
        code: "RC_B", text: "Length of employment", features: ["b"],
        prohibitedBasis: "national_origin"),
    ])
    let ranking = ReasonRanking(
      table: table, featureNames: Self.names, top: 4, highIsFavourable: true)
    let applicants = ranking.reasons(
      attributions([[-1, -1, 0, -1], [0, 0, 0, 0], [0, -1, -1, 0]]), rows: [0, 1, 2],
      scores: [0, 0, 0], isAdverse: [true, true, true])
    let checks = ReasonChecks(
      applicants: applicants, table: table,
      restrictions: [ReasonChecks.Restriction(feature: "d", why: "protected attribute 'age'")],
      ages: [70, 40, 30], ageFeatures: ["d"])
    #expect(checks.adverseCount == 3)
    #expect(checks.withoutReasonCount == 1)
    #expect(checks.reasonCountDistribution == [1, 0, 1, 1])
    #expect(checks.restrictedCount(feature: "b") == 2)
    #expect(checks.restrictedCount(feature: "d") == 1)
    #expect(checks.restrictedCount(feature: "c") == 0)
    #expect(checks.elderlyAgeReasonCount == 1)
    #expect(checks.elderlyAdverseCount == 1)
    #expect(checks.genericCodes == ["RC_A"])
  }

  @Test(arguments: [
    ("Insufficient score", true), ("Does not meet our internal standards", true),
    ("Other", true), ("", true), ("Length of residence", false),
    ("Too many recent credit inquiries", false),
  ])
  func genericStatementsAreRecognised(text: String, isGeneric: Bool) {
    #expect(ReasonTable.isGeneric(text) == isGeneric)
  }

  @Test func nearCutoffTakesFavourableScoresWithinTheBand() throws {
    let rule = DecisionRule(space: .probability, threshold: 0.5, favourable: .above)
    let scores = [0.49, 0.5, 0.52, 0.6, 0.9, 0.55]
    #expect(try ReasonReference.nearCutoff(band: 0.05).rows(scores: scores, rule: rule) == [1, 2])
    #expect(try ReasonReference.nearCutoff(band: nil).rows(scores: scores, rule: rule) == [1])
    #expect(throws: MetricsError.self) {
      try ReasonReference.nearCutoff(band: 0.01).rows(scores: [0.2, 0.7], rule: rule)
    }
    #expect(try ReasonReference.all.rows(scores: scores, rule: rule) == Array(0..<6))
  }
}
