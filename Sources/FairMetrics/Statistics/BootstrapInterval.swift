/// A percentile bootstrap confidence interval.
///
/// The bounds are the `α/2` and `1 - α/2` quantiles of the replicate values, interpolated
/// linearly as numpy's default (`np.nanpercentile(values, [100·α/2, 100·(1 - α/2)])`,
/// method `"linear"`): with the `m` non-NaN values sorted, `v₀ ≤ … ≤ v_{m-1}`, the
/// quantile `q` is
///
/// ```
/// h = (m - 1)·q,   i = ⌊h⌋,   t = h - i
/// Q(q) = v_i + (v_{i+1} - v_i)·t            when t < 1/2
///      = v_{i+1} - (v_{i+1} - v_i)·(1 - t)  when t ≥ 1/2     (v_{m-1} when i ≥ m - 1)
/// ```
///
/// NaN replicates (a statistic that was not computable in that resample, such as a rate of
/// an empty group) are left out and counted in ``nanReplicateCount``; report that count with
/// the interval. With no non-NaN replicate, both bounds are NaN.
public struct BootstrapInterval: Sendable, Hashable, Codable {
  /// The lower bound, the `α/2` quantile.
  public var lower: Double
  /// The upper bound, the `1 - α/2` quantile.
  public var upper: Double
  /// The nominal coverage, `1 - α`.
  public var confidenceLevel: Double
  /// The number of replicates given, NaN ones included.
  public var replicateCount: Int
  /// The number of NaN replicates left out.
  public var nanReplicateCount: Int

  /// Computes the interval from replicate values.
  ///
  /// - Parameters:
  ///   - replicates: The statistic in each bootstrap replicate, in any order.
  ///   - alpha: One minus the confidence level; 0.05 gives a 95% interval.
  /// - Precondition: `0 < alpha < 1`.
  /// - Complexity: O(*B* log *B*) for *B* replicates.
  public init(replicates: [Double], alpha: Double = 0.05) {
    precondition(alpha > 0 && alpha < 1, "'alpha' \(alpha) must lie in (0, 1)")
    let values = replicates.filter { !$0.isNaN }.sorted()
    replicateCount = replicates.count
    nanReplicateCount = replicates.count - values.count
    confidenceLevel = 1 - alpha
    lower = Self.quantile(sorted: values, alpha / 2)
    upper = Self.quantile(sorted: values, 1 - alpha / 2)
  }

  /// numpy's `"linear"` quantile `q` of ascending `values`; NaN when there are none.
  static func quantile(sorted values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let position = Double(values.count - 1) * q
    if position >= Double(values.count - 1) { return values[values.count - 1] }
    if position < 0 { return values[0] }
    let previous = position.rounded(.down)
    let index = Int(previous)
    let low = values[index]
    let high = values[index + 1]
    let fraction = position - previous
    let difference = high - low
    return fraction >= 0.5 ? high - difference * (1 - fraction) : low + difference * fraction
  }
}
