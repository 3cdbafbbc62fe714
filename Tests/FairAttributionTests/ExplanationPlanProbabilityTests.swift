import FairAttribution
import FairModels
import Testing
import _FairTestSupport

/// `auto` told that probability output will be asked for.
@Suite struct ExplanationPlanProbabilityTests {
  static let treeRows = FeatureMatrix(
    values: TestModels.tinyModelRows, rowCount: 4, featureCount: 3)

  /// LightGBM sums leaves in `Double`, so local accuracy is exact up to rounding.
  @Test func treeEnsemblesGetInterventionalTreeSHAPForProbability() throws {
    let model = try TestModels.lightGBMCategorical()
    let background = Self.treeRows
    let plan = try ExplanationPlan(
      model: model, method: .auto, background: background, output: .probability)
    #expect(plan.method == .treeInterventional)
    #expect(plan.explainer is InterventionalTreeSHAP)
    let reason = try #require(plan.reason)
    #expect(reason.hasPrefix("tree-interventional is exact for lightgbm-tiny-binary"))
    #expect(reason.contains("probability"))
    let result = try plan.explain(Self.treeRows, options: ExplainOptions(output: .probability))
    // Local accuracy in probability space: a few roundings of probabilities.
    expectClose(result.largestAdditivityGap, 0, absolute: 1e-14)
    #expect(
      ExactMethod.choose(for: model, hasBackground: true, output: .probability)
        == .method(.treeInterventional))
  }

  @Test(arguments: [nil, OutputSpace.margin])
  func marginOrUnknownOutputKeepsPathDependentTreeSHAP(output: OutputSpace?) throws {
    let plan = try ExplanationPlan(
      model: try TestModels.lightGBMCategorical(), method: .auto, background: Self.treeRows,
      output: output)
    #expect(plan.method == .treePathDependent)
    #expect(plan.reason == "tree-path is exact for lightgbm-tiny-binary")
  }

  /// Without a background, or for a regressor, nothing changes, and asking path-dependent
  /// TreeSHAP for probability fails with a pointer to the interventional method.
  @Test func withoutBackgroundOrProbabilityTheChoiceStays() throws {
    let logistic = try ExplanationPlan(
      model: try TestModels.xgboostLogistic(), method: .auto, background: nil,
      output: .probability)
    #expect(logistic.method == .treePathDependent)
    let error = #expect(throws: AttributionError.self) {
      try logistic.explain(Self.treeRows, options: ExplainOptions(output: .probability))
    }
    #expect(error?.message.contains("'tree-interventional'") == true)
    let regression = try ExplanationPlan(
      model: try TestModels.xgboostAnd(), method: .auto,
      background: FeatureMatrix(values: [0, 0], rowCount: 1, featureCount: 2),
      output: .probability)
    #expect(regression.method == .treePathDependent)
  }

  @Test func pmmlTreesWithCoversGetInterventionalTreeSHAPForProbability() throws {
    let model = try PMMLModelLoader.load(
      data: Array(PMMLTreeSHAPTests.classifierPMML.utf8), file: "classifier.pmml")
    let background = FeatureMatrix(
      values: [0.2, 1.0, 0.5, 0, 1.0, 3.0, 0.5, 1], rowCount: 2, featureCount: 4)
    #expect(ExactMethod.choose(for: model, hasBackground: true) == .method(.treePathDependent))
    let plan = try ExplanationPlan(
      model: model, method: .auto, background: background, output: .probability)
    #expect(plan.method == .treeInterventional)
    #expect(plan.explainer is PMMLInterventionalTreeSHAP)
    #expect(plan.reason?.contains("probability") == true)
    let rows = FeatureMatrix(
      values: [2.0, 0.0, 0.5, 2, 0.2, 3.0, 0.5, 0], rowCount: 2, featureCount: 4)
    let result = try plan.explain(rows, options: ExplainOptions(output: .probability))
    // Leaf probabilities in [0, 1] split among at most two fields: rounding only.
    expectClose(result.largestAdditivityGap, 0, absolute: 1e-14)
  }

  @Test func linearModelsKeepLinearSHAPAndAttributeProbability() throws {
    let plan = try ExplanationPlan(
      model: TestLinearModel(), method: .auto, background: LinearSHAPTests.background,
      output: .probability)
    #expect(plan.method == .linear)
    #expect(plan.reason == "linear is exact for test logistic regression")
    let result = try plan.explain(
      LinearSHAPTests.rows, options: ExplainOptions(output: .probability))
    #expect(result.outputSpace == .probability)
    // A few roundings of probabilities.
    expectClose(result.largestAdditivityGap, 0, absolute: 1e-14)
  }
}
