import FairModels
import Foundation
import Testing
import _FairTestSupport

@Suite struct XGBoostModelLoaderTests {
  static func load(_ text: String, file: String = "model.json") throws -> TreeEnsemble {
    try XGBoostModelLoader.load(data: Array(text.utf8), file: file)
  }

  static func rows(_ rows: [[Double]]) -> FeatureMatrix {
    FeatureMatrix(
      values: rows.flatMap { $0 }, rowCount: rows.count, featureCount: rows.first?.count ?? 0)
  }

  /// XGBoost's logit of a stored base score, in Float as XGBoost computes it.
  static func xgboostLogit(_ probability: Float) -> Double {
    Double(-logf(1 / probability - 1))
  }

  @Test func andModelScoresItsFourCorners() throws {
    let model = try XGBoostModelLoaderTests.load(XGBoostTestModels.and)
    #expect(model.features.map(\.name) == ["f0", "f1"])
    #expect(model.task == .regression)
    #expect(model.outputTransform == .identity)
    #expect(model.accumulation == .float32)
    #expect(model.treeCount == 1)
    #expect(model.cover[0] == 4)
    let margins = try model.predict(
      XGBoostModelLoaderTests.rows([[1, 1], [1, 0], [0, 1], [0, 0], [.nan, 1]]))
    // The margins are the sums of XGBoost's pred_contribs rows for this model (0.375 + 0.375
    // + 0.25 and so on; see XGBoostTestModels.and), all exact in Float. NaN at the root goes
    // right (default_left 0).
    expectAllClose(margins, [1, 0, 0, 0, 1], "the AND model's margins are exact")
  }

  @Test func version17ModelReadsBooleanDefaultsAndAPlainBaseScore() throws {
    let model = try XGBoostModelLoaderTests.load(XGBoostTestModels.and17)
    #expect(model.summary.contains("1.7.6"))
    let margins = try model.predict(
      XGBoostModelLoaderTests.rows([[1, 1], [1, 0], [0, 1], [0, 0], [.nan, 1]]))
    // 1.7.6 stores thresholds 0.5 and default_left true at the root: NaN goes left, to 0.
    expectAllClose(margins, [1, 0, 0, 0, 0], "the AND model (1.7.6) margins are exact")
  }

  @Test func tinyLogisticModelReproducesXGBoostMargins() throws {
    let model = try XGBoostModelLoaderTests.load(XGBoostTestModels.logistic)
    #expect(model.task == .binaryClassification)
    #expect(model.outputTransform == .logistic)
    #expect(model.baseMargin == XGBoostModelLoaderTests.xgboostLogit(0.4675))
    let rows = XGBoostModelLoaderTests.rows([
      [0.3, 1, 0], [.nan, 3, 1], [-1.2, .nan, .nan], [2, 0, -0.5],
    ])
    let margins = try model.predict(rows)
    let probabilities = try model.predict(rows, output: .probability)
    for margin in margins { #expect(Double(Float(margin)) == margin, "summed in Float") }
    // The tiny logistic model's reference prints XGBoost 3.4.1's margins to 8 decimals: within half a unit of the last digit.
    expectAllClose(
      margins, [0.14771929, 0.14771929, -1.78652430, 1.18865585], absolute: 5e-9,
      "tiny logistic margins")
    // Probabilities: XGBoost's sigmoid runs in Float (ulp 6e-8 here) and FairGate's in
    // Double, plus the 5e-9 rounding of the printed values.
    expectAllClose(
      probabilities, [0.53686279, 0.53686279, 0.14349939, 0.76650053], absolute: 1e-7,
      "tiny logistic probabilities")
  }

  @Test(arguments: [
    ("5E-1", 0.5), ("0.500000", 0.5), ("[5E-1]", 0.5), (" [ 2.5E-1 ] ", 0.25), ("(1E0)", 1),
  ])
  func baseScoreFormatsAreRead(stored: String, margin: Double) throws {
    let text = XGBoostTestModels.replacing(
      "\"base_score\":\"[0E0]\"", with: "\"base_score\":\"\(stored)\"", in: XGBoostTestModels.and)
    let model = try XGBoostModelLoaderTests.load(text)
    // reg:squarederror keeps the stored value as the margin offset; these are exact in Float.
    expectClose(model.baseMargin, margin, "identity conversion")
  }

  @Test func logitOfTheBaseScoreIsComputedInFloat() throws {
    for stored in ["[5.8933336E-1]", "2.4080956E-1", "[7E-1]"] {
      let text = XGBoostTestModels.replacing(
        "\"base_score\":\"[4.675E-1]\"", with: "\"base_score\":\"\(stored)\"",
        in: XGBoostTestModels.logistic)
      let model = try XGBoostModelLoaderTests.load(text)
      let body = stored.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
      let probability = try #require(Float(body))
      #expect(model.baseMargin == XGBoostModelLoaderTests.xgboostLogit(probability), "\(stored)")
    }
  }

  @Test func logitrawIsAClassifierWhoseMarginIsTheStoredBaseScore() throws {
    let text = XGBoostTestModels.replacing(
      "binary:logistic", with: "binary:logitraw", in: XGBoostTestModels.logistic)
    let model = try XGBoostModelLoaderTests.load(text)
    #expect(model.task == .binaryClassification)
    #expect(model.outputTransform == .logistic)
    #expect(model.baseMargin == Double(Float(0.4675)))
  }

  @Test func dartTreesAreWeightedByWeightDrop() throws {
    var text = XGBoostTestModels.replacing(
      "\"gradient_booster\":{\"model\":",
      with: "\"gradient_booster\":{\"weight_drop\":[5E-1,2E0],\"gbtree\":{\"model\":",
      in: XGBoostTestModels.logistic)
    text = XGBoostTestModels.replacing(
      "\"name\":\"gbtree\"}", with: "\"name\":\"gbtree\"},\"name\":\"dart\"}", in: text)
    let dart = try XGBoostModelLoaderTests.load(text)
    let plain = try XGBoostModelLoaderTests.load(XGBoostTestModels.logistic)
    #expect(dart.treeWeight == [0.5, 2])
    #expect(dart.summary.contains("dart"))
    let row: [Double] = [0.3, 1, 0]
    let leaves = row.withUnsafeBufferPointer { x in
      (plain.value[plain.leaf(tree: 0, row: x)], plain.value[plain.leaf(tree: 1, row: x)])
    }
    var expected = Float(plain.baseMargin)
    expected += Float(leaves.0) * 0.5
    expected += Float(leaves.1) * 2
    let margin = try dart.predict(XGBoostModelLoaderTests.rows([row]))
    // XGBoost adds each tree's output times its weight in Float, in tree order.
    expectAllClose(margin, [Double(expected)], "dart margin is exact")
  }

  @Test func dartWithoutWeightsIsRejected() throws {
    var text = XGBoostTestModels.replacing(
      "\"gradient_booster\":{\"model\":", with: "\"gradient_booster\":{\"gbtree\":{\"model\":",
      in: XGBoostTestModels.logistic)
    text = XGBoostTestModels.replacing(
      "\"name\":\"gbtree\"}", with: "\"name\":\"gbtree\"},\"name\":\"dart\"}", in: text)
    let error = #expect(throws: ModelError.self) { try XGBoostModelLoaderTests.load(text) }
    #expect(error?.kind == .malformed)
    #expect(error?.message.contains("'weight_drop'") == true)
  }

  @Test(arguments: ["binary:hinge", "count:poisson", "rank:pairwise", "multi:softprob"])
  func unsupportedObjectivesAreNamed(objective: String) throws {
    let text = XGBoostTestModels.replacing(
      "binary:logistic", with: objective, in: XGBoostTestModels.logistic)
    let error = #expect(throws: ModelError.self) { try XGBoostModelLoaderTests.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "'learner.objective.name'")
    #expect(error?.message.contains("'\(objective)'") == true)
    if objective.hasPrefix("multi:") {
      #expect(error?.message.contains("multiclass models are not supported") == true)
    }
  }

  @Test func multiclassParametersAreRejected() throws {
    let text = XGBoostTestModels.replacing(
      "\"num_class\":\"0\"", with: "\"num_class\":\"3\"", in: XGBoostTestModels.logistic)
    let error = #expect(throws: ModelError.self) { try XGBoostModelLoaderTests.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.message.contains("multiclass") == true)
  }

  @Test func linearBoostersAreRejected() throws {
    let text = XGBoostTestModels.replacing(
      "\"name\":\"gbtree\"}", with: "\"name\":\"gblinear\"}", in: XGBoostTestModels.logistic)
    let error = #expect(throws: ModelError.self) { try XGBoostModelLoaderTests.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.message.contains("gblinear") == true)
  }

  @Test func ubjsonIsRejectedWithAWayOut() throws {
    let bytes: [UInt8] = [0x7B, 0x4C] + Array("\u{0}\u{0}\u{0}\u{7}learner".utf8)
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(data: bytes, file: "model.bin")
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.message.contains("UBJSON") == true)
    let byName = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(contentsOf: "/nonexistent/model.ubj")
    }
    #expect(byName?.kind == .unsupported)
    #expect(byName?.description.hasPrefix("/nonexistent/model.ubj: error:") == true)
  }

  @Test func otherFilesAreNotXGBoostModels() throws {
    for text in ["tree\nversion=v4\n", "", "[1, 2]"] {
      let error = #expect(throws: ModelError.self) { try XGBoostModelLoaderTests.load(text) }
      #expect(error?.kind == .unknownFormat, "\(text)")
    }
  }

  @Test func missingFilesAreReported() throws {
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(contentsOf: "/nonexistent/model.json")
    }
    #expect(error?.kind == .fileNotFound)
  }

  @Test func featureNamesAndCategoricalTypesAreRead() throws {
    var text = XGBoostTestModels.replacing(
      "\"feature_names\":[]", with: "\"feature_names\":[\"age\",\"colour\",\"z\"]",
      in: XGBoostTestModels.logistic)
    text = XGBoostTestModels.replacing(
      "\"feature_types\":[]", with: "\"feature_types\":[\"float\",\"c\",\"q\"]", in: text)
    let model = try XGBoostModelLoaderTests.load(text)
    #expect(model.features.map(\.name) == ["age", "colour", "z"])
    #expect(model.features[1].kind == .categorical(levels: []))
    #expect(model.features[0].kind == .numeric)
  }
}
