import FairMetrics
import Testing
import _FairTestSupport

/// `HolmAdjustment` against statsmodels' `multipletests(method="holm")` (fixture).
@Suite(.tags(.golden)) struct HolmAdjustmentTests {
  @Test func matchesStatsmodels() throws {
    for entry in try StatisticsReference.shared().holm {
      let adjusted = HolmAdjustment.adjustedPValues(entry.pValues)
      // The same products (p · rank) and running maximum as statsmodels: exact up to an
      // ulp where ties are ordered differently.
      expectAllClose(adjusted, entry.adjusted, relative: 1e-15, "\(entry.pValues)")
    }
  }

  @Test func keepsInputOrderAndTies() {
    let adjusted = HolmAdjustment.adjustedPValues([0.04, 0.01, .nan, 0.01])
    // m = 3 without the NaN: 0.01·3 = 0.03 for both tied values, then max(0.03, 0.04·1).
    expectAllClose(adjusted, [0.04, 0.03, .nan, 0.03], relative: 1e-15, "hand computed")
    #expect(HolmAdjustment.rejections([0.04, 0.01, .nan, 0.01]) == [true, true, false, true])
    #expect(HolmAdjustment.adjustedPValues([]).isEmpty)
  }
}
