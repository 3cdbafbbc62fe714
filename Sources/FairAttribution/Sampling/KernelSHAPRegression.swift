/// The efficiency-constrained weighted least squares of KernelSHAP
/// (<doc:KernelSHAPAlgorithm#The-constrained-regression>), with standard errors for sampled
/// coalitions.
///
/// With `M` players, targets `y(z) = link(v(z)) − link(v(∅))` and `Δ = link(f(x)) − link(v(∅))`,
/// the last player `k` is eliminated to enforce `Σφ = Δ`:
///
/// ```
/// y'(z) = y(z) − z_k·Δ,    x'_j(z) = z_j − z_k   (j < M − 1)
/// β = (X'ᵀ W X')⁻¹ X'ᵀ W y',    φ_j = β_j,    φ_k = Δ − Σ_j β_j
/// ```
///
/// `X'ᵀWX'` and `X'ᵀWy'` are accumulated in place, one coalition at a time. A singular
/// system falls back to the minimum-norm solution, as shap's `lstsq` fallback does.
///
/// **Standard errors.** Enumerated coalitions are fixed; the randomness is in the phase-2
/// draws, which are independent and identically distributed. Each draw `d` (a coalition,
/// plus its complement for paired sizes) contributes `g_d = Σ x'(z)·e(z)` with residuals
/// `e = y' − x'ᵀβ` and `t_d` unit counts (1 or 2). The estimator is a ratio estimator in the
/// draws, and its delta-method (sandwich) covariance is
///
/// ```
/// Cov(β) ≈ A⁻¹ · S · A⁻¹,    A = X'ᵀ W X',
/// S = W₂² / (n·t̄²) · Σ_d u_d u_dᵀ / (n − 1),    u_d = g_d − (ḡ/t̄)·t_d
/// ```
///
/// for `n` draws with mean count `t̄` and mean `ḡ`, and `W₂` the total weight of the sampled
/// sizes. `Var(φ_k) = 1ᵀ Cov(β) 1`. Exact samples get 0; with fewer than two draws the
/// error cannot be estimated and is NaN.
enum KernelSHAPRegression {
  /// The attributions of the `M` players and their standard errors.
  ///
  /// - Parameters:
  ///   - sample: The coalitions and weights.
  ///   - targets: `y(z)` for each coalition of `sample`.
  ///   - delta: `Δ`, the sum the attributions must have.
  /// - Complexity: O(*S*·*M*² + *M*³) for *S* coalitions.
  static func solve(sample: CoalitionSample, targets: [Double], delta: Double)
    -> (values: [Double], standardErrors: [Double])
  {
    let m = sample.playerCount
    let p = m - 1
    let last = m - 1
    var normal = [Double](repeating: 0, count: p * p)
    var right = [Double](repeating: 0, count: p)
    var design = [Double](repeating: 0, count: p)
    sample.masks.withUnsafeBufferPointer { masks in
      normal.withUnsafeMutableBufferPointer { a in
        for coalition in 0..<sample.count {
          let row = coalition * m
          let zk = Double(masks[row + last])
          let weight = sample.weights[coalition]
          let response = (targets[coalition] - zk * delta) * weight
          for j in 0..<p { design[j] = Double(masks[row + j]) - zk }
          for i in 0..<p where design[i] != 0 {
            let scaled = design[i] * weight
            right[i] += design[i] * response
            for j in i..<p where design[j] != 0 { a[i * p + j] += scaled * design[j] }
          }
        }
        for i in 0..<p {
          for j in 0..<i { a[i * p + j] = a[j * p + i] }
        }
      }
    }
    let inverse = SymmetricSolver.inverse(normal, order: p).inverse
    var beta = [Double](repeating: 0, count: p)
    for i in 0..<p {
      var sum = 0.0
      for j in 0..<p { sum += inverse[i * p + j] * right[j] }
      beta[i] = sum
    }
    var values = beta
    var total = 0.0
    for value in beta { total += value }
    values.append(delta - total)
    let errors = standardErrors(
      sample: sample, targets: targets, delta: delta, beta: beta, inverse: inverse)
    return (values, errors)
  }

  /// The delta-method standard errors described on the type.
  private static func standardErrors(
    sample: CoalitionSample, targets: [Double], delta: Double, beta: [Double],
    inverse: [Double]
  ) -> [Double] {
    let m = sample.playerCount
    let p = m - 1
    let draws = sample.draws
    if draws.isEmpty { return [Double](repeating: 0, count: m) }
    guard draws.count >= 2 else { return [Double](repeating: .nan, count: m) }
    let n = Double(draws.count)
    // g_d and t_d for every draw.
    var contributions = [Double](repeating: 0, count: draws.count * p)
    var counts = [Double](repeating: 0, count: draws.count)
    var design = [Double](repeating: 0, count: p)
    func add(_ coalition: Int, to draw: Int) {
      let row = coalition * m
      let zk = Double(sample.masks[row + p])
      var fitted = 0.0
      for j in 0..<p {
        design[j] = Double(sample.masks[row + j]) - zk
        fitted += design[j] * beta[j]
      }
      let residual = targets[coalition] - zk * delta - fitted
      for j in 0..<p { contributions[draw * p + j] += design[j] * residual }
      counts[draw] += 1
    }
    for (index, draw) in draws.enumerated() {
      add(draw.coalition, to: index)
      if draw.complement >= 0 { add(draw.complement, to: index) }
    }
    var meanCount = 0.0
    for count in counts { meanCount += count }
    meanCount /= n
    var meanContribution = [Double](repeating: 0, count: p)
    for draw in 0..<draws.count {
      for j in 0..<p { meanContribution[j] += contributions[draw * p + j] }
    }
    for j in 0..<p { meanContribution[j] /= n }
    var meat = [Double](repeating: 0, count: p * p)
    var centred = [Double](repeating: 0, count: p)
    let ratio = 1 / meanCount
    for draw in 0..<draws.count {
      for j in 0..<p {
        centred[j] = contributions[draw * p + j] - meanContribution[j] * ratio * counts[draw]
      }
      for i in 0..<p where centred[i] != 0 {
        for j in i..<p { meat[i * p + j] += centred[i] * centred[j] }
      }
    }
    let scale = sample.sampledWeight * sample.sampledWeight / (n * meanCount * meanCount) / (n - 1)
    for i in 0..<p {
      for j in i..<p {
        meat[i * p + j] *= scale
        meat[j * p + i] = meat[i * p + j]
      }
    }
    // Cov = A⁻¹ · S · A⁻¹.
    var left = [Double](repeating: 0, count: p * p)
    for i in 0..<p {
      for k in 0..<p where inverse[i * p + k] != 0 {
        let a = inverse[i * p + k]
        for j in 0..<p { left[i * p + j] += a * meat[k * p + j] }
      }
    }
    var covariance = [Double](repeating: 0, count: p * p)
    for i in 0..<p {
      for k in 0..<p where left[i * p + k] != 0 {
        let a = left[i * p + k]
        for j in 0..<p { covariance[i * p + j] += a * inverse[k * p + j] }
      }
    }
    var errors = [Double](repeating: 0, count: m)
    var lastVariance = 0.0
    for i in 0..<p {
      errors[i] = max(0, covariance[i * p + i]).squareRoot()
      for j in 0..<p { lastVariance += covariance[i * p + j] }
    }
    errors[p] = max(0, lastVariance).squareRoot()
    return errors
  }
}
