/// The correlation ratio η between a numeric feature and a categorical attribute, for proxy
/// detection.
///
/// With weights `w`, category means `x̄_c`, category weights `W_c` and overall mean `x̄`:
///
/// ```
/// SS_between = Σ_c W_c (x̄_c - x̄)²
/// SS_total   = Σ_i w_i (x_i - x̄)²
/// η = √(SS_between / SS_total)
/// ```
///
/// η is 0 when every category has the same mean and 1 when the feature is constant within
/// each category (so it reveals the category exactly). It is the square root of the R² of a
/// one-way ANOVA of the feature on the attribute ([Fisher 1925][fisher]). Rows with a missing
/// (negative) code, a NaN or infinite feature value, or a weight that is zero, negative or
/// not finite are left out. η is NaN, not computable, when no rows remain or the feature is
/// constant (`SS_total = 0`).
///
/// [fisher]: https://en.wikipedia.org/wiki/Correlation_ratio
public enum CorrelationRatio {
  /// η of `values` across the categories `codes`.
  ///
  /// - Parameters:
  ///   - values: The numeric feature, one value per row.
  ///   - codes: The categorical attribute, one code per row (negative for missing).
  ///   - weights: Optional non-negative weights, one per row.
  /// - Returns: η in `[0, 1]`, or NaN when not computable.
  /// - Precondition: the arrays have equal lengths.
  /// - Complexity: O(*n* + *k*) for *n* rows and *k* categories.
  public static func value(_ values: [Double], _ codes: [Int32], weights: [Double]? = nil)
    -> Double
  {
    precondition(
      values.count == codes.count, "'codes' has \(codes.count) values, 'values' \(values.count)")
    precondition(
      weights.map { $0.count == values.count } ?? true,
      "'weights' has \(weights?.count ?? 0) values, 'values' \(values.count)")
    let categories = Int(codes.max() ?? -1) + 1
    var categoryWeight = [Double](repeating: 0, count: categories)
    var categorySum = [Double](repeating: 0, count: categories)
    var totalWeight = 0.0
    var totalSum = 0.0
    func include(_ index: Int) -> Bool {
      let weight = weights?[index] ?? 1
      return codes[index] >= 0 && values[index].isFinite && weight > 0 && weight.isFinite
    }
    for index in values.indices where include(index) {
      let weight = weights?[index] ?? 1
      let code = Int(codes[index])
      categoryWeight[code] += weight
      categorySum[code] += weight * values[index]
      totalWeight += weight
      totalSum += weight * values[index]
    }
    guard totalWeight > 0 else { return .nan }
    let mean = totalSum / totalWeight
    var total = 0.0
    for index in values.indices where include(index) {
      let deviation = values[index] - mean
      total += (weights?[index] ?? 1) * deviation * deviation
    }
    guard total > 0 else { return .nan }
    var between = 0.0
    for code in 0..<categories where categoryWeight[code] > 0 {
      let deviation = categorySum[code] / categoryWeight[code] - mean
      between += categoryWeight[code] * deviation * deviation
    }
    return min((between / total).squareRoot(), 1)
  }
}
