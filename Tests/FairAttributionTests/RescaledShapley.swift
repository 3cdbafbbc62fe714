import FairModels

/// shap's probability-space interventional values, computed straight from their definition,
/// as the oracle of the probability tests.
///
/// This is **not** the Shapley value of the probability game `v(S) = Σ_r w_r · g(f(x_S, r_S̄))`:
/// for each background row `r` it enumerates the exact Shapley values of the margin game
/// `v_r(S) = f(x_S, r_S̄)`, multiplies them by `[g(f(x)) − g(f(r))] / [f(x) − f(r)]` (1 when
/// the margins are equal) and averages with the weights `w_r`.
enum RescaledShapley {
  /// The probability-space values of one explained row.
  ///
  /// - Parameters:
  ///   - playerCount: The number of players (at most about 12).
  ///   - weights: One weight per background row, adding up to 1.
  ///   - transform: The model's output transform `g`.
  ///   - margin: The model's own margin of the hybrid taking the explained row's values on
  ///     the players in `coalition` (a bit mask) and background row `reference`'s elsewhere.
  /// - Returns: One value per player.
  static func values(
    playerCount: Int, weights: [Double], transform: OutputTransform,
    margin: (_ coalition: Int, _ reference: Int) -> Double
  ) -> [Double] {
    let everyone = (1 << playerCount) - 1
    var result = [Double](repeating: 0, count: playerCount)
    for (reference, weight) in weights.enumerated() {
      let x = margin(everyone, reference)
      let r = margin(0, reference)
      let factor = x == r ? 1 : (transform.apply(x) - transform.apply(r)) / (x - r)
      let phi = BruteForceShapley.shapley(featureCount: playerCount) { margin($0, reference) }
      for player in 0..<playerCount { result[player] += weight * factor * phi[player] }
    }
    return result
  }

  /// The weighted mean background probability, φ₀ in probability space.
  static func baseValue(margins: [Double], weights: [Double], transform: OutputTransform)
    -> Double
  {
    zip(margins, weights).reduce(0) { $0 + $1.1 * transform.apply($1.0) }
  }
}
