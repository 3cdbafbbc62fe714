import RealModule

/// `x` raised to `exponent`, as Java's `Math.pow` computes it for PMML: a negative base
/// with a whole exponent gives a real result (`(−2)² = 4`), which the logarithm-based
/// `Double.pow(_:_:)` of swift-numerics would make NaN.
func pmmlPower(_ x: Double, _ exponent: Double) -> Double {
  if exponent == 1 { return x }
  if exponent == exponent.rounded(), Swift.abs(exponent) < 2_147_483_648.0 {
    return Double.pow(x, Int(exponent))
  }
  return Double.pow(x, exponent)
}
