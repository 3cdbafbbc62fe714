/// The Shapley weights of a single-leaf interventional game, by `(Mx, N)`.
///
/// A leaf reachable by hybrids of `x` and a reference `r` has `Mx` path features that only `x`
/// satisfies and `N − Mx` that only `r` satisfies; its game is `v · [A_x ⊆ S, A_r ∩ S = ∅]`
/// (<doc:TreeSHAPAlgorithms#One-reference-and-one-leaf>). Each feature of `A_x` gets
/// `+v · plus(Mx, N)` and each feature of `A_r` gets `−v · minus(Mx, N)`, with
///
/// ```
/// plus(Mx, N)  = (Mx − 1)! (N − Mx)! / N!  = 1 / (Mx · C(N, Mx))
/// minus(Mx, N) = Mx! (N − Mx − 1)! / N!    = 1 / ((N − Mx) · C(N, Mx))
/// ```
struct ShapleyWeights: Sendable {
  /// The largest `N` covered.
  let limit: Int
  /// `plus[Mx * (limit + 1) + N]`; 0 where undefined.
  let plus: [Double]
  /// `minus[Mx * (limit + 1) + N]`; 0 where undefined.
  let minus: [Double]

  /// Tabulates the weights for `N` up to `limit`.
  init(limit: Int) {
    self.limit = limit
    let stride = limit + 1
    var plus = [Double](repeating: 0, count: stride * stride)
    var minus = [Double](repeating: 0, count: stride * stride)
    for n in 1...max(1, limit) where n <= limit {
      var binomial = 1.0  // C(n, mx), updated as mx grows
      for mx in 0...n {
        if mx > 0 { binomial = binomial * Double(n - mx + 1) / Double(mx) }
        if mx > 0 { plus[mx * stride + n] = 1 / (Double(mx) * binomial) }
        if mx < n { minus[mx * stride + n] = 1 / (Double(n - mx) * binomial) }
      }
    }
    self.plus = plus
    self.minus = minus
  }
}
