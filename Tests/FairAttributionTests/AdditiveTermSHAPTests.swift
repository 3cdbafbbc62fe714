import FairAttribution
import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// Exact SHAP of PMML models whose margin is a sum of one-field terms, on the sklearn2pmml
/// and R fixtures of `fixtures/pmml` (German credit: up to 20 input fields).
@Suite struct AdditiveTermSHAPTests {
  static let fixtures = [
    "logistic-regression", "general-regression", "scorecard", "linear-regression",
  ]

  @Test(arguments: fixtures)
  func baseValuePlusAttributionsIsTheMargin(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    let background = PMMLFixtureRows.slice(all, 900..<950)
    let weights = (0..<50).map { Double(1 + $0 % 7) }
    let explainer = try AdditiveTermSHAP(model: model, background: background, weights: weights)
    // φ₀ is the weighted mean background margin.
    let backgroundMargins = PMMLFixtureRows.margins(model, background)
    let total = weights.reduce(0, +)
    let mean = zip(weights, backgroundMargins).reduce(0) { $0 + $1.0 * $1.1 } / total
    expectClose(explainer.baseValue, mean, absolute: 1e-9 * max(1, abs(mean)))
    let rows = PMMLFixtureRows.slice(all, 0..<300)
    let attributions = try explainer.explain(rows, options: ExplainOptions(threads: 2))
    #expect(attributions.featureNames == model.features.map(\.name))
    let margins = PMMLFixtureRows.margins(model, rows)
    var worst = 0.0
    for row in 0..<rows.rowCount {
      let sum = attributions.row(row).reduce(attributions.baseValues[row], +)
      let error = abs(sum - margins[row]) / max(1, abs(margins[row]))
      worst = max(worst, error)
      #expect(attributions.predictions[row] == margins[row])
    }
    #expect(worst <= 1e-9, "largest relative local-accuracy error \(worst)")
  }

  /// Compares with enumerated Shapley values of the model's own interventional game.
  ///
  /// Every coalition of at most 12 players is scored with the model:
  /// `v(S) = Σ_b w_b · margin(x_S, b_S̄)`. A model with at most 12 fields has one player per
  /// field. German credit has 20, and 2^20 coalitions are too many, so each row takes a
  /// window of 11 consecutive fields as single players (the window moves by 11 per row, so
  /// every field is single in some row) and the other 9 as one grouped player. The check is
  /// that each single's attribution equals its enumerated Shapley value in that 12-player
  /// game, and that the group's summed attributions equal the group's value; for a model
  /// without cross-field terms these are the values of the full 20-player game.
  @Test(arguments: fixtures)
  func attributionsAreTheEnumeratedShapleyValues(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    let background = PMMLFixtureRows.slice(all, 900..<908)
    let weights = [1.0, 2, 3, 1, 1, 2, 5, 1]
    let explainer = try AdditiveTermSHAP(model: model, background: background, weights: weights)
    let width = model.featureCount
    let rowIndices = [3, 17, 42, 101, 250, 333]
    let rows = FeatureMatrix(
      values: rowIndices.flatMap { Array(all.values[($0 * width)..<(($0 + 1) * width)]) },
      rowCount: rowIndices.count, featureCount: width)
    let attributions = try explainer.explain(rows, options: ExplainOptions())
    let total = weights.reduce(0, +)
    var worst = 0.0
    for row in 0..<rows.rowCount {
      let x = Array(rows.values[(row * width)..<((row + 1) * width)])
      // Players: single fields, then (when needed) one group of all other fields.
      // A window of 11 fields that moves by 11 per row, so that over the rows every
      // field is a single player at least once.
      let shift = width > 12 ? (row * 11) % width : 0
      let order = (0..<width).map { ($0 + shift) % width }
      let singles = Array(order.prefix(min(width, width > 12 ? 11 : 12)))
      let rest = Array(order.dropFirst(singles.count))
      var players = singles.map { [$0] }
      if !rest.isEmpty { players.append(rest) }
      var hybrids: [Double] = []
      let coalitions = 1 << players.count
      hybrids.reserveCapacity(coalitions * background.rowCount * width)
      for mask in 0..<coalitions {
        for b in 0..<background.rowCount {
          var hybrid = Array(background.values[(b * width)..<((b + 1) * width)])
          for (p, members) in players.enumerated() where mask & (1 << p) != 0 {
            for field in members { hybrid[field] = x[field] }
          }
          hybrids += hybrid
        }
      }
      let scored = PMMLFixtureRows.margins(
        model,
        FeatureMatrix(
          values: hybrids, rowCount: coalitions * background.rowCount, featureCount: width))
      let exact = BruteForceShapley.shapley(featureCount: players.count) { mask in
        var value = 0.0
        for b in 0..<background.rowCount {
          value += weights[b] / total * scored[mask * background.rowCount + b]
        }
        return value
      }
      for (p, members) in players.enumerated() {
        let attributed = members.reduce(0.0) { $0 + attributions[row, $1] }
        let error = abs(attributed - exact[p]) / max(1, abs(exact[p]))
        worst = max(worst, error)
      }
    }
    #expect(worst <= 1e-9, "largest relative difference from enumeration \(worst)")
  }

  @Test(arguments: fixtures)
  func threadCountDoesNotChangeTheResult(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    let explainer = try AdditiveTermSHAP(
      model: model, background: PMMLFixtureRows.slice(all, 900..<1000))
    let rows = PMMLFixtureRows.slice(all, 0..<900)
    let one = try explainer.explain(rows, options: ExplainOptions(threads: 1))
    let four = try explainer.explain(rows, options: ExplainOptions(threads: 4))
    #expect(one.values == four.values)
    #expect(one.baseValues == four.baseValues)
    #expect(one.predictions == four.predictions)
  }

  @Test(arguments: fixtures)
  func autoChoosesLinearSHAPForTheFixtures(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    #expect(ExactMethod.choose(for: model, hasBackground: true) == .method(.linear))
    #expect(ExactMethod.choose(for: model, hasBackground: false).method == nil)
    let plan = try ExplanationPlan(
      model: model, method: .auto, background: PMMLFixtureRows.slice(all, 900..<920))
    #expect(plan.method == .linear)
    #expect(plan.explainer is AdditiveTermSHAP)
    let explicit = try ExplanationPlan(
      model: model, method: .linear, background: PMMLFixtureRows.slice(all, 900..<920))
    #expect(explicit.explainer is AdditiveTermSHAP)
  }

  @Test func refusedRowsAreNamed() throws {
    let model = try PMMLModelLoader.load(
      data: Array(Self.constantTermPMML.utf8), file: "constant.pmml")
    let background = FeatureMatrix(values: [1, 2, 3, 4], rowCount: 2, featureCount: 2)
    let explainer = try AdditiveTermSHAP(model: model, background: background)
    // A missing numeric input leaves the regression without a result.
    let rows = FeatureMatrix(values: [1, 1, .nan, 1, 2, 2], rowCount: 3, featureCount: 2)
    try #require(PMMLFixtureRows.margins(model, rows)[1].isNaN)
    let error = try #require(throws: AttributionError.self) {
      try explainer.explain(rows, options: ExplainOptions())
    }
    #expect(error.subject == "row 2")
    #expect(error.message.contains("refuses"))
    let refusedBackground = try #require(throws: AttributionError.self) {
      try AdditiveTermSHAP(model: model, background: rows)
    }
    #expect(refusedBackground.kind == .invalidBackground)
    #expect(refusedBackground.subject == "background row 2")
  }

  @Test func multiFieldTermsAreRefusedWithAHint() throws {
    let model = try PMMLModelLoader.load(
      data: Array(Self.productPMML.utf8), file: "product.pmml")
    let background = FeatureMatrix(values: [1, 2, 3, 4], rowCount: 2, featureCount: 2)
    let error = try #require(throws: AttributionError.self) {
      try AdditiveTermSHAP(model: model, background: background)
    }
    #expect(error.kind == .unsupportedModel)
    #expect(error.subject == "term 'a*b'")
    #expect(error.message.contains("kernel"))
    #expect(ExactMethod.choose(for: model, hasBackground: true).method == nil)
  }

  @Test func constantTermsLandInTheBaseValue() throws {
    let model = try PMMLModelLoader.load(
      data: Array(Self.constantTermPMML.utf8), file: "constant.pmml")
    let background = FeatureMatrix(values: [1, 2, 3, 4], rowCount: 2, featureCount: 2)
    let explainer = try AdditiveTermSHAP(model: model, background: background)
    let rows = FeatureMatrix(values: [10, -1], rowCount: 1, featureCount: 2)
    let attributions = try explainer.explain(rows, options: ExplainOptions())
    // margin = 0.5 + 2a − b + 3·(derived constant 4): mean a = 2, mean b = 3.
    expectClose(attributions.baseValues[0], 0.5 + 4 - 3 + 12, absolute: 1e-12)
    expectClose(attributions[0, 0], 2 * (10 - 2), absolute: 1e-12)
    expectClose(attributions[0, 1], -(-1 - 3), absolute: 1e-12)
    expectClose(attributions.predictions[0], 0.5 + 20 + 1 + 12, absolute: 1e-12)
  }

  static let productPMML = """
    <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
      <Header/>
      <DataDictionary>
        <DataField name="a" optype="continuous" dataType="double"/>
        <DataField name="b" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
      </DataDictionary>
      <RegressionModel functionName="regression">
        <MiningSchema>
          <MiningField name="a"/><MiningField name="b"/>
          <MiningField name="y" usageType="target"/>
        </MiningSchema>
        <RegressionTable intercept="1">
          <NumericPredictor name="a" coefficient="2"/>
          <PredictorTerm coefficient="0.5">
            <FieldRef field="a"/><FieldRef field="b"/>
          </PredictorTerm>
        </RegressionTable>
      </RegressionModel>
    </PMML>
    """

  static let constantTermPMML = """
    <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
      <Header/>
      <DataDictionary>
        <DataField name="a" optype="continuous" dataType="double"/>
        <DataField name="b" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
      </DataDictionary>
      <TransformationDictionary>
        <DerivedField name="four" optype="continuous" dataType="double">
          <Constant dataType="double">4</Constant>
        </DerivedField>
      </TransformationDictionary>
      <RegressionModel functionName="regression">
        <MiningSchema>
          <MiningField name="a"/><MiningField name="b"/>
          <MiningField name="y" usageType="target"/>
        </MiningSchema>
        <RegressionTable intercept="0.5">
          <NumericPredictor name="a" coefficient="2"/>
          <NumericPredictor name="b" coefficient="-1"/>
          <NumericPredictor name="four" coefficient="3"/>
        </RegressionTable>
      </RegressionModel>
    </PMML>
    """
}
