import FairMetrics
import Testing
import _FairTestSupport

/// The automatic choice between the z test and Fisher's exact test.
@Suite struct SignificanceTestTests {
  @Test func largeGroupsUseTheZTest() {
    let test = SignificanceTest(
      reference: Rate(numerator: 412, denominator: 797),
      focal: Rate(numerator: 170, denominator: 390))
    #expect(test.kind == .twoProportionZ)
    #expect(test.reason == .largeSample)
    #expect(test.smallestGroupSize == 390)
    #expect(!test.usedRoundedCounts)
  }

  @Test func smallGroupsUseFisher() {
    let test = SignificanceTest(
      reference: Rate(numerator: 18, denominator: 28), focal: Rate(numerator: 10, denominator: 24))
    #expect(test.kind == .fisherExact)
    #expect(test.reason == .smallGroup)
  }

  @Test func rareOutcomesUseFisher() {
    // Both groups have 200 members, but only 4 selections in all: expected counts are 2.
    let test = SignificanceTest(
      reference: Rate(numerator: 3, denominator: 200), focal: Rate(numerator: 1, denominator: 200))
    #expect(test.kind == .fisherExact)
    #expect(test.reason == .smallExpectedCount)
    // The pooled rate is 4/400, so the smallest expected cell is 200 · 0.01.
    expectClose(test.smallestExpectedCount, 2, relative: 1e-15, "200 · 0.01")
    let fisher = FisherExactTest(3, 197, 1, 199)
    expectClose(test.pValue, fisher.pValue, relative: 0, "the same computation")
  }

  @Test func requestedTestsRunRegardless() {
    let reference = Rate(numerator: 18, denominator: 28)
    let focal = Rate(numerator: 10, denominator: 24)
    let z = SignificanceTest(reference: reference, focal: focal, method: .twoProportionZ)
    #expect(z.kind == .twoProportionZ && z.reason == .requested)
    let direct = TwoProportionZTest(reference: reference, focal: focal)
    expectClose(z.statistic, direct.statistic, relative: 0, "the same computation")
    let fisher = SignificanceTest(
      reference: Rate(numerator: 412, denominator: 797),
      focal: Rate(numerator: 170, denominator: 390), method: .fisherExact)
    #expect(fisher.kind == .fisherExact && fisher.reason == .requested)
  }

  @Test func weightedCountsAreRoundedForFisher() {
    let test = SignificanceTest(
      reference: Rate(numerator: 10.4, denominator: 20.2),
      focal: Rate(numerator: 3.6, denominator: 12.1))
    #expect(test.kind == .fisherExact)
    #expect(test.usedRoundedCounts)
    let rounded = FisherExactTest(10, 10, 4, 8)
    expectClose(test.pValue, rounded.pValue, relative: 0, "Fisher on [[10, 10], [4, 8]]")
    // The shortfall keeps the weighted counts: 12.1 · 10.4/20.2 - 3.6.
    expectClose(test.shortfall, 12.1 * (10.4 / 20.2) - 3.6, relative: 1e-15, "as given")
  }

  @Test func emptyGroupsAreNotComputable() {
    let test = SignificanceTest(
      reference: Rate(numerator: 10, denominator: 20), focal: Rate(numerator: 0, denominator: 0))
    #expect(test.reason == .notComputable)
    #expect(test.pValue.isNaN && test.statistic.isNaN && test.shortfall.isNaN)
  }
}
