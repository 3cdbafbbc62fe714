import FairAttribution
import FairModels
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

@Suite struct KernelSHAPTests {
  typealias Models = AgnosticTestModels

  /// (width, interactions, seed) of the random models checked against brute force.
  static let exactCases: [(width: Int, interactions: Int, seed: UInt64)] = [
    (2, 1, 11), (3, 2, 12), (5, 0, 13), (7, 6, 14), (10, 12, 15), (12, 16, 16),
  ]

  @Test(arguments: exactCases)
  func exactModeEqualsBruteForceShapley(width: Int, interactions: Int, seed: UInt64) throws {
    let model = Models.polynomial(width: width, interactionCount: interactions, seed: seed)
    let rows = Models.matrix(rows: 4, width: width, seed: seed &+ 1)
    let background = try BackgroundData(
      Models.matrix(rows: 6, width: width, seed: seed &+ 2),
      weights: [1, 2, 3, 1, 1, 0.5])
    let players = (0..<width).map { [$0] }
    for (link, output) in [
      (KernelSHAP.Link.identity, OutputSpace.margin), (.identity, .probability), (.logit, .margin),
    ] {
      let explainer = try KernelSHAP(
        model: model, background: background, link: link,
        sampleCount: CoalitionSample.maximumSampleCount(playerCount: width))
      let result = try explainer.explain(rows, options: ExplainOptions(output: output))
      for row in 0..<rows.rowCount {
        let expected = try Models.bruteForce(
          model: model, row: Models.row(rows, row), background: background, players: players,
          probability: output == .probability || link == .logit,
          link: link == .logit ? .logit : .identity)
        // Exact mode solves the full regression, which reproduces Shapley values to
        // rounding (shap: 1e-15, reference A10); the Cholesky solve of ≤ 11 unknowns with
        // values of order 1 stays far inside 1e-9.
        expectAllClose(
          Array(result.row(row)), expected.values, absolute: 1e-9,
          "width \(width), link \(link), output \(output), row \(row)")
        expectClose(result.baseValues[row], expected.base, absolute: 1e-12)
        #expect(result.standardErrors?.allSatisfy { $0 == 0 } == true)
      }
      // Local accuracy: the constraint makes it hold to rounding.
      #expect(result.largestAdditivityGap < 1e-12)
    }
  }

  @Test(arguments: [UInt64(101), 202, 303])
  func samplingErrorsCoverTheExactValues(seed: UInt64) throws {
    let width = 12
    let model = Models.polynomial(width: width, interactionCount: 20, seed: seed)
    let rows = Models.matrix(rows: 50, width: width, seed: seed &+ 7)
    let background = try BackgroundData(Models.matrix(rows: 5, width: width, seed: seed &+ 8))
    let exact = try KernelSHAP(model: model, background: background, sampleCount: 4094)
      .explain(rows, options: ExplainOptions())
    let sampled = try KernelSHAP(model: model, background: background, sampleCount: 600)
      .explain(rows, options: ExplainOptions(seed: seed))
    let errors = try #require(sampled.standardErrors)
    var covered = 0
    var sampledCells = 0
    for index in exact.values.indices {
      let difference = abs(sampled.values[index] - exact.values[index])
      if errors[index] > 0 { sampledCells += 1 }
      if difference <= 3 * errors[index] + 1e-12 { covered += 1 }
    }
    // Sampling must actually happen (600 < 4094 coalitions) for the check to mean anything.
    #expect(sampledCells > exact.values.count * 9 / 10)
    let share = Double(covered) / Double(exact.values.count)
    #expect(share >= 0.99, "only \(covered) of \(exact.values.count) cells within 3 SE")
    // Local accuracy holds exactly in sampling mode too (the constraint).
    #expect(sampled.largestAdditivityGap < 1e-12)
  }

  @Test func sizeWeightsMatchTheReferenceVectors() {
    // shap's size weights (KernelExplainer's scheme), printed to six decimals.
    var generator = SplitMix64(seed: 0)
    let four = CoalitionSample(playerCount: 4, sampleCount: 100, generator: &generator)
    expectAllClose(four.sizeWeights, [8.0 / 11, 3.0 / 11], absolute: 1e-15)
    #expect(four.count == 14 && four.isExact)
    let fourSizes = (0..<four.count).map { coalition in
      (0..<4).reduce(0) { $0 + Int(four.masks[coalition * 4 + $1]) }
    }
    for (size, weight) in zip(fourSizes, four.weights) {
      expectClose(
        weight, size == 2 ? 0.045455 : 0.090909, absolute: 5e-7, "shap's size weights, M = 4")
    }
    let five = CoalitionSample(playerCount: 5, sampleCount: 30, generator: &generator)
    expectAllClose(five.sizeWeights, [0.6, 0.4], absolute: 1e-15)
    #expect(five.count == 30 && five.isExact)
    for coalition in 0..<five.count {
      let size = (0..<5).reduce(0) { $0 + Int(five.masks[coalition * 5 + $1]) }
      expectClose(
        five.weights[coalition], size == 1 || size == 4 ? 0.06 : 0.02, absolute: 1e-15,
        "shap's size weights, M = 5")
    }
  }

  @Test func samplingKeepsTheBudgetAndTheSampledWeight() {
    var generator = SplitMix64(seed: 9)
    let sample = CoalitionSample(playerCount: 10, sampleCount: 200, generator: &generator)
    #expect(sample.count == 200)
    #expect(!sample.isExact)
    // Sizes 1 and 9 (20 coalitions) fit the budget; the rest is sampled.
    #expect(sample.enumeratedSizeCount == 1)
    #expect(sample.enumeratedCount == 20)
    var total = 0.0
    for weight in sample.weights { total += weight }
    // Enumerated and rescaled sampled weights add up to the normalised size weights, 1.
    expectClose(total, 1, absolute: 1e-12)
  }

  @Test func threadCountDoesNotChangeAnyBit() throws {
    let model = Models.polynomial(width: 9, interactionCount: 10, seed: 5)
    let rows = Models.matrix(rows: 23, width: 9, seed: 6)
    let background = try BackgroundData(Models.matrix(rows: 20, width: 9, seed: 7))
    let explainer = try KernelSHAP(model: model, background: background, sampleCount: 300)
    let one = try explainer.explain(rows, options: ExplainOptions(threads: 1, seed: 42))
    let four = try explainer.explain(rows, options: ExplainOptions(threads: 4, seed: 42))
    #expect(one == four)
    #expect(one.values.map(\.bitPattern) == four.values.map(\.bitPattern))
  }

  @Test func groupsPlayAsOne() throws {
    let width = 8
    let model = Models.polynomial(width: width, interactionCount: 8, seed: 21)
    let rows = Models.matrix(rows: 3, width: width, seed: 22)
    let background = try BackgroundData(Models.matrix(rows: 4, width: width, seed: 23))
    let groups = [
      FeatureGroup(name: "g1", members: [1, 5]), FeatureGroup(name: "g2", members: [2, 3, 7]),
    ]
    let explainer = try KernelSHAP(
      model: model, background: background, sampleCount: 1000, groups: groups)
    #expect(explainer.featureNames == ["x0", "g1", "g2", "x4", "x6"])
    let result = try explainer.explain(rows, options: ExplainOptions())
    for row in 0..<rows.rowCount {
      let expected = try Models.bruteForce(
        model: model, row: Models.row(rows, row), background: background,
        players: [[0], [1, 5], [2, 3, 7], [4], [6]], probability: false, link: .identity)
      // Five players, exact mode: rounding only.
      expectAllClose(Array(result.row(row)), expected.values, absolute: 1e-9)
    }
  }

  @Test func wideModelsAreExplainedWithoutDeduplication() throws {
    // More than 64 features: hybrids are scored without the bit-mask deduplication.
    let width = 70
    let model = Models.polynomial(width: width, interactionCount: 30, seed: 51)
    let rows = Models.matrix(rows: 2, width: width, seed: 52)
    let background = try BackgroundData(Models.matrix(rows: 3, width: width, seed: 53))
    let blocks = [0..<20, 20..<40, 40..<60, 60..<68]
    let groups = blocks.enumerated().map { FeatureGroup(name: "g\($0)", members: Array($1)) }
    let result = try KernelSHAP(model: model, background: background, groups: groups)
      .explain(rows, options: ExplainOptions())
    let players = blocks.map { Array($0) } + [[68], [69]]
    for row in 0..<rows.rowCount {
      let expected = try Models.bruteForce(
        model: model, row: Models.row(rows, row), background: background, players: players,
        probability: false, link: .identity)
      // Six players, exact mode: rounding only.
      expectAllClose(Array(result.row(row)), expected.values, absolute: 1e-9)
    }
  }

  @Test func featuresEqualToEveryBackgroundRowGetZero() throws {
    let model = Models.polynomial(width: 4, interactionCount: 3, seed: 31)
    let background = try BackgroundData(
      FeatureMatrix(values: [1, 2, 0.5, 0, 1, 3, -0.5, 0], rowCount: 2, featureCount: 4))
    // Features 0 and 3 equal every background row; feature 1 varies; feature 2 varies.
    let rows = FeatureMatrix(values: [1, 2.5, 0.25, 0], rowCount: 1, featureCount: 4)
    let result = try KernelSHAP(model: model, background: background)
      .explain(rows, options: ExplainOptions())
    #expect(result[0, 0] == 0 && result[0, 3] == 0)
    #expect(result.largestAdditivityGap < 1e-12)
  }

  @Test func oneVaryingFeatureTakesTheWholeDifference() throws {
    let model = Models.polynomial(width: 3, interactionCount: 2, seed: 41)
    let background = try BackgroundData(
      FeatureMatrix(values: [1, 2, 3], rowCount: 1, featureCount: 3))
    let rows = FeatureMatrix(values: [1, 5, 3], rowCount: 1, featureCount: 3)
    let result = try KernelSHAP(model: model, background: background)
      .explain(rows, options: ExplainOptions())
    // Two margins of order 1 subtracted: rounding only.
    expectClose(result[0, 1], result.predictions[0] - result.baseValues[0], absolute: 1e-14)
  }

  @Test func explainsAModelBehindACommand() throws {
    let features = [ModelFeature(name: "a"), ModelFeature(name: "b"), ModelFeature(name: "c")]
    let model = try CommandModel(
      command: "awk -F, 'NR>1{print 2*$1-$2+0.5*$3}'", features: features, outputIs: .margin,
      task: .regression)
    let background = try BackgroundData(
      FeatureMatrix(values: [0, 0, 0, 1, 2, 4, 2, 1, 0], rowCount: 3, featureCount: 3))
    let rows = FeatureMatrix(values: [3, 1, 2, 1, 1, 1], rowCount: 2, featureCount: 3)
    let result = try KernelSHAP(model: model, background: background)
      .explain(rows, options: ExplainOptions(threads: 2))
    // A linear model's interventional Shapley values are w·(x − mean): 2·(x−1), −(x−1),
    // 0.5·(x−4/3). awk prints six significant digits; these sums are exact in it.
    expectAllClose(
      result.values, [4, 0, 1 / 3, 0, 0, -1.0 / 6], absolute: 1e-5, "awk %.6g output")
  }

  @Test func rejectsTheLogitLinkForARegressor() throws {
    let model = try CommandModel(
      command: "cat", features: [ModelFeature(name: "a")], outputIs: .margin, task: .regression)
    let background = try BackgroundData(FeatureMatrix(values: [0], rowCount: 1, featureCount: 1))
    let error = #expect(throws: AttributionError.self) {
      try KernelSHAP(model: model, background: background, link: .logit)
    }
    #expect(error?.kind == .unsupportedModel)
  }
}
