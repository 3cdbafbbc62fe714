import FairAttribution
import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// KernelSHAP in exact mode against exact interventional TreeSHAP on library models from
/// `fixtures/models` (XGBoost 3.2.0 and LightGBM 4.7.0, 14 features, NaNs; see each folder's
/// `metadata.json`).
///
/// Exact mode enumerates `2^M − 2` coalitions, so three features (`race`, `native_country`,
/// `capital_loss`) are set to one constant in the explained and the background rows alike:
/// both methods then give them 0 and play the game over the other 11, as KernelSHAP's
/// preparation does. (Eleven players keep the debug-mode test to a few seconds: 2,046
/// coalitions × 8 background rows per explained row, scored by 100–200 trees.)
@Suite struct KernelSHAPTreeFixtureTests {
  static let held = ["race", "native_country", "capital_loss"]

  static func matrix(_ path: String, features: [ModelFeature], rows: Int) throws -> FeatureMatrix {
    let dataset = try CSVReader().read(contentsOf: path)
    let full = try FeatureMatrix(binding: dataset, to: features, file: path)
    var values = Array(full.values.prefix(rows * full.featureCount))
    for name in held {
      let column = try #require(features.firstIndex { $0.name == name })
      for row in 0..<rows { values[row * full.featureCount + column] = 1 }
    }
    return FeatureMatrix(values: values, rowCount: rows, featureCount: full.featureCount)
  }

  /// (fixture, tolerance): LightGBM sums leaves in `Double` like InterventionalTreeSHAP, so
  /// only the regression's rounding remains (1e-9); XGBoost margins are summed in `Float`
  /// (as XGBoost does), about 1e-7 relative from the exact `Double` sums the tree method
  /// uses, and that error passes through the coalition averages (1e-6, the bound).
  static let cases: [(fixture: String, tolerance: Double)] = [
    ("lgb-adult-missing", 1e-9), ("xgb-adult-missing", 1e-6),
  ]

  @Test(arguments: cases)
  func exactModeEqualsInterventionalTreeSHAP(fixture: String, tolerance: Double) throws {
    let folder = FixturePaths.fixture("models/" + fixture)
    let model: TreeEnsemble =
      fixture.hasPrefix("xgb")
      ? try XGBoostModelLoader.load(contentsOf: folder + "/model.json")
      : try LightGBMModelLoader.load(contentsOf: folder + "/model.txt")
    let rows = try Self.matrix(folder + "/data.csv", features: model.features, rows: 2)
    let reference = try Self.matrix(
      folder + "/background.csv", features: model.features, rows: 8)
    let tree = try InterventionalTreeSHAP(model: model, background: reference)
      .explain(rows, options: ExplainOptions(threads: 2))
    let kernel = try KernelSHAP(
      model: model, background: BackgroundData(reference), sampleCount: 2046
    ).explain(rows, options: ExplainOptions(threads: 2))
    #expect(kernel.featureNames == tree.featureNames)
    #expect(kernel.standardErrors?.allSatisfy { $0 == 0 } == true)
    expectAllClose(kernel.values, tree.values, absolute: tolerance, fixture)
    expectAllClose(kernel.baseValues, tree.baseValues, absolute: tolerance, "\(fixture) base")
  }
}
