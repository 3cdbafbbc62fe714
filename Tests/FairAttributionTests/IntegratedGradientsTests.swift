import FairAttribution
import FairModels
import Foundation
import Testing
import _FairTestSupport

@Suite struct IntegratedGradientsTests {
  typealias Models = AgnosticTestModels

  static let logistic = Models.Logistic(
    features: (0..<4).map { ModelFeature(name: "x\($0)") }, bias: -0.3,
    weights: [1.5, -2, 0.25, 0.75])

  @Test(arguments: IntegratedGradients.Method.allCases)
  func logisticMarginIsTheClosedForm(method: IntegratedGradients.Method) throws {
    let rows = Models.matrix(rows: 6, width: 4, seed: 1)
    let background = try BackgroundData(
      Models.matrix(rows: 5, width: 4, seed: 2), weights: [1, 1, 2, 3, 1])
    let mean = (0..<4).map { j in
      (0..<5).reduce(0.0) { $0 + background.weights[$1] * background.matrix[$1, j] }
    }
    let cases: [(IntegratedGradients.Baseline, [Double])] = [
      (.zeros, [0, 0, 0, 0]), (.backgroundMean(background), mean),
      (.background(background), mean), (.values([1, -1, 0.5, 2]), [1, -1, 0.5, 2]),
    ]
    for (baseline, reference) in cases {
      let explainer = try IntegratedGradients(
        model: Self.logistic, baseline: baseline, method: method, steps: 7)
      let result = try explainer.integrate(rows, options: ExplainOptions())
      for row in 0..<rows.rowCount {
        let expected = (0..<4).map { Self.logistic.weights[$0] * (rows[row, $0] - reference[$0]) }
        // Every rule integrates a constant gradient exactly (weights sum to 1); rounding of
        // seven terms of order 1.
        expectAllClose(
          Array(result.attributions.row(row)), expected, absolute: 1e-13, "\(method) \(baseline)")
      }
      #expect(result.completenessGap.allSatisfy { abs($0) < 1e-12 })
    }
  }

  @Test(arguments: [
    (IntegratedGradients.Method.gaussLegendre, 50, 1e-10),
    (.riemannMiddle, 200, 1e-4), (.riemannTrapezoid, 200, 1e-4),
  ])
  func completenessHoldsWithinTheReportedGap(
    method: IntegratedGradients.Method, steps: Int, bound: Double
  ) throws {
    let model = Models.Smooth(
      features: (0..<4).map { ModelFeature(name: "x\($0)") }, weights: [1, -0.5, 2, 0.3],
      coupling: 0.8, wave: 1.2)
    let rows = Models.matrix(rows: 8, width: 4, seed: 3)
    let background = try BackgroundData(Models.matrix(rows: 3, width: 4, seed: 4))
    for output in [OutputSpace.margin, .probability] {
      let explainer = try IntegratedGradients(
        model: model, baseline: .background(background), method: method, steps: steps)
      let result = try explainer.integrate(rows, options: ExplainOptions(output: output))
      let attributions = result.attributions
      let scores = try model.predict(rows, output: output)
      for row in 0..<rows.rowCount {
        var total = attributions.baseValues[row]
        for value in attributions.row(row) { total += value }
        // The gap is defined as Σφ − (F(x) − base): it must account for the whole
        // difference, to rounding.
        expectClose(total - scores[row], result.completenessGap[row], absolute: 1e-12)
        // And it must be small: Gauss–Legendre with 50 points is exact to rounding for
        // these smooth (entire) integrands; second-order rules with 200 points leave
        // O(h²) ≈ 1e-5.
        #expect(
          abs(result.completenessGap[row]) < bound, "row \(row): \(result.completenessGap[row])")
      }
    }
  }

  @Test func categoricalAndMissingFeaturesAreHeld() throws {
    let features = [
      ModelFeature(name: "a"),
      ModelFeature(name: "colour", kind: .categorical(levels: ["r", "g"])),
      ModelFeature(name: "b"),
    ]
    let model = Models.Logistic(features: features, bias: 0, weights: [1, 5, 2])
    let rows = FeatureMatrix(values: [2, 1, .nan, 3, 0, 1], rowCount: 2, featureCount: 3)
    let result = try IntegratedGradients(model: model).integrate(rows, options: ExplainOptions())
    let values = result.attributions.values
    // Row 0: a from 0 to 2 (w 1); colour held at 1; b missing, held.
    // Row 1: a from 0 to 3; colour held at 0; b from 0 to 1 (w 2).
    #expect(values[1] == 0 && values[2] == 0 && values[4] == 0)
    expectClose(values[0], 2, absolute: 1e-14)
    expectClose(values[3], 3, absolute: 1e-14)
    expectClose(values[5], 2, absolute: 1e-14)
    // The base value is F at the baseline with held features from x: NaN for row 0, whose
    // b is missing (the test model does not impute), 5·0 for row 1.
    #expect(result.attributions.baseValues[0].isNaN)
    expectClose(result.attributions.baseValues[1], 0, absolute: 1e-14)
  }

  @Test func threadCountDoesNotChangeAnyBit() throws {
    let model = Models.Smooth(
      features: (0..<5).map { ModelFeature(name: "x\($0)") }, weights: [1, 2, 3, 4, 5],
      coupling: 0.3, wave: 0.2)
    let rows = Models.matrix(rows: 40, width: 5, seed: 5)
    let background = try BackgroundData(Models.matrix(rows: 30, width: 5, seed: 6))
    let explainer = try IntegratedGradients(model: model, baseline: .background(background))
    let one = try explainer.integrate(rows, options: ExplainOptions(threads: 1))
    let four = try explainer.integrate(rows, options: ExplainOptions(threads: 4))
    #expect(one == four)
  }
}
