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

  /// Reference means from the lime package.
  ///
  /// The mean over 20 seeds of lime 0.2.0.1's `LimeTabularExplainer(X, mode="regression",
  /// random_state=seed).explain_instance(X[5], f, num_features=K, num_samples=5000)` with
  /// `X[i][j] = ((7i + 13j + (i·j mod 5)) mod 12)/4 − 1.5` (200 × 5) and
  /// `f = 0.1 + X·[1, −2, 3, 0, 0.5]`: coefficients, intercept and score. Their standard
  /// deviations over the seeds are at most 0.07 (0.0075 for the score).
  static let limeMeans: [(k: Int, values: [Double])] = [
    (10, [1.4770, 2.9065, -4.4681, 0.0012, -0.2204, 0.1558, 0.6624]),
    (3, [1.4756, 2.9055, -4.4681, 0, 0, 0.0962, 0.6613]),
  ]

  @Test(arguments: limeMeans)
  func agreesWithLimeOnAverage(k: Int, expected: [Double]) throws {
    let n = 200
    let m = 5
    var values: [Double] = []
    for i in 0..<n {
      for j in 0..<m { values.append(Double((i * 7 + j * 13 + (i * j) % 5) % 12) / 4 - 1.5) }
    }
    let training = FeatureMatrix(values: values, rowCount: n, featureCount: m)
    let model = Models.Logistic(
      features: (0..<m).map { ModelFeature(name: "x\($0)") }, bias: 0.1,
      weights: [1, -2, 3, 0, 0.5])
    let row = FeatureMatrix(values: Array(values[25..<30]), rowCount: 1, featureCount: m)
    let lime = try LIMETabular(
      model: model, training: BackgroundData(training), selectedFeatureCount: k)
    var means = [Double](repeating: 0, count: m + 2)
    for seed in 0..<20 {
      let result = try lime.explainWithScores(row, options: ExplainOptions(seed: UInt64(seed)))
      for j in 0..<m { means[j] += result.attributions.values[j] / 20 }
      means[m] += result.attributions.baseValues[0] / 20
      means[m + 1] += result.scores[0] / 20
    }
    // Two means of 20 runs with per-run spread ≤ 0.07: their difference has a standard
    // deviation of about 0.07·√(2/20) = 0.022; 0.08 is more than 3.5 of them.
    expectAllClose(means, expected, absolute: 0.08, "K = \(k)")
    // The same features are selected (forward selection keeps x0, x1, x2 for K = 3).
    for j in 0..<m where expected[j] == 0 { #expect(means[j] == 0) }
  }
}
