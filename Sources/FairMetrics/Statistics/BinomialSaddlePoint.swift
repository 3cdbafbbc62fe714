import RealModule

/// Loader's saddle-point evaluation of binomial log-densities, accurate to a few ulps.
///
/// Summing `log Γ` terms loses about `|log Γ(n)|·ε` absolutely, which is 1e-10 relative for
/// `n ≈ 10⁵`. Loader's form ([Loader 2000][loader], the method of R's `dbinom`) writes the
/// density through the Stirling-series error `δ(n) = log n! - log(√(2π n)(n/e)ⁿ)` and the
/// deviance term `bd0(x, m) = x log(x/m) + m - x`, whose sizes track the result, so the
/// error stays a few ulps of the log-density.
///
/// [loader]: https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf
enum BinomialSaddlePoint {
  /// `log(2π)`.
  static let logTwoPi = 1.837877066409345483560659472811

  /// `δ(n)` for whole `n ≥ 1` (exact table to 15, then the Stirling series).
  static func stirlingError(_ n: Double) -> Double {
    if n <= 15 {
      let index = Int(n)
      return index >= 0 && index < stirlingTable.count ? stirlingTable[index] : 0
    }
    let s0 = 1.0 / 12
    let s1 = 1.0 / 360
    let s2 = 1.0 / 1260
    let s3 = 1.0 / 1680
    let s4 = 1.0 / 1188
    let nn = n * n
    if n > 500 { return (s0 - s1 / nn) / n }
    if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
    if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
  }

  /// `δ(n)` for `n = 0…15`, computed with 60-digit decimal arithmetic (entry 0 is unused).
  static let stirlingTable: [Double] = [
    0, 0x1.4c071bcda0a5bp-4, 0x1.52a9b923ea649p-5, 0x1.c579a268d80b3p-6,
    0x1.54a2662fd78a9p-6, 0x1.10b4e513fcbedp-6, 0x1.c6b167bebdf36p-7, 0x1.85d4d612e4a86p-7,
    0x1.552805e7b3076p-7, 0x1.2f4871b12ab64p-7, 0x1.10f9d4c0743a7p-7, 0x1.f0593088014f8p-8,
    0x1.c7018733aa9c6p-8, 0x1.a40514700f36cp-8, 0x1.86076c002d4a7p-8, 0x1.6c08f6f194a10p-8,
  ]

  /// `x log(x/m) + m - x`, by its series when `x ≈ m` to avoid cancellation.
  static func deviance(_ x: Double, _ mean: Double) -> Double {
    if abs(x - mean) < 0.1 * (x + mean) {
      var v = (x - mean) / (x + mean)
      var sum = (x - mean) * v
      if abs(sum) < Double.leastNormalMagnitude { return sum }
      var term = 2 * x * v
      v *= v
      for j in 1..<1000 {
        term *= v
        let next = sum + term / Double(2 * j + 1)
        if next == sum { return next }
        sum = next
      }
    }
    return x * Double.log(x / mean) + mean - x
  }

  /// The log of the binomial probability of `x` successes in `n` trials of probability `p`
  /// (`q = 1 - p` passed separately to keep its accuracy), or `-infinity` outside `0…n`.
  ///
  /// When `p == q` the result is exactly symmetric in `x ↔ n - x`, so mirror-image tables of
  /// a symmetric distribution get bit-identical probabilities.
  static func logDensity(_ successes: Double, _ n: Double, p: Double, q: Double) -> Double {
    var x = successes
    if p == 0 { return x == 0 ? 0 : -.infinity }
    if q == 0 { return x == n ? 0 : -.infinity }
    if x < 0 || x > n { return -.infinity }
    if p == q && x > n - x { x = n - x }
    if x == 0 {
      if n == 0 { return 0 }
      return p < 0.1 ? -deviance(n, n * q) - n * p : n * Double.log(q)
    }
    if x == n {
      return q < 0.1 ? -deviance(n, n * p) - n * q : n * Double.log(p)
    }
    let stirling = stirlingError(n) - stirlingError(x) - stirlingError(n - x)
    let logC = stirling - deviance(x, n * p) - deviance(n - x, n * q)
    let logF = logTwoPi + Double.log(x) + Double.log(onePlus: -x / n)
    return logC - 0.5 * logF
  }
}
