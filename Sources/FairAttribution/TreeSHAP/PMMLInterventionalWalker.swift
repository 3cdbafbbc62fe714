import FairModels

/// The interventional TreeSHAP walk (<doc:TreeSHAPAlgorithms#The-walk-per-reference>) over one
/// PMML tree for one pair of an explained row `x` and a background row `r`.
///
/// Each node's own predicate reads at most one field, so for a hybrid row its truth is
/// `x`'s or `r`'s, by the side of that field. The walk routes hybrids with the model's own
/// step rule (``PMMLAdditiveTrees/Member/step(from:truth:)``: first true child, then the
/// missing-value and no-true-child strategies), reading the truths of
/// ``PMMLModel/predicateTruths(_:trees:)``. When the step meets a child whose truth differs
/// between `x` and `r` and whose field is not yet tagged, it tags the field with `x`'s side,
/// then with `r`'s, and steps again from the node for each. So only the fields that decide
/// a route are tagged, in the order the model reads them, and each coalition of fields
/// follows exactly one branch. A node where the route stops is a leaf of the pair's game.
struct PMMLInterventionalWalker {
  /// The Shapley weights by `(a, a + b)`.
  let weights: ShapleyWeights
  /// The side each field is tagged with: 1 for `x`, -1 for `r`, 0 untagged.
  private var side: [Int8]
  /// The tagged fields, in tagging order.
  private var tagged: [Int] = []
  /// Whether the walk followed a route with no prediction.
  private(set) var failed = false

  /// Prepares a walker for `featureCount` fields.
  init(featureCount: Int) {
    weights = ShapleyWeights(limit: max(1, featureCount))
    side = [Int8](repeating: 0, count: featureCount)
    tagged.reserveCapacity(featureCount)
  }

  /// Adds `scale` times the member's attributions for the pair to `phi`.
  ///
  /// - Parameters:
  ///   - member: The tree, its weight and predicate fields.
  ///   - x: The explained row's predicate truths over the member's nodes.
  ///   - r: The background row's predicate truths over the member's nodes.
  ///   - scale: The factor for this pair (the background row's share of the mean).
  ///   - phi: One accumulator per field.
  mutating func walk(
    _ member: PMMLAdditiveTrees.Member, x: ArraySlice<Int8>, r: ArraySlice<Int8>,
    scale: Double, phi: inout [Double]
  ) {
    visit(0, member: member, x: x, r: r, scale: scale * member.weight, phi: &phi)
  }

  private mutating func visit(
    _ node: Int, member: PMMLAdditiveTrees.Member, x: ArraySlice<Int8>,
    r: ArraySlice<Int8>, scale: Double, phi: inout [Double]
  ) {
    if failed { return }
    var pending = -1
    let target = member.step(from: node) { child in
      let truthX = x[x.startIndex + child]
      let truthR = r[r.startIndex + child]
      let field = member.predicateFeature[child]
      if truthX == truthR || field < 0 { return truthX }
      if side[field] != 0 { return side[field] > 0 ? truthX : truthR }
      if pending < 0 { pending = field }
      return truthX
    }
    if pending >= 0 {
      tagged.append(pending)
      side[pending] = 1
      visit(node, member: member, x: x, r: r, scale: scale, phi: &phi)
      side[pending] = -1
      visit(node, member: member, x: x, r: r, scale: scale, phi: &phi)
      side[pending] = 0
      tagged.removeLast()
    } else if target < 0 {
      failed = true
    } else if target == node {
      accumulate(scale * member.tree.value[node], phi: &phi)
    } else {
      visit(target, member: member, x: x, r: r, scale: scale, phi: &phi)
    }
  }

  /// Splits a leaf's value `v` among the tagged fields: `+v·(a−1)!·b!/(a+b)!` to each
  /// `x`-side field and `−v·a!·(b−1)!/(a+b)!` to each `r`-side field.
  private func accumulate(_ value: Double, phi: inout [Double]) {
    let n = tagged.count
    if n == 0 { return }
    var a = 0
    for feature in tagged where side[feature] > 0 { a += 1 }
    let stride = weights.limit + 1
    let plus = value * weights.plus[a * stride + n]
    let minus = value * weights.minus[a * stride + n]
    for feature in tagged {
      if side[feature] > 0 { phi[feature] += plus } else { phi[feature] -= minus }
    }
  }
}
