import RealModule

/// The hypergeometric distribution of Fisher's exact test: the number of successes among
/// `draws` items taken without replacement from `population` items of which `successes` are
/// successes.
///
/// Probabilities use Loader's saddle-point form (``BinomialSaddlePoint``), as R's `dhyper`:
///
/// ```
/// P(X = x) = b(x; K, p) · b(n - x; N - K, p) / b(n; N, p),   p = n/N
/// ```
///
/// Tails are summed from their inner end outwards, where the terms decrease monotonically
/// (the distribution is log-concave), by the ratio recurrence of consecutive probabilities,
/// and stop once a term no longer changes the sum. The anchor probability enters as a
/// logarithm, so tails far below the smallest `Double` do not underflow midway. Only the
/// needed tail is summed: O(√variance) terms for a tail next to the mode, fewer further out.
struct Hypergeometric {
  /// `N`, the population size.
  let population: Int
  /// `K`, the successes in the population.
  let successes: Int
  /// `n`, the number of draws.
  let draws: Int
  /// The smallest possible count, `max(0, n - (N - K))`.
  let lowest: Int
  /// The largest possible count, `min(n, K)`.
  let highest: Int
  /// The mode, `⌊(n + 1)(K + 1)/(N + 2)⌋`.
  let mode: Int

  /// Creates the distribution; the counts must be non-negative with `K, n ≤ N`.
  init(population: Int, successes: Int, draws: Int) {
    precondition(
      population >= 0 && successes >= 0 && draws >= 0 && successes <= population
        && draws <= population,
      "invalid hypergeometric parameters N \(population), K \(successes), n \(draws)")
    self.population = population
    self.successes = successes
    self.draws = draws
    lowest = max(0, draws - (population - successes))
    highest = min(draws, successes)
    // ⌊(n + 1)(K + 1) / (N + 2)⌋ in double width: the product passes Int.max for counts
    // past about 3·10⁹; the quotient is at most n + 1.
    let product = (draws + 1).multipliedFullWidth(by: successes + 1)
    mode = (population + 2).dividingFullWidth(product).quotient
  }

  /// `log P(X = x)`; `-infinity` outside the support.
  func logProbability(_ x: Int) -> Double {
    guard x >= lowest && x <= highest else { return -.infinity }
    let total = Double(population)
    let p = Double(draws) / total
    let q = Double(population - draws) / total
    let failures = Double(population - successes)
    let first = BinomialSaddlePoint.logDensity(Double(x), Double(successes), p: p, q: q)
    let second = BinomialSaddlePoint.logDensity(Double(draws - x), failures, p: p, q: q)
    let whole = BinomialSaddlePoint.logDensity(Double(draws), total, p: p, q: q)
    return first + second - whole
  }

  /// `P(X = x)`; 0 outside the support.
  func probability(_ x: Int) -> Double {
    Double.exp(logProbability(x))
  }

  /// `P(X ≤ x)`.
  func cumulativeProbability(atMost x: Int) -> Double {
    if x < lowest { return 0 }
    if x >= highest { return 1 }
    if x < mode { return Double.exp(logTail(from: x, step: -1)) }
    return 1 - Double.exp(logTail(from: x + 1, step: 1))
  }

  /// `P(X ≥ x)`.
  func probability(atLeast x: Int) -> Double {
    if x <= lowest { return 1 }
    if x > highest { return 0 }
    if x > mode { return Double.exp(logTail(from: x, step: 1)) }
    return 1 - Double.exp(logTail(from: x - 1, step: -1))
  }

  /// `log Σ_{k ≥ 0} P(X = start + step·k)` for a `start` on the side of the mode that `step`
  /// points away from, so the terms decrease.
  private func logTail(from start: Int, step: Int) -> Double {
    let k = Double(successes)
    let n = Double(draws)
    let failures = Double(population - successes)
    var term = 1.0
    var sum = 1.0
    var y = start
    while true {
      let next = y + step
      guard next >= lowest && next <= highest else { break }
      let count = Double(y)
      if step > 0 {
        term *= (k - count) * (n - count) / ((count + 1) * (failures - n + count + 1))
      } else {
        term *= count * (failures - n + count) / ((k - count + 1) * (n - count + 1))
      }
      sum += term
      if term <= sum * 0x1p-64 { break }
      y = next
    }
    return logProbability(start) + Double.log(sum)
  }
}
