import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// XGBoost inputs that blew up the loader, found by `Fuzz/` (see `Fixtures/fuzz/README.md`).
@Suite struct XGBoostFuzzRegressionTests {
  /// The folder of the regression inputs.
  private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz").path

  /// The error `body` throws, if it is a `ModelError`.
  private static func modelError(_ body: () throws -> Void) -> ModelError? {
    PMMLTesting.modelError(body)
  }

  @Test func refusesAFeatureCountTooLargeToAllocate() {
    // As found: no 'feature_names' key, so one name per declared feature was generated from
    // 'num_feature' 21474836472 (an attempt to allocate 343 GB).
    let path = Self.folder + "/xgboost-huge-num-feature.json"
    let error = Self.modelError { _ = try XGBoostModelLoader.load(contentsOf: path) }
    #expect(error?.kind == .unsupported)
    #expect(error?.file == path)
    #expect(error?.place == "'learner.learner_model_param.num_feature'")
    #expect(error?.message == "is 21474836472; FairGate reads models of 0 to 4194304 features")
  }

  @Test(arguments: ["-1", "4194305", "9223372036854775807"])
  func refusesFeatureCountsOutOfRange(count: String) {
    let text = XGBoostTestModels.and.replacingOccurrences(
      of: "\"num_feature\":\"2\"", with: "\"num_feature\":\"\(count)\"")
    #expect(text != XGBoostTestModels.and)
    let error = Self.modelError {
      _ = try XGBoostModelLoader.load(data: Array(text.utf8), file: "m.json")
    }
    #expect(error?.place == "'learner.learner_model_param.num_feature'")
    #expect(error?.message.hasPrefix("is \(count);") == true, "\(error?.message ?? "no error")")
  }

  @Test func acceptsAHashedFeatureSpaceOfTwoToTheTwenty() throws {
    // Text models hash tokens into 2²⁰ columns (scikit-learn's HashingVectorizer default).
    let text = XGBoostTestModels.and.replacingOccurrences(
      of: "\"num_feature\":\"2\"", with: "\"num_feature\":\"1048576\"")
    #expect(text != XGBoostTestModels.and)
    let model = try XGBoostModelLoader.load(data: Array(text.utf8), file: "m.json")
    #expect(model.featureCount == 1 << 20)
  }
}
