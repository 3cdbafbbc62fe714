import RealModule

/// Gauss–Legendre quadrature rules on [0, 1].
///
/// An `n`-point rule integrates every polynomial of degree at most `2n − 1` exactly, up to
/// rounding. The nodes are the roots of the Legendre polynomial `P_n`, found by Newton's
/// method from Chebyshev-like starting points and accurate to a few units in the last place.
enum GaussLegendre {
  /// The nodes and weights of the `pointCount`-point rule on [0, 1].
  ///
  /// - Precondition: `pointCount >= 1`.
  static func rule(pointCount: Int) -> (nodes: [Double], weights: [Double]) {
    precondition(pointCount >= 1, "'pointCount' \(pointCount) must be at least 1")
    let n = pointCount
    var nodes = [Double](repeating: 0, count: n)
    var weights = [Double](repeating: 0, count: n)
    for i in 0..<((n + 1) / 2) {
      // Starting guess for the i-th largest root on [-1, 1].
      var x = Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
      var derivative = 0.0
      for _ in 0..<100 {
        let (value, slope) = legendre(n, at: x)
        derivative = slope
        let step = value / slope
        x -= step
        if abs(step) <= 1e-17 { break }
      }
      derivative = legendre(n, at: x).derivative
      let weight = 2 / ((1 - x * x) * derivative * derivative)
      // Map [-1, 1] to [0, 1]: t = (1 ± x) / 2, weight / 2.
      nodes[i] = (1 - x) / 2
      nodes[n - 1 - i] = (1 + x) / 2
      weights[i] = weight / 2
      weights[n - 1 - i] = weight / 2
    }
    if n % 2 == 1 { nodes[n / 2] = 0.5 }
    return (nodes, weights)
  }

  /// `P_n(x)` and `P_n'(x)` by the three-term recurrence.
  private static func legendre(_ n: Int, at x: Double) -> (value: Double, derivative: Double) {
    var previous = 1.0
    var current = x
    if n == 0 { return (1, 0) }
    for k in 2...max(2, n) where k <= n {
      let next = (Double(2 * k - 1) * x * current - Double(k - 1) * previous) / Double(k)
      previous = current
      current = next
    }
    let derivative = Double(n) * (x * current - previous) / (x * x - 1)
    return (current, derivative)
  }
}
