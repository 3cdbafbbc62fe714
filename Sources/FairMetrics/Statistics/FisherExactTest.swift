/// Fisher's exact test on a 2×2 table, equal to `scipy.stats.fisher_exact`.
///
/// The table is
///
/// ```
///               selected   not selected
/// reference  [  a          b            ]
/// focal      [  c          d            ]
/// ```
///
/// (the reference group in the first row, as adverse-impact analyses lay it out). Under the null
/// hypothesis of equal rates, with the margins fixed, `a` follows the hypergeometric
/// distribution of `Hypergeometric` with `N = a+b+c+d`, `K = a+b`, `n = a+c`.
///
/// - `less`: `P(X ≤ a)`; `greater`: `P(X ≥ a)`.
/// - `twoSided`: the probability of every table at most as probable as the observed one,
///   with scipy's relative tolerance: a table counts when its probability is within a factor
///   `1 + 1e-14` of the observed table's, so that tables tied in exact arithmetic are not lost
///   to rounding. The same steps as scipy: if the observed table is (within 1e-14) as
///   probable as the mode, `p = 1`; otherwise the observed side's tail plus the other side's
///   tail beyond the last table more probable than `P(a)·(1 + 1e-14)`, found by binary search.
///
/// The ``oddsRatio`` is scipy's sample (unconditional) odds ratio `a·d / (b·c)`: `+infinity`
/// when `b·c = 0`. A table with an empty row or column has odds ratio NaN and `p = 1`, as in
/// scipy.
///
/// - Complexity: O(log *n*) probability evaluations plus O(√*n*) terms per tail summed;
///   tables with *n* = 100,000 take microseconds.
public struct FisherExactTest: Sendable, Hashable, Codable {
  /// The alternative hypothesis.
  public enum Alternative: String, Sendable, Hashable, Codable, CaseIterable {
    /// The odds ratio differs from 1.
    case twoSided = "two-sided"
    /// The odds ratio is below 1: `P(X ≤ a)`.
    case less
    /// The odds ratio is above 1: `P(X ≥ a)`.
    case greater
  }

  /// The sample odds ratio `a·d / (b·c)`.
  public var oddsRatio: Double
  /// The p-value for ``alternative``.
  public var pValue: Double
  /// The alternative hypothesis tested.
  public var alternative: Alternative

  /// scipy's relative tolerance for "as probable as the observed table".
  static let relativeTolerance = 1e-14

  /// Runs the test on the table `[[a, b], [c, d]]`.
  ///
  /// - Parameters:
  ///   - a: Reference group, selected.
  ///   - b: Reference group, not selected.
  ///   - c: Focal group, selected.
  ///   - d: Focal group, not selected.
  ///   - alternative: The alternative hypothesis; two-sided by default.
  /// - Precondition: every count is non-negative.
  public init(_ a: Int, _ b: Int, _ c: Int, _ d: Int, alternative: Alternative = .twoSided) {
    precondition(
      a >= 0 && b >= 0 && c >= 0 && d >= 0,
      "the table [[\(a), \(b)], [\(c), \(d)]] has a negative count")
    self.alternative = alternative
    if a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0 {
      oddsRatio = .nan
      pValue = 1
      return
    }
    oddsRatio = c > 0 && b > 0 ? Double(a) * Double(d) / (Double(c) * Double(b)) : .infinity
    let distribution = Hypergeometric(population: a + b + c + d, successes: a + b, draws: a + c)
    let p: Double
    switch alternative {
    case .less: p = distribution.cumulativeProbability(atMost: a)
    case .greater: p = distribution.probability(atLeast: a)
    case .twoSided: p = Self.twoSidedPValue(a, distribution)
    }
    pValue = min(p, 1)
  }

  /// scipy's two-sided p-value, step by step.
  private static func twoSidedPValue(_ observed: Int, _ distribution: Hypergeometric) -> Double {
    let draws = distribution.draws
    let mode = distribution.mode
    let exact = distribution.probability(observed)
    let atMode = distribution.probability(mode)
    let gamma = 1 + relativeTolerance
    if abs(exact - atMode) / max(exact, atMode) <= relativeTolerance { return 1 }
    if observed < mode {
      let lower = distribution.cumulativeProbability(atMost: observed)
      if distribution.probability(draws) > exact * gamma { return lower }
      let guess = binarySearch(
        { -distribution.probability($0) }, target: -exact * gamma, low: mode, high: draws)
      return lower + distribution.probability(atLeast: guess + 1)
    }
    let upper = distribution.probability(atLeast: observed)
    if distribution.probability(0) > exact * gamma { return upper }
    let guess = binarySearch(
      { distribution.probability($0) }, target: exact * gamma, low: 0, high: mode)
    return upper + distribution.cumulativeProbability(atMost: guess)
  }

  /// scipy's `_binary_search_for_binom_tst`: for `function` ascending on `low...high`, the
  /// index `i` with `function(i) ≤ target < function(i + 1)`.
  private static func binarySearch(
    _ function: (Int) -> Double, target: Double, low: Int, high: Int
  ) -> Int {
    var low = low
    var high = high
    while low < high {
      let middle = low + (high - low) / 2
      let value = function(middle)
      if value < target {
        low = middle + 1
      } else if value > target {
        high = middle - 1
      } else {
        return middle
      }
    }
    return function(low) <= target ? low : low - 1
  }
}
