import FairMetrics
import Testing
import _FairTestSupport

/// The worked examples of the NYC DCWP's Notice of Adoption of 6 RCNY §§ 5-300–5-304 (the selection-rate example of § 5-301(b) and the scoring-rate example of § 5-301(d)), checked
/// against the figures printed there (to their printed precision) and against scipy and
/// statsmodels (fixture, to the stated tolerances).
@Suite(.tags(.golden)) struct WorkedExampleTests {
  /// Runs the three computations of the rule's examples for one pair of groups.
  struct Outcome {
    let impactRatio: Double
    let automatic: SignificanceTest
    let z: TwoProportionZTest
    let fisher: FisherExactTest

    init(reference: (Int, Int), focal: (Int, Int)) {
      let referenceRate = Rate(numerator: Double(reference.0), denominator: Double(reference.1))
      let focalRate = Rate(numerator: Double(focal.0), denominator: Double(focal.1))
      impactRatio = focalRate.value / referenceRate.value
      automatic = SignificanceTest(reference: referenceRate, focal: focalRate)
      z = TwoProportionZTest(reference: referenceRate, focal: focalRate)
      fisher = FisherExactTest(
        reference.0, reference.1 - reference.0, focal.0, focal.1 - focal.0)
    }

    /// Checks against the fixture entry of the same name.
    func expectMatchesReference(_ name: String) throws {
      let reference = try StatisticsReference.shared()
      let entry = try #require(reference.workedExamples.first { $0.name == name })
      // A ratio of two quotients, as the generator computes it: an ulp or two.
      expectClose(impactRatio, entry.impactRatio, relative: 1e-15, "\(name) impact ratio")
      // Same operations as statsmodels, up to the square root: a few ulps.
      expectClose(z.statistic, entry.z, relative: 1e-14, "\(name) z")
      // The acceptance criterion for p-values.
      expectClose(z.pValue, entry.zPValue, relative: 1e-9, "\(name) z p-value")
      expectClose(fisher.pValue, entry.fisherPValue, relative: 1e-9, "\(name) Fisher p-value")
      expectClose(fisher.oddsRatio, entry.oddsRatio, relative: 1e-15, "\(name) odds ratio")
      expectClose(automatic.shortfall, entry.shortfall, relative: 1e-14, "\(name) shortfall")
    }
  }

  @Test func blackVersusWhiteSelectionExample() throws {
    // DCWP example: IR 0.843 passes four-fifths, but z = 2.62 (p = 0.0087), Fisher p = 0.0094,
    // shortfall 31.6 selections.
    let outcome = Outcome(reference: (412, 797), focal: (170, 390))
    // Printed to three decimals: half a unit in the last printed place.
    expectClose(outcome.impactRatio, 0.843, absolute: 0.0005, "IR as printed")
    expectClose(outcome.z.statistic, 2.62, absolute: 0.005, "z as printed")
    expectClose(outcome.z.pValue, 0.0087, absolute: 0.00005, "z p-value as printed")
    expectClose(outcome.fisher.pValue, 0.0094, absolute: 0.00005, "Fisher p as printed")
    expectClose(outcome.automatic.shortfall, 31.6, absolute: 0.05, "shortfall as printed")
    #expect(outcome.automatic.kind == .twoProportionZ)
    #expect(outcome.automatic.pValue < 0.05)
    try outcome.expectMatchesReference("black vs white")
  }

  @Test func asianVersusHispanicScoringExample() throws {
    // DCWP example: IR 0.648 fails four-fifths, but Fisher p = 0.163 and z is 1.63: small sample.
    let outcome = Outcome(reference: (18, 28), focal: (10, 24))
    expectClose(outcome.impactRatio, 0.648, absolute: 0.0005, "IR as printed")
    expectClose(outcome.fisher.pValue, 0.163, absolute: 0.0005, "Fisher p as printed")
    expectClose(outcome.z.statistic, 1.63, absolute: 0.005, "z as printed")
    #expect(outcome.automatic.kind == .fisherExact)
    #expect(outcome.automatic.reason == .smallGroup)
    expectClose(outcome.automatic.pValue, outcome.fisher.pValue, relative: 0, "Fisher ran")
    try outcome.expectMatchesReference("asian vs hispanic")
  }

  @Test func femaleVersusMaleScoringExample() throws {
    // DCWP example: IR 0.823, z 1.24, Fisher p 0.278.
    let outcome = Outcome(reference: (50, 92), focal: (34, 76))
    expectClose(outcome.impactRatio, 0.823, absolute: 0.0005, "IR as printed")
    expectClose(outcome.z.statistic, 1.24, absolute: 0.005, "z as printed")
    expectClose(outcome.fisher.pValue, 0.278, absolute: 0.0005, "Fisher p as printed")
    #expect(outcome.automatic.kind == .twoProportionZ)
    try outcome.expectMatchesReference("female vs male")
  }
}
