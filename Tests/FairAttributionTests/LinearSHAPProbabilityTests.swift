import FairAttribution
import FairModels
import Testing
import _FairTestSupport

/// A linear regression: the same terms as ``TestLinearModel``, no probability output.
private struct TestLinearRegression: LinearMarginModel {
  let base = TestLinearModel()
  var features: [ModelFeature] { base.features }
  let task = ModelTask.regression
  let outputTransform = OutputTransform.identity
  let summary = "test linear regression"
  var intercept: Double { base.intercept }
  var linearTerms: [LinearTerm] { base.linearTerms }

  func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
    base.scoreMargins(batch, into: &margins)
  }
}

/// Probability-space linear SHAP (shap's per-reference rescaling) of ``TestLinearModel``.
@Suite struct LinearSHAPProbabilityTests {
  /// `count` rows of (income, purpose, age) from a seeded generator.
  static func rows(_ count: Int, seed: UInt64) -> FeatureMatrix {
    var random = TestRandom(seed: seed)
    var values: [Double] = []
    for _ in 0..<count {
      values.append(Double(Int.random(in: 0...6000, using: &random)))
      values.append(Double(Int.random(in: 0...2, using: &random)))
      values.append(Double(Int.random(in: 18...80, using: &random)))
    }
    return FeatureMatrix(values: values, rowCount: count, featureCount: 3)
  }

  @Test func equalsThePerReferenceRescaledEnumeration() throws {
    let model = TestLinearModel()
    let background = LinearSHAPTests.background
    let rows = LinearSHAPTests.rows
    let explainer = try LinearSHAP(model: model, background: background)
    #expect(explainer.supportedOutputs == [.margin, .probability])
    let result = try explainer.explain(rows, options: ExplainOptions(output: .probability))
    #expect(result.outputSpace == .probability)
    let references = BruteForceShapley.rows(background)
    let weights = [Double](repeating: 1 / Double(references.count), count: references.count)
    var expected: [Double] = []
    for x in BruteForceShapley.rows(rows) {
      expected += RescaledShapley.values(
        playerCount: 3, weights: weights, transform: model.outputTransform
      ) { coalition, reference in
        let hybrid = BruteForceShapley.hybrid(x, references[reference], coalition: coalition)
        var margins: [Double] = []
        model.scoreMargins(RowBatch(values: hybrid[...], featureCount: 3), into: &margins)
        return margins[0]
      }
    }
    // Closed form against enumeration of 8 coalitions per reference, on margins ≲ 10:
    // rounding only, well inside the 1e-10 acceptance bound.
    expectAllClose(result.values, expected, absolute: 1e-13)
    let margins = try model.predict(background)
    expectClose(
      explainer.baseValue(for: .probability),
      RescaledShapley.baseValue(margins: margins, weights: weights, transform: .logistic),
      absolute: 1e-15)
    // Local accuracy: a few roundings of probabilities.
    expectClose(result.largestAdditivityGap, 0, absolute: 1e-14)
  }

  @Test func termValuesSumToTheFieldValuesInProbabilitySpace() throws {
    let explainer = try LinearSHAP(model: TestLinearModel(), background: LinearSHAPTests.background)
    let options = ExplainOptions(output: .probability)
    let fields = try explainer.explain(LinearSHAPTests.rows, options: options)
    let terms = try explainer.explainTerms(LinearSHAPTests.rows, options: options)
    #expect(terms.outputSpace == .probability)
    #expect(terms.featureNames == ["income", "purpose=car", "purpose=education", "age"])
    let regrouped = try terms.grouped(by: [FeatureGroup(name: "purpose", members: [1, 2])])
    // Two additions in another order.
    expectAllClose(regrouped.values, fields.values, absolute: 1e-15)
    #expect(terms.baseValues == fields.baseValues)
  }

  @Test func localAccuracyAndThreadIndependenceOnALargerBackground() throws {
    let explainer = try LinearSHAP(model: TestLinearModel(), background: Self.rows(200, seed: 1))
    let rows = Self.rows(500, seed: 2)
    let one = try explainer.explain(rows, options: ExplainOptions(output: .probability))
    let four = try explainer.explain(
      rows, options: ExplainOptions(output: .probability, threads: 4))
    #expect(one.values.map(\.bitPattern) == four.values.map(\.bitPattern))
    #expect(one.predictions == (try TestLinearModel().predict(rows, output: .probability)))
    // base + Σφ = σ(f(x)): sums of 200 weighted products ≤ 1, rounding only.
    expectClose(one.largestAdditivityGap, 0, absolute: 1e-13)
  }

  @Test func explainersWithoutBackgroundRowsOrProbabilityAttributeOnlyTheMargin() throws {
    let means = try LinearSHAP(model: TestLinearModel(), termMeans: [1000, 0.5, 0.25, 40])
    #expect(means.supportedOutputs == [.margin])
    let regression = try LinearSHAP(
      model: TestLinearRegression(), background: LinearSHAPTests.background)
    #expect(regression.supportedOutputs == [.margin])
    for explainer in [means, regression] {
      let error = #expect(throws: AttributionError.self) {
        try explainer.explain(LinearSHAPTests.rows, options: ExplainOptions(output: .probability))
      }
      #expect(error?.kind == .unsupportedOutput)
    }
  }
}
