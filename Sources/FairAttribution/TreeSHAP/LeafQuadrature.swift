/// The path-dependent SHAP contributions of one leaf, by exact Gauss–Legendre quadrature.
///
/// For a leaf with value `v` and distinct path features `k = 0..<d` with zero fractions `q_k`
/// and one fractions `o_k` (bit `k` of the mask), the Beta-integral form of the Shapley value
/// (<doc:TreeSHAPAlgorithms#The-closed-form-per-leaf>) gives
///
/// ```
/// φ_k = v · (o_k − q_k) · ∫₀¹ Π_{l≠k} (q_l + (o_l − q_l)·t) dt
/// ```
///
/// The integrand has degree `d − 1`, so the `⌈d/2⌉`-point rule is exact. The products that
/// leave one factor out are formed from prefix and suffix products, so no factor is divided
/// by and the cost is O(*d*) per quadrature point.
struct LeafQuadrature: Sendable {
  /// The most distinct features a path may have.
  static let maxFeatures = 32

  /// The nodes of every rule on [0, 1], rule after rule.
  let nodes: [Double]
  /// The weights, in the same order.
  let weights: [Double]
  /// The first node of the `p`-point rule is `start[p]`, for `p` in `1...maxFeatures / 2`.
  let start: [Int]

  /// Builds the rules with 1 to `maxFeatures / 2` points.
  init() {
    var nodes: [Double] = []
    var weights: [Double] = []
    var start = [0]
    for points in 1...(LeafQuadrature.maxFeatures / 2) {
      start.append(nodes.count)
      let rule = GaussLegendre.rule(pointCount: points)
      nodes += rule.nodes
      weights += rule.weights
    }
    self.nodes = nodes
    self.weights = weights
    self.start = start
  }

  /// The number of points that integrates the product for `count` features exactly.
  @inline(__always)
  static func points(for count: Int) -> Int { max(1, (count + 1) / 2) }

  /// Writes `φ_k` for `k = 0..<count` into `result[k]`.
  ///
  /// - Parameters:
  ///   - mask: Bit `k` set when the row satisfies every split on path feature `k`.
  ///   - value: The leaf value.
  ///   - zeros: The zero fraction of each path feature.
  ///   - nodes: The rule's nodes; `weights`, its weights; `points`, their number.
  ///   - scratch: Space for `2 * count + 1` values.
  @inline(__always)
  static func contributions(
    mask: UInt32, value: Double, zeros: UnsafePointer<Double>, count: Int,
    nodes: UnsafePointer<Double>, weights: UnsafePointer<Double>, points: Int,
    scratch: UnsafeMutablePointer<Double>, result: UnsafeMutablePointer<Double>
  ) {
    let factors = scratch
    let prefix = scratch + count
    for k in 0..<count { result[k] = 0 }
    for point in 0..<points {
      let t = nodes[point]
      prefix[0] = 1
      for k in 0..<count {
        let q = zeros[k]
        let factor = mask & (UInt32(1) &<< UInt32(k)) != 0 ? q + (1 - q) * t : q - q * t
        factors[k] = factor
        prefix[k + 1] = prefix[k] * factor
      }
      var suffix = weights[point]
      var k = count - 1
      while k >= 0 {
        result[k] += prefix[k] * suffix
        suffix *= factors[k]
        k -= 1
      }
    }
    for k in 0..<count {
      let one: Double = mask & (UInt32(1) &<< UInt32(k)) != 0 ? 1 : 0
      result[k] *= value * (one - zeros[k])
    }
  }
}

/// Pointers to the rules of a ``LeafQuadrature``.
struct QuadratureView {
  let nodes: UnsafePointer<Double>
  let weights: UnsafePointer<Double>
  let start: UnsafePointer<Int>
}
