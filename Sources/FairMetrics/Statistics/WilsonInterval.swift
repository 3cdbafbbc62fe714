/// The Wilson score interval for a proportion.
///
/// Equal to statsmodels' `proportion_confint(count, nobs, alpha, method="wilson")`, with the
/// same operations in the same order: with `q = count/nobs` and `c = norm.isf(α/2)`,
///
/// ```
/// center = (q + c²/(2n)) / (1 + c²/n)
/// half   = c·√(q(1-q)/n + c²/(4n²)) / (1 + c²/n)
/// interval = [center - half, center + half], clipped to [0, 1]
/// ```
///
/// Counts may be weighted (non-integer), as statsmodels allows for this method. When the
/// rate is not computable (see ``Rate``), or the count is negative or exceeds the total, both
/// bounds are NaN.
public struct WilsonInterval: Sendable, Hashable, Codable {
  /// The lower bound.
  public var lower: Double
  /// The upper bound.
  public var upper: Double
  /// The nominal coverage, `1 - α`.
  public var confidenceLevel: Double

  /// Computes the interval for `rate.numerator` events in `rate.denominator` trials.
  ///
  /// - Parameters:
  ///   - rate: The (weighted) count and total.
  ///   - alpha: One minus the confidence level; 0.05 gives a 95% interval.
  /// - Precondition: `0 < alpha < 1`.
  public init(_ rate: Rate, alpha: Double = 0.05) {
    precondition(alpha > 0 && alpha < 1, "'alpha' \(alpha) must lie in (0, 1)")
    confidenceLevel = 1 - alpha
    let count = rate.numerator
    let total = rate.denominator
    guard rate.isComputable, count >= 0, count <= total else {
      lower = .nan
      upper = .nan
      return
    }
    let proportion = count / total
    let critical = Normal.inverseSurvival(alpha / 2)
    let critical2 = critical * critical
    let denominator = 1 + critical2 / total
    let center = (proportion + critical2 / (2 * total)) / denominator
    var distance =
      critical
      * (proportion * (1.0 - proportion) / total + critical2 / (4.0 * (total * total)))
      .squareRoot()
    distance /= denominator
    lower = min(max(center - distance, 0), 1)
    upper = min(max(center + distance, 0), 1)
  }
}
