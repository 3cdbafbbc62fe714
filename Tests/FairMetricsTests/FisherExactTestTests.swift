import FairMetrics
import Testing
import _FairTestSupport

/// `FisherExactTest` against `scipy.stats.fisher_exact` (fixture).
@Suite(.tags(.golden)) struct FisherExactTestTests {
  /// The acceptance criterion: p-values within 1e-9 relative of scipy. (The largest
  /// difference found is far smaller; see the report in the branch's summary.)
  static let pValueTolerance = 1e-9

  @Test(arguments: StatisticsReference.cases(\.fisher))
  func matchesScipy(_ entry: StatisticsReference.FisherCase) {
    let table = entry.table
    let (a, b, c, d) = (table[0][0], table[0][1], table[1][0], table[1][1])
    let expected: [(FisherExactTest.Alternative, Double)] = [
      (.twoSided, entry.twoSided), (.less, entry.less), (.greater, entry.greater),
    ]
    for (alternative, pValue) in expected {
      let test = FisherExactTest(a, b, c, d, alternative: alternative)
      expectClose(
        test.pValue, pValue, relative: Self.pValueTolerance, "\(entry) \(alternative.rawValue)")
      // The odds ratio is a single division of exact integer products, as scipy's.
      expectClose(test.oddsRatio, entry.oddsRatio, relative: 1e-15, "\(entry) odds ratio")
    }
  }

  @Test func tiesWithinScipysToleranceCountAsExtreme() {
    // Rows of 10 and 10: the distribution of a is symmetric about 5, so the mirror table
    // [[7, 3], [3, 7]] is exactly as probable as [[3, 7], [7, 3]] and its tail counts in full.
    let twoSided = FisherExactTest(3, 7, 7, 3).pValue
    let lower = FisherExactTest(3, 7, 7, 3, alternative: .less).pValue
    // The two tails are the same probabilities summed from either end: a few ulps.
    expectClose(twoSided, 2 * lower, relative: 1e-14, "both tails")
    let mirror = FisherExactTest(7, 3, 3, 7).pValue
    expectClose(twoSided, mirror, relative: 1e-14, "mirror table")
  }

  @Test func largeTablesAreFast() {
    let clock = ContinuousClock()
    let start = clock.now
    var total = 0.0
    for shift in 0..<20 {
      total += FisherExactTest(41_000 + shift * 50, 9_000, 40_000, 10_000 - shift * 50).pValue
      total += FisherExactTest(25_010 + shift, 24_990, 24_990, 25_010 - shift).pValue
    }
    let elapsed = clock.now - start
    #expect(total > 0)
    // 40 tables with n ≈ 100,000 in a debug build; the work is O(√n) terms per tail.
    #expect(elapsed < .seconds(2), "took \(elapsed)")
  }
}
