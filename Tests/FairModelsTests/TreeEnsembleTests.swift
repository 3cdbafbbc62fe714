import FairModels
import Testing
import _FairTestSupport

@Suite struct TreeEnsembleTests {
  /// A stump on feature 0: node 0 splits, node 1 (left) is -1, node 2 (right) is +1.
  static func stump(
    rule: SplitRule, threshold: Double = 0, categories: [Int32] = [],
    accumulation: TreeEnsemble.Accumulation
  ) throws -> TreeEnsemble {
    var tree = Tree(nodeCount: 3)
    tree.splitFeature[0] = 0
    tree.leftChild[0] = 1
    tree.rightChild[0] = 2
    tree.threshold[0] = threshold
    tree.rule[0] = rule
    tree.categories[0] = categories
    tree.value[1] = -1
    tree.value[2] = 1
    return try TreeEnsemble(
      trees: [tree], baseMargin: 0, features: [ModelFeature(name: "x")], task: .regression,
      outputTransform: .identity, accumulation: accumulation, summary: "stump", file: "test")
  }

  /// Which side each value goes to, by `goesLeft`, by the scoring loop and by the column
  /// decision of attributions (every other value, so that the stride is exercised), which
  /// must all agree.
  static func sides(_ model: TreeEnsemble, _ values: [Double]) throws -> [String] {
    let scored = try model.predict(
      FeatureMatrix(values: values, rowCount: values.count, featureCount: 1))
    let interleaved: [Double] = values.flatMap { [$0, 0] }
    var column = [UInt8](repeating: 9, count: values.count)
    interleaved.withUnsafeBufferPointer { source in
      column.withUnsafeMutableBufferPointer { result in
        guard let base = source.baseAddress, let into = result.baseAddress else { return }
        model.decideColumn(node: 0, values: base, stride: 2, count: values.count, into: into)
      }
    }
    // Categorical splits also through the category codes of a block.
    var categories = column
    if model.rule[0].contains(.categorical) {
      var codes = [Int32](repeating: 0, count: values.count)
      interleaved.withUnsafeBufferPointer { source in
        codes.withUnsafeMutableBufferPointer { codes in
          guard let base = source.baseAddress, let into = codes.baseAddress else { return }
          model.categoryCodes(node: 0, values: base, stride: 2, count: values.count, into: into)
        }
      }
      codes.withUnsafeBufferPointer { codes in
        categories.withUnsafeMutableBufferPointer { result in
          guard let base = codes.baseAddress, let into = result.baseAddress else { return }
          model.decideCategories(node: 0, codes: base, count: values.count, into: into)
        }
      }
    }
    return zip(values.indices, scored).map { index, margin in
      let left = model.goesLeft(node: 0, x: values[index])
      let agrees =
        (margin < 0) == left && column[index] == (left ? 1 : 0)
        && categories[index] == (left ? 1 : 0)
      return agrees ? (left ? "L" : "R") : "disagree"
    }
  }

  @Test func xgboostNumericSplitsCompareInFloat() throws {
    let threshold = Double(Float(0.1))
    let model = try TreeEnsembleTests.stump(
      rule: [], threshold: threshold, accumulation: .float32)
    // 0.1 < 0.10000000149 in Double, but Float(0.1) equals the threshold: XGBoost goes right.
    let values = [0.1, threshold.nextDown, Double(Float(0.1).nextDown), -5, 5, .nan]
    #expect(try TreeEnsembleTests.sides(model, values) == ["R", "R", "L", "L", "R", "R"])
    let defaultLeft = try TreeEnsembleTests.stump(
      rule: [.defaultLeft], threshold: threshold, accumulation: .float32)
    #expect(try TreeEnsembleTests.sides(defaultLeft, [.nan]) == ["L"])
  }

  @Test func xgboostCategoricalSplitsSendListedCategoriesRight() throws {
    let model = try TreeEnsembleTests.stump(
      rule: [.categorical, .defaultLeft], categories: [2, 40], accumulation: .float32)
    let values: [Double] = [2, 2.7, 40, 3, 0, -1, -0.5, 16_777_216, 16_777_215.9, 1e300, .nan]
    // 16777215.9 rounds to 2^24 in Float: an invalid category, which goes left.
    #expect(
      try TreeEnsembleTests.sides(model, values)
        == ["R", "R", "R", "L", "L", "L", "L", "L", "L", "L", "L"])
  }

  @Test func lightGBMNumericSplitsFollowTheMissingType() throws {
    let none = try TreeEnsembleTests.stump(
      rule: [.lessOrEqual], threshold: -0.5, accumulation: .float64)
    // Missing type None reads NaN as 0, which is above -0.5.
    #expect(try TreeEnsembleTests.sides(none, [.nan, -0.5, -0.4]) == ["R", "L", "R"])
    let zero = try TreeEnsembleTests.stump(
      rule: [.lessOrEqual, .missingZero, .defaultLeft], threshold: -0.5, accumulation: .float64)
    // LightGBM's zero threshold is Float(1e-35) widened: 1.0000000180025095e-35.
    let edge = Double(Float(1e-35))
    #expect(
      try TreeEnsembleTests.sides(zero, [0, .nan, edge, -edge, edge.nextUp, 1e-35, 1])
        == ["L", "L", "L", "L", "R", "L", "R"])
    let nan = try TreeEnsembleTests.stump(
      rule: [.lessOrEqual, .missingNaN], threshold: 0.5, accumulation: .float64)
    #expect(try TreeEnsembleTests.sides(nan, [.nan, 0, 0.5, 0.6]) == ["R", "L", "L", "R"])
  }

  @Test func lightGBMCategoricalSplitsTruncateTowardZero() throws {
    let model = try TreeEnsembleTests.stump(
      rule: [.lessOrEqual, .categorical, .missingNaN], categories: [0, 33],
      accumulation: .float64)
    let values: [Double] = [0, -0.5, 0.9, 33.7, 1, -1, .nan, 2_147_483_648, 70]
    #expect(
      try TreeEnsembleTests.sides(model, values)
        == ["L", "L", "L", "L", "R", "R", "R", "R", "R"])
  }

  @Test func unreachableNodesAreStoredAsLeaves() throws {
    var tree = Tree(nodeCount: 5)
    tree.splitFeature[0] = 0
    tree.leftChild[0] = 1
    tree.rightChild[0] = 2
    // Node 3 is a deleted node: unreachable, with a split on a feature that does not exist.
    tree.splitFeature[3] = 99
    tree.leftChild[3] = 3
    tree.rightChild[3] = 4
    let model = try TreeEnsemble(
      trees: [tree], baseMargin: 0, features: [ModelFeature(name: "x")], task: .regression,
      outputTransform: .identity, accumulation: .float64, summary: "", file: "test")
    #expect(model.splitFeature == [0, -1, -1, -1, -1])
    #expect(model.leftChild[3] == -1)
  }

  @Test func builderErrorsUseTheFormatsFieldNames() throws {
    var tree = Tree(nodeCount: 3)
    tree.fieldNames = Tree.FieldNames(
      splitFeature: "feat", threshold: "thr", leftChild: "kids_left", rightChild: "kids_right",
      categories: "cats", value: "val", cover: "hess")
    tree.splitFeature[0] = 0
    tree.leftChild[0] = 1
    tree.rightChild[0] = 1
    let error = #expect(throws: ModelError.self) {
      try TreeEnsemble(
        trees: [tree], baseMargin: 0, features: [ModelFeature(name: "x")], task: .regression,
        outputTransform: .identity, accumulation: .float64, summary: "", file: "m")
    }
    #expect(error?.kind == .invalidStructure)
    #expect(error?.place == "tree 0, node 0, 'kids_right'")
    #expect(error?.message.contains("reached twice") == true)
  }
}
