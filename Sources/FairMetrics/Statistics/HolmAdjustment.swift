/// Holm's step-down adjustment of p-values for multiple comparisons.
///
/// Equal to statsmodels' `multipletests(p, method="holm")[1]`: with the `m` p-values sorted
/// ascending, `p₍₁₎ ≤ … ≤ p₍ₘ₎`,
///
/// ```
/// adjusted₍ᵢ₎ = min(1, max_{j ≤ i} (m - j + 1)·p₍ⱼ₎)
/// ```
///
/// returned in the input order. Tied p-values get equal adjusted values whatever their order.
/// NaN p-values (tests that were not computable) are left out of the family, so `m` counts
/// only the others, and stay NaN in the output. Holm's method controls the family-wise
/// error rate under any dependence between the tests ([Holm 1979][holm]).
///
/// [holm]: https://www.jstor.org/stable/4615733
public enum HolmAdjustment {
  /// The Holm-adjusted p-values, in the order of `pValues`.
  ///
  /// - Parameter pValues: Raw p-values in `[0, 1]`, or NaN for tests left out.
  /// - Returns: One adjusted p-value per input; NaN where the input is NaN.
  /// - Complexity: O(*m* log *m*) for *m* p-values.
  public static func adjustedPValues(_ pValues: [Double]) -> [Double] {
    let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted {
      pValues[$0] != pValues[$1] ? pValues[$0] < pValues[$1] : $0 < $1
    }
    var adjusted = [Double](repeating: .nan, count: pValues.count)
    var running = -Double.infinity
    for (rank, index) in order.enumerated() {
      running = max(running, pValues[index] * Double(order.count - rank))
      adjusted[index] = min(running, 1)
    }
    return adjusted
  }

  /// Which hypotheses Holm's procedure rejects at family-wise level `alpha`: those whose
  /// adjusted p-value is at most `alpha`.
  ///
  /// - Parameters:
  ///   - pValues: Raw p-values, or NaN for tests left out (never rejected).
  ///   - alpha: The family-wise error rate.
  /// - Returns: One decision per input, in input order.
  /// - Complexity: O(*m* log *m*) for *m* p-values.
  public static func rejections(_ pValues: [Double], alpha: Double = 0.05) -> [Bool] {
    adjustedPValues(pValues).map { $0 <= alpha }
  }
}
