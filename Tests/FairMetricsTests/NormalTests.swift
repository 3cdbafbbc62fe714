import FairMetrics
import Testing
import _FairTestSupport

/// `Normal` against `scipy.stats.norm` (fixture).
@Suite(.tags(.golden)) struct NormalTests {
  /// The exact values (110-digit decimal arithmetic in the generator) against FairMetrics:
  /// C library `erf`/`erfc` within an ulp, the tail correction and the halving add a few
  /// more; 2e-15 relative is about ten ulps.
  static let exactTolerance = 2e-15

  /// FairMetrics against scipy, whose `ndtr` evaluates Cephes' `erfc` at the rounded
  /// `x/√2`: that rounding alone moves the result by up to `x²·ε/2` relative (1.5e-13 at
  /// x = 37), so the bound is that plus 1e-14 for the two `erfc` implementations.
  static func scipyTolerance(_ x: Double) -> Double {
    1e-14 + x * x * Double.ulpOfOne
  }

  /// AS 241 and Cephes' `ndtri` are each accurate to about 1e-16 relative.
  static let quantileTolerance = 1e-14

  @Test func distributionMatchesExactValues() throws {
    for point in try StatisticsReference.shared().normal.distribution {
      expectClose(
        Normal.cdf(point.x), point.exactCdf, relative: Self.exactTolerance, "cdf(\(point.x))")
      expectClose(
        Normal.survival(point.x), point.exactSf, relative: Self.exactTolerance,
        "sf(\(point.x))")
    }
  }

  @Test func distributionMatchesScipy() throws {
    for point in try StatisticsReference.shared().normal.distribution {
      let tolerance = Self.scipyTolerance(point.x)
      expectClose(Normal.cdf(point.x), point.cdf, relative: tolerance, "cdf(\(point.x))")
      expectClose(Normal.survival(point.x), point.sf, relative: tolerance, "sf(\(point.x))")
    }
  }

  @Test func quantilesMatchScipy() throws {
    let quantiles = try StatisticsReference.shared().normal.quantiles
    for entry in quantiles {
      expectClose(
        Normal.quantile(entry.p), entry.ppf, relative: Self.quantileTolerance, "ppf(\(entry.p))")
      expectClose(
        Normal.inverseSurvival(entry.p), entry.isf, relative: Self.quantileTolerance,
        "isf(\(entry.p))")
    }
  }

  @Test func quantileInvertsTheDistribution() {
    for p in stride(from: 0.001, to: 1, by: 0.0137) {
      // cdf has a condition number below 10 on this range: 1e-14 covers both errors.
      expectClose(Normal.cdf(Normal.quantile(p)), p, relative: 1e-14, "p = \(p)")
    }
  }

  @Test func edgeCases() {
    #expect(Normal.quantile(0) == -.infinity)
    #expect(Normal.quantile(1) == .infinity)
    #expect(Normal.quantile(-0.1).isNaN)
    #expect(Normal.quantile(.nan).isNaN)
    #expect(Normal.inverseSurvival(0) == .infinity)
    #expect(Normal.cdf(.nan).isNaN)
    #expect(Normal.cdf(-.infinity) == 0)
    #expect(Normal.survival(-.infinity) == 1)
    #expect(Normal.quantile(0.5) == 0)
  }
}
