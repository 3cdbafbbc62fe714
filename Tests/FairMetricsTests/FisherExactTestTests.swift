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

  /// Tables of about 100,000 rows: a table and its mirror are equally extreme.
  @Test func largeTablesGiveTheirMirrorsPValue() {
    for shift in [0, 7, 19] {
      let table = FisherExactTest(25_010 + shift, 24_990, 24_990, 25_010 - shift).pValue
      let mirror = FisherExactTest(24_990, 25_010 + shift, 25_010 - shift, 24_990).pValue
      #expect(table > 0 && table <= 1)
      expectClose(table, mirror, relative: 1e-12, "shift \(shift)")
    }
  }

  /// Counts of billions (weighted slices, or honest tallies of very large data): the mode
  /// `(n + 1)(K + 1) / (N + 2)` passes Int.max on the way and is computed in double width.
  @Test func tablesOfBillionsDoNotOverflow() {
    let count = 2_200_000_000
    let test = FisherExactTest(count, count, count, count)
    expectClose(test.pValue, 1, relative: 1e-9, "the most probable table")
    #expect(test.oddsRatio == 1)
    // 200,000 rows moved out of the first cell with the margins kept: about 8.5 standard
    // deviations (√(N/16) ≈ 23,450) below its expectation; one standard deviation less
    // moved is far from significant.
    let moved = 200_000
    let far = FisherExactTest(
      count - moved, count + moved, count + moved, count - moved, alternative: .less)
    #expect(far.pValue < 1e-12)
    let near = FisherExactTest(
      count - 23_450, count + 23_450, count + 23_450, count - 23_450, alternative: .less)
    expectClose(near.pValue, 0.1587, relative: 0.01, "one standard deviation")
  }
}
