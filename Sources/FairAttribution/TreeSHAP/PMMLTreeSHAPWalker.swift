import FairModels

/// The path-dependent TreeSHAP recursion (<doc:TreeSHAPAlgorithms#The-classic-recursion>)
/// over one PMML tree for one row.
///
/// Nodes may have any number of children. The row's own route at every node comes from
/// ``PMMLModel/treeRoutes(_:trees:)``: a child, the node itself (the prediction stops
/// there), or -1 (no prediction). Children are weighted by their share of the children's
/// total `recordCount`. A row that stops at an inner node `j` with split field `s` takes a
/// pseudo-leaf of value `value(j)`, zero fraction 0 and the one fraction of `s`.
struct PMMLTreeSHAPWalker {
  /// One element of the path: feature, zero fraction, one fraction, permutation weight.
  private struct Element {
    var feature: Int
    var zero: Double
    var one: Double
    var weight: Double
  }

  private let member: PMMLAdditiveTrees.Member
  private let routes: ArraySlice<Int32>
  /// Whether the recursion met a node with no prediction.
  private(set) var failed = false

  init(member: PMMLAdditiveTrees.Member, routes: ArraySlice<Int32>) {
    self.member = member
    self.routes = routes
  }

  /// The route of the row from `node`.
  private func route(_ node: Int) -> Int { Int(routes[routes.startIndex + node]) }

  /// Adds the tree's weighted SHAP values for the row to `phi`.
  mutating func run(into phi: inout [Double]) {
    visit(0, path: [Element(feature: -1, zero: 1, one: 1, weight: 1)], phi: &phi)
  }

  /// `G(root, ∅)`: the cover-weighted mean of the predictions reachable without knowing any
  /// field; NaN when one of them is no prediction.
  func expectedValue() -> Double {
    expected(0)
  }

  private func expected(_ node: Int) -> Double {
    let tree = member.tree
    if member.splitFeature[node] < 0 {
      // The route of a node that tests no field is the same for every row.
      let target = route(node)
      if target < 0 { return .nan }
      return target == node ? tree.value[node] : expected(target)
    }
    let children = tree.children(of: node)
    let total = children.reduce(0) { $0 + tree.recordCount[Int($1)] }
    var sum = 0.0
    for child in children {
      sum += tree.recordCount[Int(child)] / total * expected(Int(child))
    }
    return sum
  }

  private mutating func visit(_ node: Int, path: [Element], phi: inout [Double]) {
    let target = route(node)
    guard target >= 0 else {
      failed = true
      return
    }
    let tree = member.tree
    let feature = member.splitFeature[node]
    if feature < 0 {
      if target == node {
        accumulate(path, value: tree.value[node], phi: &phi)
      } else {
        visit(target, path: path, phi: &phi)
      }
      return
    }
    var base = path
    var zero = 1.0
    var one = 1.0
    if let k = base.indices.dropFirst().first(where: { base[$0].feature == feature }) {
      zero = base[k].zero
      one = base[k].one
      PMMLTreeSHAPWalker.unwind(&base, k)
    }
    let children = tree.children(of: node)
    let total = children.reduce(0) { $0 + tree.recordCount[Int($1)] }
    for child in children.map({ Int($0) }) {
      var extended = base
      PMMLTreeSHAPWalker.extend(
        &extended, zero: zero * tree.recordCount[child] / total,
        one: child == target ? one : 0, feature: feature)
      visit(child, path: extended, phi: &phi)
    }
    if target == node {
      var extended = base
      PMMLTreeSHAPWalker.extend(&extended, zero: 0, one: one, feature: feature)
      accumulate(extended, value: tree.value[node], phi: &phi)
    }
  }

  /// Adds every path feature's share of a leaf's value.
  private func accumulate(_ path: [Element], value: Double, phi: inout [Double]) {
    for i in path.indices.dropFirst() {
      let element = path[i]
      // An element with zero and one fractions both 0 carries no weight (and cannot be
      // unwound); its features' shares are 0.
      if element.zero == 0 && element.one == 0 { continue }
      let share = PMMLTreeSHAPWalker.unwoundSum(path, i)
      phi[element.feature] += member.weight * share * (element.one - element.zero) * value
    }
  }

  /// EXTEND: appends a feature with its fractions and updates the permutation weights.
  private static func extend(_ path: inout [Element], zero: Double, one: Double, feature: Int) {
    let d = path.count
    path.append(Element(feature: feature, zero: zero, one: one, weight: d == 0 ? 1 : 0))
    let scale = Double(d + 1)
    for i in stride(from: d - 1, through: 0, by: -1) {
      path[i + 1].weight += one * path[i].weight * Double(i + 1) / scale
      path[i].weight = zero * path[i].weight * Double(d - i) / scale
    }
  }

  /// UNWIND: removes element `k` and undoes its extension.
  private static func unwind(_ path: inout [Element], _ k: Int) {
    let d = path.count - 1
    let one = path[k].one
    let zero = path[k].zero
    var next = path[d].weight
    let scale = Double(d + 1)
    for i in stride(from: d - 1, through: 0, by: -1) {
      if one != 0 {
        let saved = path[i].weight
        path[i].weight = next * scale / (Double(i + 1) * one)
        next = saved - path[i].weight * zero * Double(d - i) / scale
      } else {
        path[i].weight = path[i].weight * scale / (zero * Double(d - i))
      }
    }
    for i in k..<d {
      path[i].feature = path[i + 1].feature
      path[i].zero = path[i + 1].zero
      path[i].one = path[i + 1].one
    }
    path.removeLast()
  }

  /// UNWOUND_SUM: the total weight left if element `k` were unwound.
  private static func unwoundSum(_ path: [Element], _ k: Int) -> Double {
    let d = path.count - 1
    let one = path[k].one
    let zero = path[k].zero
    var next = path[d].weight
    var total = 0.0
    if one != 0 {
      for i in stride(from: d - 1, through: 0, by: -1) {
        let share = next / (Double(i + 1) * one)
        total += share
        next = path[i].weight - share * zero * Double(d - i)
      }
    } else {
      for i in stride(from: d - 1, through: 0, by: -1) {
        total += path[i].weight / (zero * Double(d - i))
      }
    }
    return total * Double(d + 1)
  }
}
