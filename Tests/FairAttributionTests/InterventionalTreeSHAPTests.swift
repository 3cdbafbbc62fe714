import FairAttribution
import FairModels
import Testing
import _FairTestSupport

@Suite struct InterventionalTreeSHAPTests {
  static let cases: [(seed: UInt64, tabulated: Bool)] = (1...10).map {
    (UInt64(100 + $0), $0 % 3 != 0)
  }

  /// The brute-force margin attributions averaged over the background.
  static func expected(_ model: TreeEnsemble, _ rows: FeatureMatrix, _ background: FeatureMatrix)
    -> [Double]
  {
    let references = BruteForceShapley.rows(background)
    var values: [Double] = []
    for x in BruteForceShapley.rows(rows) {
      var mean = [Double](repeating: 0, count: model.featureCount)
      for reference in references {
        let phi = BruteForceShapley.interventional(model, x: x, reference: reference)
        for j in mean.indices { mean[j] += phi[j] / Double(references.count) }
      }
      values += mean
    }
    return values
  }

  @Test(arguments: cases)
  func matchesBruteForceEnumeration(seed: UInt64, tabulated: Bool) throws {
    var random = RandomForests(
      seed: seed, featureCount: 4 + Int(seed % 6), flavor: seed % 2 == 0 ? .xgboost : .lightGBM)
    let model = try random.ensemble(
      treeCount: 3, maxDepth: 7, weighted: seed % 3 == 0, averaging: seed % 4 == 0)
    let background = random.rows(7)
    let rows = random.rows(5)
    let explainer = try InterventionalTreeSHAP(
      model: model, background: background, tableMemoryLimit: tabulated ? 1 << 26 : 0)
    #expect(explainer.tabulatedTreeCount == (tabulated ? model.treeCount : 0))
    let result = try explainer.explain(rows, threads: 1)
    // Brute force: 2^M ≤ 512 coalitions per reference, values of magnitude ≲ 10; both sides
    // are exact in Double, so only rounding (≈1e-14) separates them.
    expectAllClose(
      result.values, Self.expected(model, rows, background), absolute: 1e-12, "seed \(seed)")
    var meanMargin = 0.0
    for reference in BruteForceShapley.rows(background) {
      meanMargin += BruteForceShapley.margin(model, row: reference) / Double(background.rowCount)
    }
    // The same sums in another order.
    expectClose(result.baseValues[0], meanMargin, absolute: 1e-13)
    // Local accuracy against the model's Double margins.
    expectClose(result.largestAdditivityGap, 0, absolute: 1e-12)
  }

  @Test(arguments: [UInt64(201), 202, 203, 204])
  func probabilityRescalingMatchesShapRule(seed: UInt64) throws {
    var random = RandomForests(seed: seed, featureCount: 6, flavor: .lightGBM)
    let model = try random.ensemble(treeCount: 4, maxDepth: 6)
    let background = random.rows(6)
    let rows = random.rows(4)
    let explainer = try InterventionalTreeSHAP(model: model, background: background)
    let result = try explainer.explain(rows, options: ExplainOptions(output: .probability))
    func sigmoid(_ margin: Double) -> Double { model.outputTransform.apply(margin) }
    var expected: [Double] = []
    for x in BruteForceShapley.rows(rows) {
      let fx = BruteForceShapley.margin(model, row: x)
      var mean = [Double](repeating: 0, count: model.featureCount)
      for reference in BruteForceShapley.rows(background) {
        let fr = BruteForceShapley.margin(model, row: reference)
        let factor = fx == fr ? 1 : (sigmoid(fx) - sigmoid(fr)) / (fx - fr)
        let phi = BruteForceShapley.interventional(model, x: x, reference: reference)
        for j in mean.indices { mean[j] += factor * phi[j] / Double(background.rowCount) }
      }
      expected += mean
    }
    // As above; probabilities are smaller than margins, so the same bound is looser.
    expectAllClose(result.values, expected, absolute: 1e-12, "seed \(seed)")
    #expect(result.outputSpace == .probability)
    // Local accuracy in probability space: Σφ = σ(f(x)) − mean σ(f(r)). The predictions are
    // the model's own probabilities (Double sums here), so only rounding remains.
    for row in 0..<rows.rowCount {
      var sum = result.baseValues[row]
      for value in result.row(row) { sum += value }
      expectClose(sum, result.predictions[row], absolute: 1e-12, "row \(row)")
    }
  }

  @Test func dummyFeatureAndFeaturesEqualToTheBackgroundGetZero() throws {
    var random = RandomForests(seed: 301, featureCount: 7, flavor: .xgboost, dummy: 4)
    let model = try random.ensemble(treeCount: 20, maxDepth: 6)
    let background = random.rows(1)
    var rows = random.rows(10)
    // Column 0 of every row equals the single background row's.
    for row in 0..<rows.rowCount { rows.values[row * 7] = background.values[0] }
    for output in [OutputSpace.margin, .probability] {
      let explainer = try InterventionalTreeSHAP(model: model, background: background)
      let result = try explainer.explain(rows, options: ExplainOptions(output: output))
      for row in 0..<rows.rowCount {
        #expect(result[row, 4] == 0)
        #expect(result[row, 0] == 0)
      }
    }
  }

  @Test func threadCountDoesNotChangeAnyBit() throws {
    var random = RandomForests(seed: 401, featureCount: 8, flavor: .lightGBM)
    let model = try random.ensemble(treeCount: 20, maxDepth: 7)
    let background = random.rows(25)
    let rows = random.rows(150)
    let explainer = try InterventionalTreeSHAP(
      model: model, background: background, tableMemoryLimit: 40_000, threads: 2)
    #expect(explainer.tabulatedTreeCount > 0 && explainer.tabulatedTreeCount < 20)
    for output in [OutputSpace.margin, .probability] {
      let one = try explainer.explain(rows, options: ExplainOptions(output: output, threads: 1))
      let four = try explainer.explain(
        rows, options: ExplainOptions(output: output, threads: 4))
      #expect(one.values.map(\.bitPattern) == four.values.map(\.bitPattern))
    }
    // Building the tables on more threads gives the same tables.
    let serial = try InterventionalTreeSHAP(
      model: model, background: background, tableMemoryLimit: 40_000, threads: 1)
    #expect(try serial.explain(rows, threads: 1) == explainer.explain(rows, threads: 1))
  }

  @Test func rejectsUnusableBackgrounds() throws {
    let model = try TestModels.xgboostAnd()
    let empty = #expect(throws: AttributionError.self) {
      try InterventionalTreeSHAP(
        model: model, background: FeatureMatrix(values: [], rowCount: 0, featureCount: 2))
    }
    #expect(empty?.kind == .invalidBackground)
    let wide = #expect(throws: AttributionError.self) {
      try InterventionalTreeSHAP(
        model: model, background: FeatureMatrix(values: [1, 2, 3], rowCount: 1, featureCount: 3))
    }
    #expect(wide?.kind == .invalidBackground)
    #expect(wide?.description == "error: background: the rows have 3 features; the model reads 2")
    // A regression model has no probability output.
    let explainer = try InterventionalTreeSHAP(
      model: model, background: FeatureMatrix(values: [0, 0], rowCount: 1, featureCount: 2))
    #expect(explainer.supportedOutputs == [.margin])
    #expect(throws: AttributionError.self) {
      try explainer.explain(
        FeatureMatrix(values: [1, 1], rowCount: 1, featureCount: 2),
        options: ExplainOptions(output: .probability))
    }
  }

  @Test func andModelAgainstAllZeroReferenceSplitsTheJointEffect() throws {
    // f = [x0 ≥ 1 and x1 ≥ 1]; against r = (0, 0), x = (1, 1) gains 1, shared equally.
    let explainer = try InterventionalTreeSHAP(
      model: TestModels.xgboostAnd(),
      background: FeatureMatrix(values: [0, 0], rowCount: 1, featureCount: 2))
    let result = try explainer.explain(
      FeatureMatrix(values: [1, 1, 1, 0], rowCount: 2, featureCount: 2), threads: 1)
    // Exact binary fractions: 1/2 and 0.
    #expect(result.values == [0.5, 0.5, 0, 0])
    #expect(result.baseValues == [0, 0])
  }
}
