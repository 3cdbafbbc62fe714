import FairAttribution
import FairModels
import Testing
import _FairTestSupport

@Suite struct TreeSHAPTests {
  static let algorithms = TreeSHAP.Algorithm.allCases

  @Test(arguments: algorithms)
  func reproducesXGBoostAndModel(algorithm: TreeSHAP.Algorithm) throws {
    let model = try TestModels.xgboostAnd()
    let rows = FeatureMatrix(values: [1, 1, 1, 0, 0, 1, 0, 0], rowCount: 4, featureCount: 2)
    let result = try TreeSHAP(model: model, algorithm: algorithm).explain(rows, threads: 1)
    // XGBoost 3.4.1's pred_contribs for the AND model (TestModels.xgboostAnd). The values
    // are dyadic; the quadrature nodes are not, so allow a few units in the last place
    // (2^-50 ≈ 8.9e-16).
    expectAllClose(
      result.values, [0.375, 0.375, 0.125, -0.375, -0.375, 0.125, -0.125, -0.125],
      absolute: 0x1p-50)
    expectAllClose(result.baseValues, [0.25, 0.25, 0.25, 0.25], absolute: 0x1p-50)
  }

  @Test(arguments: algorithms)
  func reproducesXGBoostLogisticModelWithMissingValues(algorithm: TreeSHAP.Algorithm) throws {
    let model = try TestModels.xgboostLogistic()
    let rows = FeatureMatrix(values: TestModels.tinyModelRows, rowCount: 4, featureCount: 3)
    let result = try TreeSHAP(model: model, algorithm: algorithm).explain(rows, threads: 1)
    // XGBoost 3.4.1's pred_contribs (TestModels.xgboostLogistic), float32 and printed with 8
    // digits, so 1e-6.
    let expected: [[Double]] = [
      [-0.06226167, 0.34256315, -0.00823639, -0.12434584],
      [-0.11067773, 0.34256315, 0.04017968, -0.12434584],
      [-0.91444290, -0.70030302, -0.04743259, -0.12434584],
      [1.35578227, -0.03454430, -0.00823639, -0.12434584],
    ]
    expectAllClose(result.values, expected.flatMap { $0.prefix(3) }, absolute: 1e-6)
    expectAllClose(result.baseValues, expected.map { $0[3] }, absolute: 1e-6)
    // The printed margins (8 digits).
    expectAllClose(
      result.predictions, [0.14771929, 0.14771929, -1.78652430, 1.18865585], absolute: 1e-7)
  }

  @Test(arguments: algorithms)
  func reproducesLightGBMCategoricalModel(algorithm: TreeSHAP.Algorithm) throws {
    let model = try TestModels.lightGBMCategorical()
    let rows = FeatureMatrix(values: TestModels.tinyModelRows, rowCount: 4, featureCount: 3)
    let result = try TreeSHAP(model: model, algorithm: algorithm).explain(rows, threads: 1)
    // LightGBM 4.7.0's pred_contrib (TestModels.lightGBMCategorical), in double and printed
    // with 9 digits, so 1e-6.
    let expected: [[Double]] = [
      [0.030645649, 1.130226682, 0.0, -0.189732755],
      [0.030645649, 1.130226682, 0.0, -0.189732755],
      [-0.949698479, -0.504845605, 0.0, -0.189732755],
      [1.181294201, -0.424079766, 0.0, -0.189732755],
    ]
    expectAllClose(result.values, expected.flatMap { $0.prefix(3) }, absolute: 1e-6)
    expectAllClose(result.baseValues, expected.map { $0[3] }, absolute: 1e-6)
    // The raw scores are printed with 16 digits and LightGBM sums in double.
    expectAllClose(
      result.predictions,
      [0.9711395768523419, 0.9711395768523419, -1.6442768376667236, 0.5674816808356378],
      relative: 1e-15)
    // Column 2 is never split on: the dummy axiom gives exactly zero.
    for row in 0..<4 { #expect(result[row, 2] == 0) }
  }

  static let randomCases: [(seed: UInt64, flavor: RandomForests.Flavor)] = (1...12).map {
    (UInt64($0), $0 % 2 == 0 ? .xgboost : .lightGBM)
  }

  @Test(arguments: randomCases)
  func matchesBruteForceEnumeration(seed: UInt64, flavor: RandomForests.Flavor) throws {
    var random = RandomForests(
      seed: seed, featureCount: 4 + Int(seed % 7), flavor: flavor)
    let model = try random.ensemble(
      treeCount: 3, maxDepth: 8, weighted: seed % 3 == 0, averaging: seed % 4 == 0)
    let rows = random.rows(6)
    let fast = try TreeSHAP(model: model, algorithm: .fast).explain(rows, threads: 1)
    let direct = try TreeSHAP(model: model, tableMemoryLimit: 0).explain(rows, threads: 1)
    let classic = try TreeSHAP(model: model, algorithm: .classic).explain(rows, threads: 1)
    var expected: [Double] = []
    for row in BruteForceShapley.rows(rows) {
      expected += BruteForceShapley.pathDependent(model, row: row)
    }
    // Brute force sums 2^M ≤ 1024 weighted differences of values of magnitude ≲ 10, so its
    // own rounding is about 1e-13; all three kernels are exact in Double.
    expectAllClose(fast.values, expected, absolute: 1e-11, "tables, seed \(seed)")
    expectAllClose(direct.values, expected, absolute: 1e-11, "quadrature, seed \(seed)")
    expectAllClose(classic.values, expected, absolute: 1e-11, "classic, seed \(seed)")
    // Tables hold what the direct evaluation computes; merging sibling leaves' tables rounds
    // each pair's sum once more, a few ulps of values of magnitude ≲ 1.
    expectAllClose(fast.values, direct.values, absolute: 1e-14, "tables vs quadrature")
    // Fast and classic differ only by the rounding of O(D) operations per leaf.
    expectAllClose(fast.values, classic.values, absolute: 1e-12, "fast vs classic")
    #expect(fast.baseValues == classic.baseValues)
  }

  @Test(arguments: [UInt64(21), 22, 23])
  func zeroCoversAreReadAsTinyAndKeepLocalAccuracy(seed: UInt64) throws {
    var random = RandomForests(seed: seed, featureCount: 6, flavor: .lightGBM, zeroCovers: true)
    let model = try random.ensemble(treeCount: 3, maxDepth: 6)
    let rows = random.rows(5)
    let fast = try TreeSHAP(model: model).explain(rows, threads: 1)
    let classic = try TreeSHAP(model: model, algorithm: .classic).explain(rows, threads: 1)
    var expected: [Double] = []
    for row in BruteForceShapley.rows(rows) {
      expected += BruteForceShapley.pathDependent(model, row: row)
    }
    // Ratios such as 1e-6/50 are exact inputs to the same formulas; as above.
    expectAllClose(fast.values, expected, absolute: 1e-11)
    expectAllClose(classic.values, expected, absolute: 1e-11)
    #expect(fast.values.allSatisfy { $0.isFinite })
    // Local accuracy in float64: a handful of roundings per tree.
    expectClose(fast.largestAdditivityGap, 0, absolute: 1e-12)
  }

  @Test(arguments: [UInt64(31), 32, 33, 34])
  func localAccuracyHolds(seed: UInt64) throws {
    var random = RandomForests(
      seed: seed, featureCount: 9, flavor: seed % 2 == 0 ? .xgboost : .lightGBM)
    let model = try random.ensemble(treeCount: 40, maxDepth: 8, weighted: true)
    let rows = random.rows(50)
    let result = try TreeSHAP(model: model).explain(rows, threads: 2)
    for row in 0..<rows.rowCount {
      var sum = result.baseValues[row]
      for value in result.row(row) { sum += value }
      // 1e-9 relative: the model sums 40 leaves in Double; the attributions add a few
      // roundings per leaf, far below this bound.
      expectClose(sum, result.predictions[row], absolute: 1e-12, relative: 1e-9, "row \(row)")
    }
  }

  @Test func dummyFeatureGetsExactlyZero() throws {
    var random = RandomForests(seed: 41, featureCount: 7, flavor: .xgboost, dummy: 2)
    let model = try random.ensemble(treeCount: 10, maxDepth: 6)
    let rows = random.rows(30)
    for algorithm in TreeSHAP.Algorithm.allCases {
      let result = try TreeSHAP(model: model, algorithm: algorithm).explain(rows, threads: 1)
      for row in 0..<rows.rowCount { #expect(result[row, 2] == 0) }
    }
  }

  @Test func symmetricFeaturesGetEqualValues() throws {
    // f = 1 when x0 > 0.5 and x1 > 0.5, with symmetric covers: x0 and x1 are symmetric.
    let tree = TestModels.tree([
      TestModels.xgbSplit(0, 0.5, left: 1, right: 2, defaultLeft: false, cover: 4),
      TestModels.xgbSplit(1, 0.5, left: 3, right: 4, defaultLeft: false, cover: 2),
      TestModels.xgbSplit(1, 0.5, left: 5, right: 6, defaultLeft: false, cover: 2),
      TestModels.leaf(0, cover: 1), TestModels.leaf(0, cover: 1),
      TestModels.leaf(0, cover: 1), TestModels.leaf(1, cover: 1),
    ])
    let model = try TreeEnsemble(
      trees: [tree], baseMargin: 0, features: TestModels.numericFeatures(3), task: .regression,
      outputTransform: .identity, accumulation: .float64, summary: "", file: "")
    let rows = FeatureMatrix(values: [1, 1, 7, 0, 0, 7], rowCount: 2, featureCount: 3)
    let result = try TreeSHAP(model: model).explain(rows, threads: 1)
    // Symmetric inputs go through identical arithmetic up to the order of two factors.
    expectClose(result[0, 0], result[0, 1], absolute: 1e-15)
    expectClose(result[1, 0], result[1, 1], absolute: 1e-15)
    expectClose(result[0, 0], 0.375, absolute: 1e-15)
  }

  @Test func threadCountDoesNotChangeAnyBit() throws {
    var random = RandomForests(seed: 51, featureCount: 8, flavor: .lightGBM)
    let model = try random.ensemble(treeCount: 25, maxDepth: 7)
    let rows = random.rows(300)
    // A table limit that tabulates only some trees mixes both kernels.
    let explainer = TreeSHAP(model: model, tableMemoryLimit: 200_000)
    #expect(explainer.tabulatedTreeCount > 0)
    #expect(explainer.tabulatedTreeCount < model.treeCount)
    let one = try explainer.explain(rows, threads: 1)
    let four = try explainer.explain(rows, threads: 4)
    #expect(one.values.map(\.bitPattern) == four.values.map(\.bitPattern))
    #expect(one == four)
  }

  @Test func pathsWithMoreThan32FeaturesUseTheClassicRecursion() throws {
    // A chain: node i splits on feature i; its left child is a leaf, its right child the
    // next split. The last leaf's path has 40 distinct features.
    let depth = 40
    var nodes: [TestModels.Node] = []
    for level in 0..<depth {
      let index = Int32(2 * level)
      let remaining = Double(depth - level + 1)
      nodes.append(
        TestModels.xgbSplit(
          Int32(level), 0.5, left: index + 1, right: index + 2, defaultLeft: level % 2 == 0,
          cover: remaining))
      nodes.append(TestModels.leaf(Double(level % 7) - 3, cover: 1))
    }
    nodes.append(TestModels.leaf(5, cover: 1))
    let model = try TreeEnsemble(
      trees: [TestModels.tree(nodes)], baseMargin: 0.5,
      features: TestModels.numericFeatures(depth), task: .regression,
      outputTransform: .identity, accumulation: .float64, summary: "", file: "")
    var random = TestRandom(seed: 61)
    let values = (0..<(4 * depth)).map { _ in
      Bool.random(using: &random) ? 1.0 : Double.random(in: -1...0.4, using: &random)
    }
    let rows = FeatureMatrix(values: values, rowCount: 4, featureCount: depth)
    let fast = try TreeSHAP(model: model).explain(rows, threads: 1)
    let classic = try TreeSHAP(model: model, algorithm: .classic).explain(rows, threads: 1)
    #expect(fast.values == classic.values)
    // Local accuracy after 40 levels of path arithmetic.
    expectClose(fast.largestAdditivityGap, 0, absolute: 1e-12)
  }

  @Test func rejectsWrongFeatureCountAndProbabilityOutput() throws {
    let explainer = TreeSHAP(model: try TestModels.xgboostAnd())
    let rows = FeatureMatrix(values: [1, 2, 3], rowCount: 1, featureCount: 3)
    let mismatch = #expect(throws: AttributionError.self) {
      try explainer.explain(rows, threads: 1)
    }
    #expect(mismatch?.kind == .featureMismatch)
    #expect(mismatch?.description.contains("3 features; the model reads 2") == true)
    let probability = #expect(throws: AttributionError.self) {
      try explainer.explain(
        FeatureMatrix(values: [1, 2], rowCount: 1, featureCount: 2),
        options: ExplainOptions(output: .probability))
    }
    #expect(probability?.kind == .unsupportedOutput)
  }

  @Test func emptyMatrixGivesEmptyAttributions() throws {
    let explainer = TreeSHAP(model: try TestModels.xgboostAnd())
    let result = try explainer.explain(
      FeatureMatrix(values: [], rowCount: 0, featureCount: 2), threads: 2)
    #expect(result.rowCount == 0)
    #expect(result.values.isEmpty)
    #expect(result.featureNames == ["f0", "f1"])
  }
}
