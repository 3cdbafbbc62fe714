/// The pooled two-proportion z test of a focal group's selection rate against a reference
/// group's.
///
/// This is the UGESP "standard deviations" statistic (29 CFR 1607.4(D); Castaneda v. Partida, 430 U.S. 482, 496 n.17 (1977)):
///
/// ```
/// p̄ = (x_ref + x_g) / (n_ref + n_g)
/// z = (SR_ref - SR_g) / √(p̄(1 - p̄)(1/n_ref + 1/n_g))
/// p = 2·P(Z > |z|)        (two-sided)
/// ```
///
/// A positive `z` means the focal group is selected less often than the reference group. The
/// arithmetic follows statsmodels' `proportions_ztest([x_ref, x_g], [n_ref, n_g])` step by
/// step, and the p-value equals scipy's `2*norm.sf(abs(z))`.
///
/// Degenerate cases:
/// - When `p̄` is 0 or 1 (nobody, or everybody, was selected in both groups) the two rates
///   are equal and the variance is zero; the test reports `z = 0` and `p = 1` with
///   ``isDegenerate`` set (statsmodels returns NaN there).
/// - When either rate is not computable (an empty group, see ``Rate``) or a count lies
///   outside `[0, total]`, `z` and `p` are NaN.
///
/// Counts may be weighted (non-integer); the formula is used as is.
public struct TwoProportionZTest: Sendable, Hashable, Codable {
  /// The z statistic, positive when the focal rate is below the reference rate.
  public var statistic: Double
  /// The two-sided p-value, `2·P(Z > |z|)`.
  public var pValue: Double
  /// The pooled selection rate `p̄`.
  public var pooledRate: Double
  /// Whether `p̄` was 0 or 1, so that `z = 0` and `p = 1` by convention.
  public var isDegenerate: Bool

  /// Runs the test.
  ///
  /// - Parameters:
  ///   - reference: Selected and total of the reference group (usually the highest rate).
  ///   - focal: Selected and total of the group under examination.
  public init(reference: Rate, focal: Rate) {
    isDegenerate = false
    guard Self.isValid(reference), Self.isValid(focal) else {
      statistic = .nan
      pValue = .nan
      pooledRate = .nan
      return
    }
    let difference =
      reference.numerator * 1.0 / reference.denominator - focal.numerator
      * 1.0 / focal.denominator
    pooledRate =
      (reference.numerator + focal.numerator) * 1.0
      / (reference.denominator + focal.denominator)
    guard pooledRate > 0 && pooledRate < 1 else {
      isDegenerate = true
      statistic = 0
      pValue = 1
      return
    }
    let sizeFactor = 1.0 / reference.denominator + 1.0 / focal.denominator
    let variance = pooledRate * (1 - pooledRate) * sizeFactor
    statistic = difference / variance.squareRoot()
    pValue = Normal.survival(abs(statistic)) * 2
  }

  /// Whether a group's counts can enter the test.
  static func isValid(_ rate: Rate) -> Bool {
    rate.isComputable && rate.numerator >= 0 && rate.numerator <= rate.denominator
  }
}
