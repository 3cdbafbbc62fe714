import FairModels
import Foundation
import Testing
import _FairTestSupport

@testable import FairAttribution

@Suite struct LIMETabularTests {
  typealias Models = AgnosticTestModels

  @Test func kernelWidthAndWeightFollowLime() throws {
    // Reference A13: nine columns give width 0.75·3 = 2.25 and weight(1) = 0.9059552.
    let model = Models.polynomial(width: 9, interactionCount: 0, seed: 1)
    let training = try BackgroundData(Models.matrix(rows: 40, width: 9, seed: 2))
    let lime = try LIMETabular(model: model, training: training)
    expectClose(lime.kernelWidth, 2.25, absolute: 1e-15)
    expectClose(
      exp(-1 / (lime.kernelWidth * lime.kernelWidth)).squareRoot(), 0.9059552,
      absolute: 5e-8, "A13, seven digits")
  }

  @Test func quartileEdgesFollowNumPy() {
    // numpy.percentile([1, 2, 3, 4, 10], [25, 50, 75]) = [2, 3, 4] (NumPy 2.4.6);
    // [0, 1, 1, 5] gives [0.75, 1, 2].
    let sorted = [1.0, 2, 3, 4, 10]
    expectAllClose(
      [0.25, 0.5, 0.75].map { LIMEDiscretizer.percentile(sorted, $0) }, [2, 3, 4], absolute: 0)
    expectAllClose(
      [0.25, 0.5, 0.75].map { LIMEDiscretizer.percentile([0, 1, 1, 5], $0) }, [0.75, 1, 2],
      absolute: 1e-15)
    let training = FeatureMatrix(
      values: [1, 2, 3, 4, 10, .nan], rowCount: 6, featureCount: 1)
    let tables = LIMEDiscretizer(training: training, features: [ModelFeature(name: "a")])
    let column = tables.columns[0]
    #expect(column.edges == [2, 3, 4])
    // searchsorted(left): x ≤ 2 → 0, (2, 3] → 1, (3, 4] → 2, > 4 → 3; NaN → the missing bin.
    #expect([1, 2, 2.5, 3, 4, 4.5, .nan].map { column.discretise($0) } == [0, 0, 1, 1, 2, 3, 4])
  }

  @Test func ridgeMatchesTheNormalEquations() {
    // Weighted ridge with intercept on two columns, against a hand-solved case:
    // y = 1 + 2·a − b exactly, so with alpha = 0 the fit is exact and R² = 1.
    let design: [Double] = [0, 0, 1, 0, 0, 1, 1, 1, 1, 0]
    let targets: [Double] = [1, 3, 0, 2, 3]
    let weights: [Double] = [1, 2, 0.5, 1, 3]
    let system = WeightedLeastSquares(
      design: design, columnCount: 2, targets: targets, weights: weights)
    let fit = system.fit(columns: [0, 1], alpha: 0)
    // A 2×2 solve of integers: rounding only.
    expectAllClose(fit.coefficients, [2, -1], absolute: 1e-12)
    expectClose(fit.intercept, 1, absolute: 1e-12)
    expectClose(fit.rSquared, 1, absolute: 1e-12)
  }

  @Test func surrogateIsLocallyAccurateAndFindsTheInformativeFeature() throws {
    // The model reads only x2; LIME must rank it first.
    let width = 5
    let model = Models.Logistic(
      features: (0..<width).map { ModelFeature(name: "x\($0)") }, bias: 0.1,
      weights: [0, 0, 3, 0, 0])
    let training = try BackgroundData(Models.matrix(rows: 200, width: width, seed: 4))
    let rows = Models.matrix(rows: 5, width: width, seed: 5)
    let lime = try LIMETabular(
      model: model, training: training, sampleCount: 2000, selectedFeatureCount: 3)
    let result = try lime.explainWithScores(rows, options: ExplainOptions(seed: 9))
    let attributions = result.attributions
    for row in 0..<rows.rowCount {
      let weights = Array(attributions.row(row))
      let largest = weights.indices.max { abs(weights[$0]) < abs(weights[$1]) }
      #expect(largest == 2)
      #expect(weights.filter { $0 != 0 }.count <= 3)
    }
    // base + Σ values = the surrogate's local prediction, by construction.
    #expect(attributions.largestAdditivityGap < 1e-12)
    expectAllClose(result.modelOutputs, try model.predict(rows), absolute: 0)
  }

  @Test(arguments: [3, 10])
  func threadCountDoesNotChangeAnyBit(selected: Int) throws {
    let width = 8
    let model = Models.polynomial(width: width, interactionCount: 6, seed: 7)
    var features = model.features
    features[3] = ModelFeature(name: "x3", kind: .categorical(levels: ["a", "b", "c", "d"]))
    let categorical = Models.Polynomial(
      features: features, bias: model.bias, linear: model.linear,
      interactions: model.interactions, triple: model.triple)
    var trainingValues = Models.matrix(rows: 100, width: width, seed: 8)
    var rows = Models.matrix(rows: 9, width: width, seed: 9)
    for row in 0..<100 { trainingValues.values[row * width + 3] = Double(row % 4) }
    for row in 0..<9 { rows.values[row * width + 3] = Double(row % 4) }
    let lime = try LIMETabular(
      model: categorical, training: BackgroundData(trainingValues), sampleCount: 700,
      selectedFeatureCount: selected)
    let one = try lime.explain(rows, options: ExplainOptions(output: .probability, seed: 5))
    let four = try lime.explain(
      rows, options: ExplainOptions(output: .probability, threads: 4, seed: 5))
    #expect(one == four)
    let other = try lime.explain(rows, options: ExplainOptions(output: .probability, seed: 6))
    #expect(one != other)
  }
}
