/// Inverses of small symmetric positive semi-definite matrices (normal equations), with a
/// minimum-norm fallback for singular ones.
///
/// Matrices are dense, row-major `n × n` with `n` up to a few hundred. The regular path is a
/// Cholesky factorisation; when a pivot is not clearly positive the matrix is treated as
/// singular and inverted through its eigendecomposition (cyclic Jacobi), dropping
/// eigenvalues below `n · ε · λ_max`, which gives the Moore–Penrose pseudo-inverse, so
/// `A⁺ b` is the minimum-norm least-squares solution (what NumPy's `lstsq` returns).
enum SymmetricSolver {
  /// The inverse of `matrix`, or its pseudo-inverse when it is singular.
  ///
  /// - Parameters:
  ///   - matrix: A symmetric `n × n` matrix, row-major.
  ///   - n: The order.
  /// - Returns: The (pseudo-)inverse, row-major, and whether the fallback was used.
  /// - Complexity: O(*n*³).
  static func inverse(_ matrix: [Double], order n: Int) -> (inverse: [Double], isSingular: Bool) {
    if n == 0 { return ([], false) }
    if let factor = cholesky(matrix, order: n) {
      return (choleskyInverse(factor, order: n), false)
    }
    return (pseudoInverse(matrix, order: n), true)
  }

  /// The lower Cholesky factor of `matrix`, or `nil` when a pivot is below
  /// `n · ε · max(diag)` (numerically singular or indefinite).
  static func cholesky(_ matrix: [Double], order n: Int) -> [Double]? {
    var factor = matrix
    var largest = 0.0
    for i in 0..<n { largest = max(largest, abs(matrix[i * n + i])) }
    let floor = Double(n) * Double.ulpOfOne * max(largest, Double.leastNormalMagnitude) * 16
    for j in 0..<n {
      var pivot = factor[j * n + j]
      for k in 0..<j { pivot -= factor[j * n + k] * factor[j * n + k] }
      guard pivot > floor, pivot.isFinite else { return nil }
      let root = pivot.squareRoot()
      factor[j * n + j] = root
      for i in (j + 1)..<max(j + 1, n) {
        var value = factor[i * n + j]
        for k in 0..<j { value -= factor[i * n + k] * factor[j * n + k] }
        factor[i * n + j] = value / root
      }
    }
    for i in 0..<n {
      for j in (i + 1)..<max(i + 1, n) { factor[i * n + j] = 0 }
    }
    return factor
  }

  /// `A⁻¹` from the lower Cholesky factor `L` of `A`: `(L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹`.
  private static func choleskyInverse(_ factor: [Double], order n: Int) -> [Double] {
    // Invert L (lower triangular) column by column.
    var lowerInverse = [Double](repeating: 0, count: n * n)
    for column in 0..<n {
      lowerInverse[column * n + column] = 1 / factor[column * n + column]
      for row in (column + 1)..<max(column + 1, n) {
        var sum = 0.0
        for k in column..<row { sum -= factor[row * n + k] * lowerInverse[k * n + column] }
        lowerInverse[row * n + column] = sum / factor[row * n + row]
      }
    }
    var result = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0...i {
        var sum = 0.0
        for k in i..<n { sum += lowerInverse[k * n + i] * lowerInverse[k * n + j] }
        result[i * n + j] = sum
        result[j * n + i] = sum
      }
    }
    return result
  }

  /// The Moore–Penrose pseudo-inverse of a symmetric matrix by cyclic Jacobi rotations.
  static func pseudoInverse(_ matrix: [Double], order n: Int) -> [Double] {
    var a = matrix
    var vectors = [Double](repeating: 0, count: n * n)
    for i in 0..<n { vectors[i * n + i] = 1 }
    for _ in 0..<100 {
      var offDiagonal = 0.0
      for i in 0..<n {
        for j in (i + 1)..<max(i + 1, n) { offDiagonal += a[i * n + j] * a[i * n + j] }
      }
      if offDiagonal <= 1e-30 * max(1e-300, frobeniusSquared(a)) { break }
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) where a[p * n + q] != 0 {
          rotate(&a, &vectors, p: p, q: q, order: n)
        }
      }
    }
    var largest = 0.0
    for i in 0..<n { largest = max(largest, abs(a[i * n + i])) }
    let cutoff = Double(n) * Double.ulpOfOne * largest
    var result = [Double](repeating: 0, count: n * n)
    for k in 0..<n {
      let eigenvalue = a[k * n + k]
      guard eigenvalue > cutoff else { continue }
      let scale = 1 / eigenvalue
      for i in 0..<n {
        let vi = vectors[i * n + k] * scale
        for j in 0..<n { result[i * n + j] += vi * vectors[j * n + k] }
      }
    }
    return result
  }

  private static func frobeniusSquared(_ a: [Double]) -> Double {
    var sum = 0.0
    for value in a { sum += value * value }
    return sum
  }

  /// One Jacobi rotation zeroing `a[p][q]`; columns of `vectors` collect the eigenvectors.
  private static func rotate(
    _ a: inout [Double], _ vectors: inout [Double], p: Int, q: Int, order n: Int
  ) {
    let apq = a[p * n + q]
    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
    let c = 1 / (t * t + 1).squareRoot()
    let s = t * c
    for k in 0..<n {
      let akp = a[k * n + p]
      let akq = a[k * n + q]
      a[k * n + p] = c * akp - s * akq
      a[k * n + q] = s * akp + c * akq
    }
    for k in 0..<n {
      let apk = a[p * n + k]
      let aqk = a[q * n + k]
      a[p * n + k] = c * apk - s * aqk
      a[q * n + k] = s * apk + c * aqk
    }
    for k in 0..<n {
      let vkp = vectors[k * n + p]
      let vkq = vectors[k * n + q]
      vectors[k * n + p] = c * vkp - s * vkq
      vectors[k * n + q] = s * vkp + c * vkq
    }
  }
}
