/// Weighted ridge regressions with an intercept on any subset of a fixed set of columns, as
/// scikit-learn's `Ridge(alpha, fit_intercept=True).fit(X, y, sample_weight=w)` computes them.
///
/// scikit-learn centres `X` and `y` with the weighted means, scales rows by `√w`, and solves
///
/// ```
/// (X_cᵀ W X_c + α I) β = X_cᵀ W y_c,    intercept = ȳ_w − x̄_wᵀ β
/// ```
///
/// so the penalty is not scaled by the total weight. Here the weighted cross products of all
/// columns are accumulated once; a fit on `k` columns then costs O(*k*³), which makes
/// LIME's forward selection (many fits on few columns) cheap. The weighted R² is scikit-
/// learn's `score` with `sample_weight`: `1 − Σw(y − ŷ)² / Σw(y − ȳ_w)²`, taken as 1 for a
/// perfect fit of a constant target and 0 otherwise. A singular system (possible with
/// `α = 0`) gets the minimum-norm solution.
struct WeightedLeastSquares: Sendable {
  /// The number of columns.
  let columnCount: Int
  /// `Σ w`.
  private let totalWeight: Double
  /// `Σ w x_j`.
  private let columnSums: [Double]
  /// `Σ w x_i x_j`, row-major.
  private let crossProducts: [Double]
  /// `Σ w x_j y`.
  private let targetProducts: [Double]
  /// `Σ w y` and `Σ w y²`.
  private let targetSum: Double
  private let targetSquares: Double

  /// Accumulates the weighted cross products of a design.
  ///
  /// - Parameters:
  ///   - design: Row-major `n × columnCount` values.
  ///   - targets: `n` targets.
  ///   - weights: `n` non-negative sample weights.
  /// - Complexity: O(*n*·*k*²) for *k* columns, skipping zero entries.
  init(design: [Double], columnCount: Int, targets: [Double], weights: [Double]) {
    let k = columnCount
    self.columnCount = k
    var total = 0.0
    var sums = [Double](repeating: 0, count: k)
    var cross = [Double](repeating: 0, count: k * k)
    var products = [Double](repeating: 0, count: k)
    var ySum = 0.0
    var ySquares = 0.0
    var nonzero: [Int] = []
    nonzero.reserveCapacity(k)
    for row in 0..<targets.count {
      let w = weights[row]
      let y = targets[row]
      total += w
      ySum += w * y
      ySquares += w * y * y
      nonzero.removeAll(keepingCapacity: true)
      for j in 0..<k where design[row * k + j] != 0 { nonzero.append(j) }
      for i in nonzero {
        let wx = w * design[row * k + i]
        sums[i] += wx
        products[i] += wx * y
        for j in nonzero where j >= i { cross[i * k + j] += wx * design[row * k + j] }
      }
    }
    for i in 0..<k {
      for j in 0..<i { cross[i * k + j] = cross[j * k + i] }
    }
    totalWeight = total
    columnSums = sums
    crossProducts = cross
    targetProducts = products
    targetSum = ySum
    targetSquares = ySquares
  }

  /// The weighted mean of the targets.
  var targetMean: Double { totalWeight > 0 ? targetSum / totalWeight : 0 }

  /// Fits a ridge regression on `columns`.
  ///
  /// - Parameters:
  ///   - columns: The column indexes used, in coefficient order.
  ///   - alpha: The ridge penalty (0 for least squares).
  /// - Returns: One coefficient per column, the intercept and the weighted R².
  /// - Complexity: O(*k*³) for *k* columns.
  func fit(columns: [Int], alpha: Double) -> (
    coefficients: [Double], intercept: Double, rSquared: Double
  ) {
    let k = columns.count
    guard totalWeight > 0 else { return (Array(repeating: 0, count: k), 0, 0) }
    let yMean = targetSum / totalWeight
    var normal = [Double](repeating: 0, count: k * k)
    var right = [Double](repeating: 0, count: k)
    for (a, i) in columns.enumerated() {
      let meanI = columnSums[i] / totalWeight
      right[a] = targetProducts[i] - meanI * targetSum
      for (b, j) in columns.enumerated() {
        normal[a * k + b] = crossProducts[i * columnCount + j] - meanI * columnSums[j]
      }
      normal[a * k + a] += alpha
    }
    let inverse = SymmetricSolver.inverse(normal, order: k).inverse
    var beta = [Double](repeating: 0, count: k)
    for a in 0..<k {
      var sum = 0.0
      for b in 0..<k { sum += inverse[a * k + b] * right[b] }
      beta[a] = sum
    }
    var intercept = yMean
    for (a, i) in columns.enumerated() { intercept -= beta[a] * columnSums[i] / totalWeight }
    // SSE = y_cᵀWy_c − 2βᵀX_cᵀWy_c + βᵀ(X_cᵀWX_c)β, with the unpenalised normal matrix.
    let total = targetSquares - yMean * targetSum
    var explained = 0.0
    for a in 0..<k {
      explained += 2 * beta[a] * right[a]
      for b in 0..<k {
        let penalty = a == b ? alpha : 0
        explained -= beta[a] * (normal[a * k + b] - penalty) * beta[b]
      }
    }
    let residual = max(0, total - explained)
    let scale = max(abs(total), abs(targetSquares)) * 1e-13
    let rSquared: Double
    if total <= scale {
      rSquared = residual <= scale ? 1 : 0
    } else {
      rSquared = 1 - residual / total
    }
    return (beta, intercept, rSquared)
  }
}
