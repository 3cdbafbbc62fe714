import FairMetrics
import Testing
import _FairTestSupport

/// The Wilson interval and the two-proportion z test against statsmodels and scipy
/// (fixture).
@Suite(.tags(.golden)) struct ProportionTests {
  @Test func wilsonMatchesStatsmodels() throws {
    for entry in try StatisticsReference.shared().wilson {
      let interval = WilsonInterval(
        Rate(numerator: entry.count, denominator: entry.nobs), alpha: entry.alpha)
      // Same operations in the same order as statsmodels; only norm.isf(α/2) differs, by an
      // ulp or two (AS 241 against Cephes' ndtri), and the bounds are well conditioned in it.
      let label = "wilson(\(entry.count), \(entry.nobs), \(entry.alpha))"
      expectClose(interval.lower, entry.lower, absolute: 1e-15, relative: 1e-13, label)
      expectClose(interval.upper, entry.upper, absolute: 1e-15, relative: 1e-13, label)
      #expect(interval.confidenceLevel == 1 - entry.alpha)
    }
  }

  @Test func wilsonIsNotComputableWithoutTrials() {
    let empty = WilsonInterval(Rate(numerator: 0, denominator: 0))
    #expect(empty.lower.isNaN && empty.upper.isNaN)
    let impossible = WilsonInterval(Rate(numerator: 5, denominator: 3))
    #expect(impossible.lower.isNaN && impossible.upper.isNaN)
  }

  @Test func zTestMatchesStatsmodelsAndScipy() throws {
    for entry in try StatisticsReference.shared().zTest {
      let test = TwoProportionZTest(
        reference: Rate(numerator: entry.referenceSelected, denominator: entry.referenceTotal),
        focal: Rate(numerator: entry.focalSelected, denominator: entry.focalTotal))
      let label =
        "z(\(entry.referenceSelected)/\(entry.referenceTotal) vs "
        + "\(entry.focalSelected)/\(entry.focalTotal))"
      // The z statistic repeats statsmodels' operations, so only the square root could
      // differ: a few ulps.
      expectClose(test.statistic, entry.z, absolute: 1e-15, relative: 1e-14, label)
      // The acceptance criterion for p-values: 1e-9 relative to scipy's 2*norm.sf(|z|).
      expectClose(test.pValue, entry.p, relative: 1e-9, label)
      #expect(!test.isDegenerate)
    }
  }

  @Test func zTestDegenerateCases() {
    let nobodySelected = TwoProportionZTest(
      reference: Rate(numerator: 0, denominator: 50), focal: Rate(numerator: 0, denominator: 40))
    #expect(nobodySelected.isDegenerate)
    #expect(nobodySelected.statistic == 0 && nobodySelected.pValue == 1)
    let everybodySelected = TwoProportionZTest(
      reference: Rate(numerator: 50, denominator: 50), focal: Rate(numerator: 40, denominator: 40)
    )
    #expect(everybodySelected.isDegenerate && everybodySelected.pValue == 1)
    let emptyGroup = TwoProportionZTest(
      reference: Rate(numerator: 5, denominator: 50), focal: Rate(numerator: 0, denominator: 0))
    #expect(emptyGroup.statistic.isNaN && emptyGroup.pValue.isNaN)
  }

  @Test func ratesWithZeroDenominatorsAreNotComputable() {
    let empty = Rate(numerator: 0, denominator: 0)
    #expect(!empty.isComputable)
    #expect(empty.value.isNaN)
    #expect(Rate(numerator: 3, denominator: -1).value.isNaN)
    #expect(Rate(numerator: .nan, denominator: 4).value.isNaN)
    #expect(Rate(numerator: 3, denominator: .infinity).value.isNaN)
    expectClose(Rate(numerator: 1, denominator: 4).value, 0.25, "exact quotient")
  }
}
