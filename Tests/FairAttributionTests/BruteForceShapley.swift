import FairModels

/// Shapley values by enumerating all `2^M` coalitions, for models with at most ~12 features.
enum BruteForceShapley {
  /// The Shapley values of the game `value` over `featureCount` players (masks as coalitions).
  static func shapley(featureCount: Int, value: (Int) -> Double) -> [Double] {
    let coalitions = 1 << featureCount
    var values = [Double](repeating: 0, count: coalitions)
    for mask in 0..<coalitions { values[mask] = value(mask) }
    var factorial = [Double](repeating: 1, count: featureCount + 1)
    for k in 1...max(1, featureCount) where k <= featureCount {
      factorial[k] = factorial[k - 1] * Double(k)
    }
    var phi = [Double](repeating: 0, count: featureCount)
    for feature in 0..<featureCount {
      let bit = 1 << feature
      for mask in 0..<coalitions where mask & bit == 0 {
        let size = mask.nonzeroBitCount
        let weight =
          factorial[size] * factorial[featureCount - size - 1] / factorial[featureCount]
        phi[feature] += weight * (values[mask | bit] - values[mask])
      }
    }
    return phi
  }

  /// The scale of tree `tree`'s leaf values in the margin: its weight, ÷T when averaging.
  static func treeScale(_ model: TreeEnsemble, _ tree: Int) -> Double {
    model.treeWeight[tree] / (model.averagesTrees ? Double(model.treeCount) : 1)
  }

  /// The path-dependent value `G(node, S)` of Lundberg, Erion & Lee (2018), as stated in
  /// `FairAttribution.docc/TreeSHAPAlgorithms.md` ("The path-dependent game"), with covers
  /// sanitized as the explainer does (0 read as 1e-6).
  static func pathValue(_ model: TreeEnsemble, node: Int, row: [Double], coalition: Int)
    -> Double
  {
    let feature = Int(model.splitFeature[node])
    if feature < 0 { return model.value[node] }
    let left = Int(model.leftChild[node])
    let right = Int(model.rightChild[node])
    if coalition & (1 << feature) != 0 {
      let next = model.goesLeft(node: node, x: row[feature]) ? left : right
      return pathValue(model, node: next, row: row, coalition: coalition)
    }
    func cover(_ node: Int) -> Double { model.cover[node] > 0 ? model.cover[node] : 1e-6 }
    let parent = cover(node)
    return cover(left) / parent * pathValue(model, node: left, row: row, coalition: coalition)
      + cover(right) / parent * pathValue(model, node: right, row: row, coalition: coalition)
  }

  /// Brute-force path-dependent SHAP values of one row.
  static func pathDependent(_ model: TreeEnsemble, row: [Double]) -> [Double] {
    shapley(featureCount: model.featureCount) { coalition in
      var total = model.baseMargin
      for tree in 0..<model.treeCount {
        total +=
          treeScale(model, tree)
          * pathValue(model, node: Int(model.treeStart[tree]), row: row, coalition: coalition)
      }
      return total
    }
  }

  /// The exact `Double` margin of `row`.
  static func margin(_ model: TreeEnsemble, row: [Double]) -> Double {
    var total = model.baseMargin
    row.withUnsafeBufferPointer { x in
      for tree in 0..<model.treeCount {
        total += treeScale(model, tree) * model.value[model.leaf(tree: tree, row: x)]
      }
    }
    return total
  }

  /// The hybrid row: `x` on the coalition, `reference` elsewhere.
  static func hybrid(_ x: [Double], _ reference: [Double], coalition: Int) -> [Double] {
    (0..<x.count).map { coalition & (1 << $0) != 0 ? x[$0] : reference[$0] }
  }

  /// Brute-force interventional SHAP values (margin) of `x` against one reference row.
  static func interventional(_ model: TreeEnsemble, x: [Double], reference: [Double])
    -> [Double]
  {
    shapley(featureCount: model.featureCount) { coalition in
      margin(model, row: hybrid(x, reference, coalition: coalition))
    }
  }

  /// The rows of a matrix as arrays.
  static func rows(_ matrix: FeatureMatrix) -> [[Double]] {
    (0..<matrix.rowCount).map { row in
      Array(matrix.values[(row * matrix.featureCount)..<((row + 1) * matrix.featureCount)])
    }
  }
}
