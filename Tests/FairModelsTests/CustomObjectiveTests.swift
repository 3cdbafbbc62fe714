import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// Models trained with a custom (focal-loss) objective, loaded with a declared link.
///
/// The fixtures under `fixtures/models/custom-objective/` come from
/// `fixtures/generate/custom_objectives.py` with XGBoost 3.2.0 and LightGBM 4.7.0.
/// `expected_predictions.csv` holds the library's raw margin (`output_margin=True` /
/// `raw_score=True`) and σ(margin) computed in float64.
@Suite struct CustomObjectiveTests {
  static let folder = FixturePaths.fixture("models/custom-objective")
  static let xgboostPath = folder + "/xgb-focal/model.json"
  static let lightgbmPath = folder + "/lgb-focal/model.txt"

  static func rows(_ name: String, for model: TreeEnsemble) throws -> FeatureMatrix {
    let path = folder + "/" + name + "/data.csv"
    return try FeatureMatrix(
      binding: try CSVReader().read(contentsOf: path), to: model.features, file: path)
  }

  static func expected(_ name: String) throws -> (margin: [Double], probability: [Double]) {
    let path = folder + "/" + name + "/expected_predictions.csv"
    let table = try CSVReader().read(contentsOf: path)
    let margin = try #require(table.column(named: "margin")?.numeric?.values)
    let probability = try #require(table.column(named: "probability")?.numeric?.values)
    return (margin, probability)
  }

  static func load(_ name: String, link: ModelLink?) throws -> TreeEnsemble {
    name.hasPrefix("xgb")
      ? try XGBoostModelLoader.load(contentsOf: xgboostPath, link: link)
      : try LightGBMModelLoader.load(contentsOf: lightgbmPath, link: link)
  }

  @Test(arguments: ["xgb-focal", "lgb-focal"])
  func marginsEqualTheLibrarysBitForBit(name: String) throws {
    let model = try Self.load(name, link: .logistic)
    #expect(model.task == .binaryClassification)
    #expect(model.summary.contains("declared link logistic"))
    let rows = try Self.rows(name, for: model)
    let expected = try Self.expected(name)
    let margins = try model.predict(rows, output: .margin)
    #expect(margins.count == 400)
    // XGBoost sums in Float and LightGBM in Double exactly as the libraries do, so the
    // margins agree to the last bit; for XGBoost this includes base_score 0.5 added as it is.
    #expect(margins.elementsEqual(expected.margin) { $0.bitPattern == $1.bitPattern })
  }

  @Test(arguments: ["xgb-focal", "lgb-focal"])
  func probabilitiesAreTheSigmoidOfTheMargin(name: String) throws {
    let model = try Self.load(name, link: .logistic)
    let rows = try Self.rows(name, for: model)
    let probabilities = try model.predict(rows, output: .probability)
    // The fixture's σ is Python's float64 1 / (1 + exp(-m)); libm's exp may differ by an ulp.
    expectAllClose(
      probabilities, try Self.expected(name).probability, absolute: 1e-15, relative: 1e-14)
  }

  @Test(arguments: ["xgb-focal", "lgb-focal"])
  func identityLinkGivesARegressorWithTheSameMargins(name: String) throws {
    let model = try Self.load(name, link: .identity)
    #expect(model.task == .regression)
    let margins = try model.predict(try Self.rows(name, for: model), output: .margin)
    #expect(
      margins.elementsEqual(try Self.expected(name).margin) { $0.bitPattern == $1.bitPattern })
  }

  @Test func lightGBMCustomObjectiveIsRefusedWithoutALink() throws {
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(contentsOf: Self.lightgbmPath)
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.file == Self.lightgbmPath)
    #expect(error?.place == "'objective'")
    #expect(
      error?.message
        == "objective 'custom' does not say how the margin maps to a prediction; "
        + "declare the link ('identity' or 'logistic')")
    // The parameter line `[objective: custom]`: LightGBM 4.7 writes no `objective=` line.
    let text = try String(contentsOfFile: Self.lightgbmPath, encoding: .utf8)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0 == "[objective: custom]" }
    #expect(error?.line == line.map { $0 + 1 })
  }

  @Test func loaderEntryPointPassesTheLink() throws {
    #expect(throws: ModelError.self) { try ModelLoader.load(contentsOf: Self.lightgbmPath) }
    let model = try ModelLoader.load(contentsOf: Self.lightgbmPath, link: .logistic)
    #expect(model.task == .binaryClassification)
    let source = ModelSource.file(Self.lightgbmPath, link: .logistic)
    #expect(try source.loadFile()?.task == .binaryClassification)
  }

  /// XGBoost records the placeholder `reg:squarederror` for a Python objective, with
  /// `base_score` left at 0.5 (XGBoost 2+ estimates its own regression objective's intercept):
  /// without a declared link the model is refused, never read as a regressor or a classifier.
  @Test func xgboostCustomObjectiveIsRefusedWithoutALink() throws {
    for path in [Self.xgboostPath, FixturePaths.repositoryRoot() + "/fixtures/loss/focal.json"] {
      let error = #expect(throws: ModelError.self) {
        try XGBoostModelLoader.load(contentsOf: path)
      }
      #expect(error?.kind == .unsupported)
      #expect(error?.place == "'learner.learner_model_param.base_score'")
      #expect(
        error?.message.contains(
          "declare the link ('identity' for a squared-error regressor, 'logistic' for a "
            + "classifier)") == true, "\(String(describing: error))")
    }
  }

  /// A genuine squared-error regressor (its intercept estimated) and a model saved by
  /// XGBoost 1.x (which kept 0.5 for every model) load without a link.
  @Test func genuineRegressorsLoadWithoutALink() throws {
    let root = FixturePaths.repositoryRoot() + "/fixtures/models/"
    let regressor = try XGBoostModelLoader.load(
      contentsOf: root + "xgb-german-regression/model.json")
    #expect(regressor.task == .regression)
    // The custom-objective file as XGBoost 1.7 would have saved it is read as a regressor.
    var text = try String(contentsOfFile: Self.xgboostPath, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"version\":[3,2,0]", with: "\"version\":[1,7,6]")
    #expect(text.contains("\"version\":[1,7,6]"))
    let old = try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
    #expect(old.task == .regression)
  }

  @Test(arguments: [
    (fixture: "lgb-german-regression/model.txt", link: ModelLink.logistic, objective: "regression"),
    (fixture: "lgb-german-binary/model.txt", link: .identity, objective: "binary"),
    (fixture: "xgb-german-onehot/model.json", link: .identity, objective: "binary:logistic"),
  ])
  func disagreeingLinkIsRefused(fixture: String, link: ModelLink, objective: String) throws {
    let path = FixturePaths.fixture("models/" + fixture)
    let error = #expect(throws: ModelError.self) {
      try ModelLoader.load(contentsOf: path, link: link)
    }
    #expect(error?.kind == .unsupported)
    let other = link == .logistic ? "identity" : "logistic"
    #expect(
      error?.message
        == "the declared link '\(link.rawValue)' disagrees with objective '\(objective)', "
        + "whose link is '\(other)'")
  }

  @Test func linkIsRefusedForPMML() throws {
    let path = FixturePaths.fixture("pmml/decision-tree/model.pmml")
    let error = #expect(throws: ModelError.self) {
      try ModelLoader.load(contentsOf: path, link: .logistic)
    }
    #expect(error?.kind == .unsupported)
    #expect(
      error?.message
        == "a link can be declared only for XGBoost and LightGBM models; PMML states its own "
        + "output")
  }

  @Test(arguments: [
    (fixture: "lgb-german-binary/model.txt", link: ModelLink.logistic),
    (fixture: "xgb-german-onehot/model.json", link: .logistic),
    (fixture: "xgb-german-regression/model.json", link: .identity),
  ])
  func agreeingLinkIsAccepted(fixture: String, link: ModelLink) throws {
    let model = try ModelLoader.load(
      contentsOf: FixturePaths.fixture("models/" + fixture), link: link)
    #expect(model.task == link.task)
  }
}
