/// A significance test of a focal group's selection rate against a reference group's,
/// choosing between the two-proportion z test and Fisher's exact test.
///
/// With ``Method/automatic`` the z test runs when both groups are large enough for the normal
/// approximation, and Fisher's exact test otherwise (the OFCCP practice quoted in regulatory
/// 29 CFR 1607.4(D) in OFCCP practice, Federal Contract Compliance Manual ch. 1O00):
///
/// ```
/// z test  when  min(n_ref, n_g) ≥ 30  and  min expected cell ≥ 5
/// Fisher  otherwise
/// expected cells: n_ref·p̄, n_ref·(1 - p̄), n_g·p̄, n_g·(1 - p̄),  p̄ = (x_ref + x_g)/(n_ref + n_g)
/// ```
///
/// Both tests are two-sided. The result says which test ran and why (``kind``, ``reason``),
/// and reports the practical-significance ``shortfall``: how many more favourable decisions
/// the focal group would have had at the reference group's rate,
///
/// ```
/// shortfall = n_g·SR_ref - x_g
/// ```
///
/// Fisher's test needs whole counts. Weighted (non-integer) counts are rounded to the
/// nearest whole number for it, and ``usedRoundedCounts`` says so; the z test, the expected
/// counts and the shortfall always use the counts as given. When either group's rate is not
/// computable (see ``Rate``) or a count lies outside `[0, total]`, the statistic, the
/// p-value and the shortfall are NaN and ``reason`` is ``Reason/notComputable``. Fisher's
/// test on counts above 2⁵³ (where whole numbers stop being exact) gives NaN too.
public struct SignificanceTest: Sendable, Hashable, Codable {
  /// How to choose the test.
  public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
    /// The z test for large samples, Fisher's exact test otherwise.
    case automatic = "auto"
    /// Always the pooled two-proportion z test.
    case twoProportionZ = "z"
    /// Always Fisher's exact test.
    case fisherExact = "fisher"
  }

  /// The test that ran.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// ``TwoProportionZTest``.
    case twoProportionZ = "two-proportion-z"
    /// ``FisherExactTest``, two-sided.
    case fisherExact = "fisher-exact"
  }

  /// Why the test was chosen.
  public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The caller asked for this test.
    case requested
    /// Automatic: both groups have at least 30 members and every expected cell is at least 5.
    case largeSample = "large-sample"
    /// Automatic: a group has fewer than 30 members.
    case smallGroup = "small-group"
    /// Automatic: both groups have 30 members or more, but an expected cell is below 5.
    case smallExpectedCount = "small-expected-count"
    /// A group's rate is not computable, so no test ran.
    case notComputable = "not-computable"
  }

  /// The smallest group size for the z test under ``Method/automatic``.
  public static let minimumGroupSize = 30.0
  /// The smallest expected cell count for the z test under ``Method/automatic``.
  public static let minimumExpectedCount = 5.0

  /// The test that ran.
  public var kind: Kind
  /// Why it was chosen.
  public var reason: Reason
  /// The z statistic (positive when the focal group fares worse), or Fisher's sample odds
  /// ratio `x_ref·(n_g - x_g) / ((n_ref - x_ref)·x_g)`.
  public var statistic: Double
  /// The two-sided p-value.
  public var pValue: Double
  /// `n_g·SR_ref - x_g`: favourable decisions the focal group lacks at the reference rate.
  public var shortfall: Double
  /// `min(n_ref, n_g)`.
  public var smallestGroupSize: Double
  /// The smallest of the four expected cell counts under the pooled rate.
  public var smallestExpectedCount: Double
  /// Whether Fisher's test ran on counts rounded to whole numbers.
  public var usedRoundedCounts: Bool

  /// Chooses and runs the test.
  ///
  /// - Parameters:
  ///   - reference: Favourable decisions and group size of the reference group.
  ///   - focal: Favourable decisions and group size of the group under examination.
  ///   - method: How to choose the test.
  public init(reference: Rate, focal: Rate, method: Method = .automatic) {
    usedRoundedCounts = false
    smallestGroupSize = min(reference.denominator, focal.denominator)
    guard TwoProportionZTest.isValid(reference), TwoProportionZTest.isValid(focal) else {
      kind = method == .twoProportionZ ? .twoProportionZ : .fisherExact
      reason = .notComputable
      statistic = .nan
      pValue = .nan
      shortfall = .nan
      smallestExpectedCount = .nan
      return
    }
    shortfall = focal.denominator * reference.value - focal.numerator
    let pooled =
      (reference.numerator + focal.numerator) / (reference.denominator + focal.denominator)
    smallestExpectedCount = min(
      reference.denominator * pooled, reference.denominator * (1 - pooled),
      focal.denominator * pooled, focal.denominator * (1 - pooled))
    switch method {
    case .twoProportionZ:
      (kind, reason) = (.twoProportionZ, .requested)
    case .fisherExact:
      (kind, reason) = (.fisherExact, .requested)
    case .automatic:
      if smallestGroupSize < Self.minimumGroupSize {
        (kind, reason) = (.fisherExact, .smallGroup)
      } else if smallestExpectedCount < Self.minimumExpectedCount {
        (kind, reason) = (.fisherExact, .smallExpectedCount)
      } else {
        (kind, reason) = (.twoProportionZ, .largeSample)
      }
    }
    switch kind {
    case .twoProportionZ:
      let test = TwoProportionZTest(reference: reference, focal: focal)
      statistic = test.statistic
      pValue = test.pValue
    case .fisherExact:
      let counts = [reference.numerator, reference.denominator, focal.numerator, focal.denominator]
      usedRoundedCounts = counts.contains { $0 != $0.rounded() }
      guard counts.allSatisfy({ $0 <= 0x1p53 }) else {
        // Beyond 2^53 whole counts are no longer exact; no real audit gets here.
        statistic = .nan
        pValue = .nan
        return
      }
      let whole = counts.map { Int($0.rounded()) }
      let test = FisherExactTest(whole[0], whole[1] - whole[0], whole[2], whole[3] - whole[2])
      statistic = test.oddsRatio
      pValue = test.pValue
    }
  }
}
