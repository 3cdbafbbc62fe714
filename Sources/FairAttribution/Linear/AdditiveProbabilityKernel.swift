import FairModels

/// Probability-space attributions of a margin that is a sum of one-field terms, shared by
/// ``LinearSHAP`` and ``AdditiveTermSHAP``.
///
/// For an explained row `x` and a background row `r`, the interventional Shapley value of
/// term `k` in the pair's margin game is `t_k(x) − t_k(r)`: the game is additive, and a term
/// moves only when its own field is switched. shap's rescaling
/// (``ProbabilityRescaling``) multiplies the pair's values by a factor `s(x, r)` and averages
/// with the background weights `w_r`:
///
/// ```
/// φ_k(x) = Σ_r c_r · (t_k(x) − t_k(r)),      c_r = w_r · s(f(x), f(r))
/// φ₀     = Σ_r w_r · g(f(r))
/// ```
///
/// with `f = intercept + Σ_k t_k` the decomposition's own margin and `g` the output
/// transform, so that `φ₀ + Σ_k φ_k = g(f(x))` up to rounding. The background's term values,
/// margins and probabilities are computed once; a row then costs one factor per background
/// row and one multiply-add per background row and term, in a fixed order.
struct AdditiveProbabilityKernel: Sendable {
  /// Scratch memory for one worker, reused from row to row.
  struct Workspace {
    /// `c_r` per background row.
    var coefficients: [Double]
    /// The explained row's values of the attributed terms.
    var terms: [Double]
    /// The attributions of the attributed terms, written by ``attribute(_:workspace:)``.
    var sums: [Double]
  }

  /// The attributed terms, as indexes into the full term list; terms that read no field are
  /// constants whose pair differences are 0, and are left out.
  let attributed: [Int]
  /// The number of terms in the full list.
  let termCount: Int
  /// The constant part of the margin.
  let intercept: Double
  /// The attributed terms' values for every background row, row-major.
  let backgroundTerms: [Double]
  /// `f(r)` per background row.
  let backgroundMargins: [Double]
  /// `g(f(r))` per background row.
  let backgroundProbabilities: [Double]
  /// The background weights, adding up to 1.
  let weights: [Double]
  /// shap's rescaling through the model's output transform.
  let rescaling: ProbabilityRescaling
  /// φ₀ in probability space: the weighted mean background probability.
  let baseValue: Double

  /// Prepares the kernel from the term values of the background rows.
  ///
  /// - Parameters:
  ///   - intercept: The constant part of the margin.
  ///   - termValues: `weights.count × termCount` term values, row-major, none NaN.
  ///   - termCount: The number of terms.
  ///   - attributed: The terms that read a field, in term order.
  ///   - weights: One weight per background row, adding up to 1.
  ///   - transform: The model's output transform.
  /// - Complexity: O(*R*·*k*) for *R* background rows and *k* terms.
  init(
    intercept: Double, termValues: [Double], termCount: Int, attributed: [Int],
    weights: [Double], transform: OutputTransform
  ) {
    let rows = weights.count
    precondition(
      termValues.count == rows * termCount,
      "'termValues' has \(termValues.count) values, not \(rows) × \(termCount)")
    let rescaling = ProbabilityRescaling(transform: transform)
    var compact: [Double] = []
    compact.reserveCapacity(rows * attributed.count)
    var margins = [Double](repeating: 0, count: rows)
    var probabilities = [Double](repeating: 0, count: rows)
    var base = 0.0
    for row in 0..<rows {
      let values = termValues[(row * termCount)..<((row + 1) * termCount)]
      var margin = intercept
      for value in values { margin += value }
      for term in attributed { compact.append(values[values.startIndex + term]) }
      margins[row] = margin
      probabilities[row] = rescaling.probability(margin)
      base += weights[row] * probabilities[row]
    }
    self.attributed = attributed
    self.termCount = termCount
    self.intercept = intercept
    self.backgroundTerms = compact
    self.backgroundMargins = margins
    self.backgroundProbabilities = probabilities
    self.weights = weights
    self.rescaling = rescaling
    self.baseValue = base
  }

  /// Fresh scratch memory for one worker.
  func makeWorkspace() -> Workspace {
    Workspace(
      coefficients: [Double](repeating: 0, count: weights.count),
      terms: [Double](repeating: 0, count: attributed.count),
      sums: [Double](repeating: 0, count: attributed.count))
  }

  /// Writes the probability attribution of every attributed term of one row into
  /// `workspace.sums`, in ``attributed`` order.
  ///
  /// - Parameters:
  ///   - termValues: The row's ``termCount`` term values.
  ///   - workspace: Scratch memory from ``makeWorkspace()``.
  /// - Complexity: O(*R*·*k*) for *R* background rows and *k* attributed terms.
  func attribute(_ termValues: ArraySlice<Double>, workspace: inout Workspace) {
    var margin = intercept
    for value in termValues { margin += value }
    let probability = rescaling.probability(margin)
    let references = weights.count
    let width = attributed.count
    for (position, term) in attributed.enumerated() {
      workspace.terms[position] = termValues[termValues.startIndex + term]
    }
    for reference in 0..<references {
      workspace.coefficients[reference] =
        weights[reference]
        * rescaling.factor(
          margin, probability, backgroundMargins[reference], backgroundProbabilities[reference])
    }
    workspace.coefficients.withUnsafeBufferPointer { coefficients in
      workspace.terms.withUnsafeBufferPointer { x in
        backgroundTerms.withUnsafeBufferPointer { background in
          workspace.sums.withUnsafeMutableBufferPointer { sums in
            guard let xBase = x.baseAddress, let sumBase = sums.baseAddress,
              let backgroundBase = background.baseAddress
            else { return }
            sumBase.update(repeating: 0, count: width)
            // One axpy per background row: the loop over terms has no reduction, so it
            // vectorises, and each term's sum runs over the background in order.
            for reference in 0..<references {
              let coefficient = coefficients[reference]
              let row = backgroundBase + reference * width
              for term in 0..<width {
                sumBase[term] += coefficient * (xBase[term] - row[term])
              }
            }
          }
        }
      }
    }
  }
}
