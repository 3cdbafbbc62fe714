import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// The committed library fixtures under `fixtures/models/<name>/`: each holds a model saved
/// by XGBoost (3.2.0, or 1.7.6 for `xgb17-*`) or LightGBM 4.7.0, `data.csv`, and
/// `expected_predictions.csv` with the library's own `predict` output (`row,margin,
/// probability`); `metadata.json` records how they were produced (`fixtures/generate`).
@Suite struct TreeEnsembleFixtureTests {
  static let modelsFolder = FixturePaths.fixture("models")

  /// Every fixture folder, sorted.
  static let allFixtures: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: modelsFolder)) ?? []
    return names.filter { $0.hasPrefix("xgb") || $0.hasPrefix("lgb") }.sorted()
  }()

  /// Fixtures with predictions to reproduce.
  static let scoredFixtures = allFixtures.filter { !$0.hasSuffix("-multiclass") }
  /// Multiclass fixtures, which must be rejected.
  static let multiclassFixtures = allFixtures.filter { $0.hasSuffix("-multiclass") }

  static func load(_ fixture: String) throws -> TreeEnsemble {
    let folder = modelsFolder + "/" + fixture
    if FileManager.default.fileExists(atPath: folder + "/model.json") {
      return try XGBoostModelLoader.load(contentsOf: folder + "/model.json")
    }
    return try LightGBMModelLoader.load(contentsOf: folder + "/model.txt")
  }

  static func rows(_ fixture: String, for model: TreeEnsemble) throws -> FeatureMatrix {
    let path = modelsFolder + "/" + fixture + "/data.csv"
    return try FeatureMatrix(
      binding: try CSVReader().read(contentsOf: path), to: model.features, file: path)
  }

  /// The `margin` and `probability` columns of `expected_predictions.csv` (probability is
  /// all NaN for regressors and for `binary:logitraw`, whose `predict()` is the margin).
  static func expected(_ fixture: String) throws -> (margin: [Double], probability: [Double]) {
    let path = modelsFolder + "/" + fixture + "/expected_predictions.csv"
    let table = try CSVReader(options: CSVOptions(columnTypes: ["probability": .numeric]))
      .read(contentsOf: path)
    let margin = try #require(table.column(named: "margin")?.numeric?.values)
    let probability = try #require(table.column(named: "probability")?.numeric?.values)
    return (margin, probability)
  }

  @Test func fixturesArePresent() {
    #expect(TreeEnsembleFixtureTests.scoredFixtures.count >= 10)
    #expect(TreeEnsembleFixtureTests.scoredFixtures.contains("xgb-adult-deep"))
    #expect(TreeEnsembleFixtureTests.scoredFixtures.contains("lgb-adult-deep"))
  }

  @Test(arguments: scoredFixtures)
  func marginsAndProbabilitiesMatchTheLibrary(fixture: String) throws {
    let model = try TreeEnsembleFixtureTests.load(fixture)
    let rows = try TreeEnsembleFixtureTests.rows(fixture, for: model)
    let expected = try TreeEnsembleFixtureTests.expected(fixture)
    let margins = try model.predict(rows, output: .margin)
    // The task's tolerance: 1e-6 relative, with an absolute floor of 1e-6 for margins near 0.
    // XGBoost margins are summed in Float exactly as XGBoost sums them and LightGBM's in
    // Double in LightGBM's order, so in practice they agree to the last bit.
    expectAllClose(
      margins, expected.margin, absolute: 1e-6, relative: 1e-6, "\(fixture) margins")
    let probabilityRows = expected.probability.indices.filter { !expected.probability[$0].isNaN }
    guard !probabilityRows.isEmpty else { return }
    #expect(model.task == .binaryClassification)
    let probabilities = try model.predict(rows, output: .probability)
    // Same tolerance; XGBoost's sigmoid runs in Float (ulp ≈ 6e-8), FairGate's in Double.
    expectAllClose(
      probabilityRows.map { probabilities[$0] }, probabilityRows.map { expected.probability[$0] },
      absolute: 1e-6, relative: 1e-6, "\(fixture) probabilities")
  }

  @Test(arguments: multiclassFixtures)
  func multiclassModelsAreRejected(fixture: String) throws {
    let error = #expect(throws: ModelError.self) {
      try TreeEnsembleFixtureTests.load(fixture)
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.message.contains("multiclass models are not supported") == true)
  }

  @Test(arguments: ["xgb-adult-deep", "lgb-adult-deep"])
  func scoringDoesNotDependOnTheThreadCount(fixture: String) throws {
    let model = try TreeEnsembleFixtureTests.load(fixture)
    let rows = try TreeEnsembleFixtureTests.rows(fixture, for: model)
    let single = try model.predict(rows, output: .probability, threads: 1)
    let parallel = try model.predict(rows, output: .probability, threads: 4)
    #expect(single.count == rows.rowCount)
    #expect(single.elementsEqual(parallel) { $0.bitPattern == $1.bitPattern })
  }
}
