import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

@Suite struct LightGBMModelLoaderTests {
  static func load(_ text: String) throws -> TreeEnsemble {
    try LightGBMModelLoader.load(text: text, file: "model.txt")
  }

  static let b3Rows = FeatureMatrix(
    values: [0.3, 1, 0, .nan, 3, 1, -1.2, .nan, .nan, 2, 0, -0.5], rowCount: 4, featureCount: 3)
  /// The raw scores LightGBM 4.7.0 gives `LightGBMTestModels.tiny` on ``b3Rows``
  /// (`predict(raw_score=True)`), printed by Python as shortest round-trip decimals, so each
  /// is exactly the `Double` LightGBM returned.
  static let tinyModelRawScores = [
    0.9711395768523419, 0.9711395768523419, -1.6442768376667236, 0.5674816808356378,
  ]

  @Test func tinyModelReproducesLightGBMRawScores() throws {
    let model = try LightGBMModelLoaderTests.load(LightGBMTestModels.tiny)
    #expect(model.features.map(\.name) == ["Column_0", "Column_1", "Column_2"])
    #expect(model.features[1].kind == .categorical(levels: []))
    #expect(model.task == .binaryClassification)
    #expect(model.outputTransform == .logistic)
    #expect(model.accumulation == .float64)
    #expect(model.treeStart == [0, 5, 10])
    #expect(model.cover[0...4] == [400, 300, 110, 100, 190])
    let margins = try model.predict(LightGBMModelLoaderTests.b3Rows)
    // Exact: LightGBM sums the parsed Double leaf values in tree order, as FairGate does.
    expectAllClose(
      margins, LightGBMModelLoaderTests.tinyModelRawScores, "the tiny model's raw scores are exact")
    let probabilities = try model.predict(LightGBMModelLoaderTests.b3Rows, output: .probability)
    // LightGBM computes 1 / (1 + exp(-raw)) in Double too; allow a few ulps for exp.
    expectAllClose(
      probabilities, LightGBMModelLoaderTests.tinyModelRawScores.map { 1 / (1 + exp(-$0)) },
      relative: 1e-15, "tiny model probabilities")
  }

  @Test func sigmoidParameterWeightsEveryTree() throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "objective=", with: "objective=binary sigmoid:2", in: LightGBMTestModels.tiny)
    let model = try LightGBMModelLoaderTests.load(text)
    #expect(model.treeWeight == [2, 2])
    let probabilities = try model.predict(LightGBMModelLoaderTests.b3Rows, output: .probability)
    // LightGBM's probability is 1 / (1 + exp(-2·raw)); doubling is exact, so only exp rounds.
    expectAllClose(
      probabilities, LightGBMModelLoaderTests.tinyModelRawScores.map { 1 / (1 + exp(-2 * $0)) },
      relative: 1e-15, "sigmoid:2 probabilities")
  }

  @Test func averageOutputAveragesTheTrees() throws {
    let text = LightGBMTestModels.tiny.replacingOccurrences(
      of: "objective=binary sigmoid:1\n", with: "objective=binary sigmoid:1\naverage_output\n")
    let model = try LightGBMModelLoaderTests.load(text)
    #expect(model.averagesTrees)
    let margins = try model.predict(LightGBMModelLoaderTests.b3Rows)
    // Dividing the Double sum by 2 is exact.
    expectAllClose(
      margins, LightGBMModelLoaderTests.tinyModelRawScores.map { $0 / 2 }, "random-forest margins")
  }

  @Test(arguments: ["regression", "regression_l1", "huber", "quantile"])
  func identityRegressionsAreRead(objective: String) throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "objective=", with: "objective=\(objective)", in: LightGBMTestModels.tiny)
    let model = try LightGBMModelLoaderTests.load(text)
    #expect(model.task == .regression)
    #expect(model.outputTransform == .identity)
  }

  @Test(arguments: [
    ("objective=multiclass num_class:3", "multiclass models are not supported"),
    ("objective=regression sqrt", "reg_sqrt"),
    ("objective=poisson", "objective 'poisson' is not supported"),
    ("objective=lambdarank", "objective 'lambdarank' is not supported"),
    ("num_class=3", "multiclass models are not supported"),
  ])
  func unsupportedModelsAreRejected(line: String, message: String) throws {
    let key = String(line.prefix { $0 != "=" }) + "="
    let text = LightGBMTestModels.replacingLine(
      startingWith: key, with: line, in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) { try LightGBMModelLoaderTests.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.line == LightGBMTestModels.line(startingWith: key, in: text))
    #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
  }

  @Test func linearTreesAreRejected() throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "is_linear=", with: "is_linear=1", in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) { try LightGBMModelLoaderTests.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "tree 0, 'is_linear'")
    #expect(error?.line == LightGBMTestModels.line(startingWith: "is_linear=", in: text))
  }

  @Test func otherTextIsNotALightGBMModel() throws {
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoaderTests.load("{\"learner\": {}}")
    }
    #expect(error?.kind == .unknownFormat)
  }

  @Test func pandasCategoriesMapLabelsToTrainingCodes() throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "pandas_categorical:",
      with: #"pandas_categorical:[["a", "b", "c", "d"]]"#, in: LightGBMTestModels.tiny)
    let model = try LightGBMModelLoaderTests.load(text)
    #expect(model.features[1].kind == .categorical(levels: ["a", "b", "c", "d"]))
    let labels = Dataset(columns: [
      .numeric(NumericColumn(name: "Column_0", values: [0.3, 0.3, 0.3, 0.3])),
      .categorical(
        CategoricalColumn(name: "Column_1", codes: [0, 1, 2, -1], levels: ["b", "d", "zz"])),
      .numeric(NumericColumn(name: "Column_2", values: [0, 0, 0, 0])),
    ])
    let labelRows = try FeatureMatrix(binding: labels, to: model.features, file: "data.csv")
    #expect(labelRows[0, 1] == 1)
    #expect(labelRows[1, 1] == 3)
    #expect(labelRows[2, 1] == FeatureMatrix.unseenCategory)
    #expect(labelRows[3, 1].isNaN)
    let codes = Dataset(columns: [
      .numeric(NumericColumn(name: "Column_0", values: [0.3, 0.3, 0.3, 0.3])),
      .numeric(NumericColumn(name: "Column_1", values: [1, 3, 7, .nan])),
      .numeric(NumericColumn(name: "Column_2", values: [0, 0, 0, 0])),
    ])
    let codeRows = try FeatureMatrix(binding: codes, to: model.features, file: "codes.csv")
    // Integer codes pass through; a code with no level is unseen, which LightGBM routes
    // right like NaN (its pandas path turns unknown labels into NaN).
    let fromLabels = try model.predict(labelRows)
    let fromCodes = try model.predict(codeRows)
    expectAllClose(fromLabels, fromCodes, "labels and their codes score the same")
    // 'b' (code 1) and 'd' (code 3) go left at both categorical splits, as row 1 of the tiny model's rows.
    expectAllClose(
      Array(fromLabels[0...1]),
      Array(repeating: LightGBMModelLoaderTests.tinyModelRawScores[0], count: 2),
      "exact, as for the tiny model")
    #expect(fromLabels[2] == fromLabels[3], "unseen and missing both go right")
  }

  @Test func pandasListsThatCannotBeMatchedAreRejected() throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "pandas_categorical:", with: "pandas_categorical:[[\"a\"], [\"b\"]]",
      in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) { try LightGBMModelLoaderTests.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "'pandas_categorical'")
  }
}
