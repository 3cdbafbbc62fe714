import RealModule

/// The standard normal distribution: distribution function, survival function and quantiles.
///
/// The distribution and survival functions follow the branches of Cephes' `ndtr` (the
/// routine behind `scipy.stats.norm.cdf` and `.sf`) on the `erf`/`erfc` of RealModule: with
/// `t = x/√2`,
///
/// ```
/// cdf(x) = 1/2 + erf(t)/2       when |t| < 1/√2
///        = erfc(-t)/2           when t ≤ -1/√2   (far lower tail, no cancellation)
///        = 1 - erfc(t)/2        when t ≥  1/√2
/// survival(x) = cdf(-x)
/// ```
///
/// so tail probabilities keep full relative accuracy down to the smallest `Double`s. In the
/// tails, a first-order correction removes the effect of rounding `x/√2`, which `ndtr`
/// keeps: scipy's far tails are off by up to 3e-14 relative at |x| ≈ 37, these are within a
/// few ulps of the exact values. The quantile is Wichura's algorithm AS 241 (`PPND16`,
/// [Wichura 1988][as241]), whose rational approximations are accurate to about 1e-16
/// relative.
///
/// [as241]: https://doi.org/10.2307/2347330
public enum Normal {
  /// The probability that a standard normal variable is at most `x`.
  ///
  /// - Parameter x: Any value; NaN gives NaN.
  /// - Returns: `P(Z ≤ x)`, in `[0, 1]`.
  public static func cdf(_ x: Double) -> Double {
    guard !x.isNaN else { return .nan }
    guard x.isFinite else { return x > 0 ? 1 : 0 }
    let t = x * scale
    let magnitude = abs(t)
    if magnitude < scale {
      return 0.5 + 0.5 * Double.erf(t)
    }
    // t carries the rounding error of x/√2, which erfc would magnify by 2t² in relative
    // terms (2e-13 at x = 40). With δ = |x|/√2 - |t| (from an FMA and the low part of 1/√2),
    // erfc(|t| + δ) = erfc(|t|)·(1 - 2|t|δ + O(δ/|t|)), so the tail keeps ulp accuracy.
    let residual = (-magnitude).addingProduct(abs(x), scale) + abs(x) * scaleLow
    var tail = 0.5 * Double.erfc(magnitude)
    tail -= tail * (2 * magnitude * residual)
    return t > 0 ? 1 - tail : tail
  }

  /// `1/√2` rounded to `Double`.
  private static let scale = 0x1.6a09e667f3bcdp-1

  /// `1/√2 - scale`, the low part of `1/√2`.
  private static let scaleLow = -0x1.bdd3413b26456p-55

  /// The probability that a standard normal variable exceeds `x`: `1 - cdf(x)`, computed
  /// without cancellation.
  ///
  /// - Parameter x: Any value; NaN gives NaN.
  /// - Returns: `P(Z > x)`, in `[0, 1]`.
  public static func survival(_ x: Double) -> Double {
    cdf(-x)
  }

  /// The value below which a standard normal variable falls with probability `p` (AS 241).
  ///
  /// - Parameter p: A probability; 0 gives `-infinity`, 1 gives `+infinity`, anything
  ///   outside `[0, 1]` (or NaN) gives NaN.
  /// - Returns: `x` with `cdf(x) = p`.
  public static func quantile(_ p: Double) -> Double {
    guard p >= 0 && p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      return q * horner(central.numerator, r) / horner(central.denominator, r)
    }
    var r = q < 0 ? p : 1 - p
    r = (-Double.log(r)).squareRoot()
    let value: Double
    if r <= 5 {
      value = horner(intermediate.numerator, r - 1.6) / horner(intermediate.denominator, r - 1.6)
    } else {
      value = horner(far.numerator, r - 5) / horner(far.denominator, r - 5)
    }
    return q < 0 ? -value : value
  }

  /// The value that a standard normal variable exceeds with probability `q`: `-quantile(q)`,
  /// accurate for tiny `q` (scipy's `norm.isf`).
  ///
  /// - Parameter q: A probability; 0 gives `+infinity`, 1 gives `-infinity`, anything
  ///   outside `[0, 1]` (or NaN) gives NaN.
  /// - Returns: `x` with `survival(x) = q`.
  public static func inverseSurvival(_ q: Double) -> Double {
    -quantile(q)
  }

  /// Evaluates the polynomial with `coefficients` (lowest order first) at `x`.
  private static func horner(_ coefficients: [Double], _ x: Double) -> Double {
    var value = 0.0
    for coefficient in coefficients.reversed() {
      value = value * x + coefficient
    }
    return value
  }

  /// AS 241 coefficients for `|p - 0.5| ≤ 0.425`, in `r = 0.180625 - (p - 0.5)²`.
  private static let central = (
    numerator: [
      3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3,
      1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
      3.3430575583588128105e4, 2.5090809287301226727e3,
    ],
    denominator: [
      1.0, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
      2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4,
      5.2264952788528545610e3,
    ]
  )

  /// AS 241 coefficients for `r = √(-log min(p, 1-p)) ≤ 5`, in `r - 1.6`.
  private static let intermediate = (
    numerator: [
      1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
      3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
      2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ],
    denominator: [
      1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
      1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
      1.05075007164441684324e-9,
    ]
  )

  /// AS 241 coefficients for `r > 5` (`p` below about 1.4e-11), in `r - 5`.
  private static let far = (
    numerator: [
      6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
      2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
      2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ],
    denominator: [
      1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
      7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
      2.04426310338993978564e-15,
    ]
  )
}
