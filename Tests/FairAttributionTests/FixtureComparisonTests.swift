import FairAttribution
import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// Compares the explainers with reference files under `fixtures/models/<name>/`.
///
/// The references were produced by `fixtures/generate/generate.py` (each folder's
/// `metadata.json` names the library versions): `expected_shap_path.csv` by XGBoost's
/// `pred_contribs` (3.2.0, or 1.7.6 for `xgb17-*`) or LightGBM 4.7.0's `pred_contrib`;
/// the interventional files by shap 0.51.0, or by the generator's double-precision reference
/// implementation where shap fails (see each `metadata.json`). Every file has the header
/// `row,<features>,base_value`, where `row` is the 0-based row of `data.csv`.
@Suite(.tags(.golden, .slow)) struct FixtureComparisonTests {
  /// The model folders that have reference attributions.
  static let folders: [String] = {
    let root = FixturePaths.fixture("models")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return names.sorted().filter {
      FileManager.default.fileExists(atPath: root + "/" + $0 + "/expected_shap_path.csv")
    }
  }()

  /// The largest difference allowed per cell.
  ///
  /// The product promises tree attributions equal to the libraries' to 1e-5 absolute. XGBoost
  /// computes `pred_contribs` and its predictions in `Float`, whose spacing is 2.4e-4 at
  /// 3,000, so a file whose values reach the thousands (the credit-amount regression) cannot
  /// be matched to 1e-5 by any `Double` implementation; there the bound is 8 units in the last
  /// place of `Float` at the file's largest magnitude, the resolution of XGBoost's own values.
  /// For every other fixture this is 1e-5.
  static func tolerance(_ values: [Double], _ base: [Double], xgboost: Bool) -> Double {
    guard xgboost else { return 1e-5 }
    var largest: Float = 0
    for value in values + base { largest = max(largest, Float(abs(value))) }
    return max(1e-5, 8 * Double(largest.ulp))
  }

  /// Rows compared per fixture, to keep the debug-mode suite quick: the first rows of each
  /// reference file cover every model; release-mode checks of all rows agree as well.
  static let pathRows = 60
  static let classicRows = 8
  static let interventionalRows = 25
  static let probabilityRows = 12

  struct Fixture {
    let folder: String
    let model: TreeEnsemble
    let data: FeatureMatrix
    let isXGBoost: Bool

    init(_ name: String) throws {
      folder = FixturePaths.fixture("models/" + name)
      let manager = FileManager.default
      isXGBoost = manager.fileExists(atPath: folder + "/model.json")
      if isXGBoost {
        model = try XGBoostModelLoader.load(contentsOf: folder + "/model.json")
      } else {
        model = try LightGBMModelLoader.load(contentsOf: folder + "/model.txt")
      }
      data = try Fixture.matrix(folder + "/data.csv", features: model.features)
    }

    static func matrix(_ path: String, features: [ModelFeature]) throws -> FeatureMatrix {
      let dataset = try CSVReader().read(contentsOf: path)
      return try FeatureMatrix(binding: dataset, to: features, file: path)
    }

    /// The first `limit` rows of `data` that a reference file lists, and their values.
    func reference(_ file: String, limit: Int) throws -> (
      rows: FeatureMatrix, values: [Double], base: [Double]
    ) {
      let path = folder + "/" + file
      let dataset = try CSVReader().read(contentsOf: path)
      func numbers(_ name: String) throws -> [Double] {
        guard case .numeric(let column) = try #require(dataset.column(named: name)) else {
          Issue.record("column '\(name)' of \(path) is not numeric")
          return []
        }
        return column.values
      }
      let names = model.features.map(\.name)
      #expect(dataset.columns.map(\.name) == ["row"] + names + ["base_value"])
      let indexes = try numbers("row").prefix(limit).map { Int($0) }
      let width = data.featureCount
      var rows: [Double] = []
      for index in indexes {
        rows += data.values[(index * width)..<((index + 1) * width)]
      }
      let columns = try names.map { try numbers($0) }
      var values: [Double] = []
      for row in indexes.indices {
        for column in columns { values.append(column[row]) }
      }
      return (
        FeatureMatrix(values: rows, rowCount: indexes.count, featureCount: width), values,
        Array(try numbers("base_value").prefix(limit))
      )
    }
  }

  @Test(arguments: folders)
  func pathDependentMatchesTheLibrary(folder: String) throws {
    let fixture = try Fixture(folder)
    let reference = try fixture.reference("expected_shap_path.csv", limit: Self.pathRows)
    let tolerance = Self.tolerance(
      reference.values, reference.base, xgboost: fixture.isXGBoost)
    let result = try TreeSHAP(model: fixture.model).explain(reference.rows, threads: 2)
    expectAllClose(result.values, reference.values, absolute: tolerance, "\(folder) fast")
    expectAllClose(result.baseValues, reference.base, absolute: tolerance, "\(folder) base")
    // The classic recursion on the first rows: it is the slower oracle.
    let classicRows = min(Self.classicRows, reference.rows.rowCount)
    let classic = try TreeSHAP(model: fixture.model, algorithm: .classic).explain(
      FeatureMatrix(
        values: Array(reference.rows.values.prefix(classicRows * reference.rows.featureCount)),
        rowCount: classicRows, featureCount: reference.rows.featureCount),
      threads: 2)
    expectAllClose(
      classic.values,
      Array(reference.values.prefix(classicRows * reference.rows.featureCount)),
      absolute: tolerance, "\(folder) classic")
  }

  @Test(arguments: folders)
  func interventionalMatchesTheReference(folder: String) throws {
    let fixture = try Fixture(folder)
    let background = try Fixture.matrix(
      fixture.folder + "/background.csv", features: fixture.model.features)
    let explainer = try InterventionalTreeSHAP(
      model: fixture.model, background: background, threads: 2)
    let reference = try fixture.reference(
      "expected_shap_interventional.csv", limit: Self.interventionalRows)
    let tolerance = Self.tolerance(
      reference.values, reference.base, xgboost: fixture.isXGBoost)
    let result = try explainer.explain(reference.rows, threads: 2)
    expectAllClose(
      result.values, reference.values, absolute: tolerance, "\(folder) interventional")
    expectAllClose(result.baseValues, reference.base, absolute: tolerance, "\(folder) base")

    let probabilityFile = "expected_shap_interventional_probability.csv"
    guard FileManager.default.fileExists(atPath: fixture.folder + "/" + probabilityFile) else {
      return
    }
    let probability = try fixture.reference(probabilityFile, limit: Self.probabilityRows)
    let rescaled = try explainer.explain(
      probability.rows, options: ExplainOptions(output: .probability, threads: 2))
    // Probabilities lie in [0, 1], so 1e-5 absolute applies as it is.
    expectAllClose(rescaled.values, probability.values, absolute: 1e-5, "\(folder) probability")
    expectAllClose(rescaled.baseValues, probability.base, absolute: 1e-5, "\(folder) base")
  }
}
