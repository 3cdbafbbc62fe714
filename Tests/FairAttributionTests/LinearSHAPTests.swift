import FairAttribution
import FairModels
import Testing
import _FairTestSupport

/// A logistic regression with a numeric input and a one-hot-expanded categorical input.
struct TestLinearModel: LinearMarginModel {
  let features = [
    ModelFeature(name: "income"),
    ModelFeature(name: "purpose", kind: .categorical(levels: ["car", "tv", "education"])),
    ModelFeature(name: "age"),
  ]
  let task = ModelTask.binaryClassification
  let outputTransform = OutputTransform.logistic
  let summary = "test logistic regression"
  let intercept = -0.75
  let linearTerms = [
    LinearTerm(feature: 0, coefficient: 0.002, name: "income"),
    LinearTerm(feature: 1, basis: .indicator(level: 0), coefficient: 0.4, name: "purpose=car"),
    LinearTerm(
      feature: 1, basis: .indicator(level: 2), coefficient: -1.1, name: "purpose=education"),
    LinearTerm(feature: 2, coefficient: -0.03, name: "age"),
  ]

  func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
    margins = []
    let values = Array(batch.values)
    for row in 0..<batch.rowCount {
      var margin = intercept
      for term in linearTerms {
        margin += term.coefficient * term.basisValue(values[row * 3 + term.feature])
      }
      margins.append(margin)
    }
  }
}

@Suite struct LinearSHAPTests {
  static let background = FeatureMatrix(
    values: [
      1000, 0, 30,
      2500, 1, 45,
      400, 2, 22,
      1800, 0, 60,
    ], rowCount: 4, featureCount: 3)
  static let rows = FeatureMatrix(
    values: [
      1200, 2, 35,
      300, 0, 70,
      5000, 1, 18,
    ], rowCount: 3, featureCount: 3)

  @Test func equalsBruteForceInterventionalShapleyOfTheMargin() throws {
    let model = TestLinearModel()
    let explainer = try LinearSHAP(model: model, background: Self.background)
    let result = try explainer.explain(Self.rows, threads: 1)
    let references = BruteForceShapley.rows(Self.background)
    var expected: [Double] = []
    for x in BruteForceShapley.rows(Self.rows) {
      var mean = [0.0, 0, 0]
      for reference in references {
        let phi = BruteForceShapley.shapley(featureCount: 3) { coalition in
          let hybrid = BruteForceShapley.hybrid(x, reference, coalition: coalition)
          var margins: [Double] = []
          model.scoreMargins(RowBatch(values: hybrid[...], featureCount: 3), into: &margins)
          return margins[0]
        }
        for j in 0..<3 { mean[j] += phi[j] / Double(references.count) }
      }
      expected += mean
    }
    // Closed form vs enumeration of 8 coalitions over 4 references: rounding only.
    expectAllClose(result.values, expected, absolute: 1e-13)
    // Local accuracy: a few roundings on margins of magnitude ≲ 10.
    expectClose(result.largestAdditivityGap, 0, absolute: 1e-13)
    #expect(result.featureNames == ["income", "purpose", "age"])
    // φ₀ = intercept + Σ w·μ: μ(income) = 1425, μ(car) = 0.5, μ(education) = 0.25, μ(age) = 39.25.
    expectClose(
      explainer.baseValue, -0.75 + 0.002 * 1425 + 0.4 * 0.5 - 1.1 * 0.25 - 0.03 * 39.25,
      absolute: 1e-15)
  }

  @Test func termLevelValuesSumToTheFieldValues() throws {
    let explainer = try LinearSHAP(model: TestLinearModel(), background: Self.background)
    let fields = try explainer.explain(Self.rows, threads: 1)
    let terms = try explainer.explainTerms(Self.rows, options: ExplainOptions())
    #expect(terms.featureNames == ["income", "purpose=car", "purpose=education", "age"])
    // Row 0: purpose = education, so the car term is w·(0 − 0.5) and education w·(1 − 0.25).
    expectClose(terms[0, 1], -0.2, absolute: 1e-15)
    expectClose(terms[0, 2], -1.1 * 0.75, absolute: 1e-15)
    let regrouped = try terms.grouped(by: [FeatureGroup(name: "purpose", members: [1, 2])])
    // Two additions in another order.
    expectAllClose(regrouped.values, fields.values, absolute: 1e-15)
    #expect(regrouped.featureNames == fields.featureNames)
  }

  @Test func rejectsMissingBackgroundValuesAndWrongMeans() throws {
    var background = Self.background
    background.values[5] = .nan
    let missing = #expect(throws: AttributionError.self) {
      try LinearSHAP(model: TestLinearModel(), background: background)
    }
    #expect(missing?.kind == .invalidBackground)
    #expect(missing?.subject == "background row 2")
    let means = #expect(throws: AttributionError.self) {
      try LinearSHAP(model: TestLinearModel(), termMeans: [1, 2])
    }
    #expect(means?.description == "error: term means: expected 4 means, one per term, found 2")
  }
}
