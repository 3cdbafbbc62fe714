import FairAttribution
import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// **Acceptance test against shap**: log-loss attributions of the tree method against
/// `shap.TreeExplainer(model, data=background, feature_perturbation="interventional",
/// model_output="log_loss").shap_values(X, y)`.
///
/// The reference files `fixtures/loss/shap-logloss-xgb.json` and `shap-logloss-lgb.json`
/// (keys `features`, `labels`, `values` 200×6, `loss`, `background_loss`; written by shap's
/// C++ `dense_independent` kernel) explain rows 0..<200 of `fixtures/loss/credit.csv`
/// against rows 200..<300 with the models `fixtures/loss/plain.json` and
/// `fixtures/loss/lgb-plain.txt`. Until they are merged the test is skipped, with that reason.
@Suite(.tags(.golden)) struct LossShapAcceptanceTests {
  /// Each reference with its model and its tolerance against `values_exact`.
  ///
  /// `values_exact` is the reference script's enumeration in Double. It rescales with shap's margins: for XGBoost, shap's base
  /// margin is `logit(base_score)` in Double, while the loader keeps XGBoost's own `Float` one
  /// (about 5e-8 apart here), which moves the factors by about 1e-8 and the values by a few
  /// 1e-9. LightGBM's margins agree to rounding.
  static let cases: [(reference: String, model: String, exactTolerance: Double)] = [
    ("loss/shap-logloss-xgb.json", "loss/plain.json", 1e-7),
    ("loss/shap-logloss-lgb.json", "loss/lgb-plain.txt", 1e-10),
  ]

  static var referencesArePresent: Bool {
    cases.allSatisfy { FileManager.default.fileExists(atPath: FixturePaths.fixture($0.reference)) }
  }

  @Test(
    "shap acceptance: log-loss attributions match shap's TreeExplainer",
    .enabled(
      if: referencesArePresent, "the shap reference files fixtures/loss/shap-logloss-*.json"),
    arguments: cases)
  func matchesShapLogLoss(
    reference: String, model modelPath: String, exactTolerance: Double
  ) throws {
    let object = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: FixturePaths.fixture(reference))))
    let json = try #require(object as? [String: Any])
    let names = try #require(json["features"] as? [String])
    let labels = try #require(json["labels"] as? [Double])
    let expected = try #require(json["values"] as? [[Double]])
    let losses = try #require(json["loss"] as? [Double])

    let model = try ModelLoader.load(contentsOf: FixturePaths.fixture(modelPath))
    let dataPath = FixturePaths.fixture("loss/credit.csv")
    let matrix = try FeatureMatrix(
      binding: CSVReader().read(contentsOf: dataPath), to: model.features, file: dataPath)
    let width = matrix.featureCount
    func rows(_ range: Range<Int>) -> FeatureMatrix {
      FeatureMatrix(
        values: Array(matrix.values[(range.lowerBound * width)..<(range.upperBound * width)]),
        rowCount: range.count, featureCount: width)
    }
    let explainer = try LossExplainer(
      model: model, background: BackgroundData(rows(200..<300)), method: .tree)
    let result = try explainer.explain(
      rows(0..<200), labels: labels, options: ExplainOptions(threads: 2))
    #expect(expected.count == 200 && labels.count == 200)
    let columns = try names.map { name in try #require(result.featureNames.firstIndex(of: name)) }
    var ours: [Double] = []
    var theirs: [Double] = []
    for (row, values) in expected.enumerated() {
      for (position, column) in columns.enumerated() {
        ours.append(result.values[row * result.featureCount + column])
        theirs.append(values[position])
      }
    }
    // DESIGN.md asks 1e-5 of tree methods against the reference libraries; both sides sum
    // Double leaf values here, so 1e-6 holds with room (thresholds compared in Float by
    // both).
    expectAllClose(ours, theirs, absolute: 1e-6, reference)
    if let exact = json["values_exact"] as? [[Double]] {
      // The same rescaled pair games enumerated in Double by the reference script (shap keeps
      // its path weights in Float, about 1e-8 away); see `cases` for the tolerance.
      expectAllClose(
        ours, exact.flatMap { $0 }, absolute: exactTolerance, "\(reference) values_exact")
    }
    expectAllClose(result.losses, losses, absolute: 1e-6, "\(reference) loss")
    if let baselines = json["background_loss"] as? [Double] {
      expectAllClose(result.baselines, baselines, absolute: 1e-6, "\(reference) baseline")
    } else if let baseline = json["background_loss"] as? Double {
      // A single figure can only be the mean background loss of one label value.
      #expect(baseline.isFinite)
    }
  }
}
