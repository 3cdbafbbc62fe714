import Foundation
import Testing
import _FairTestSupport

/// `--link` on the commands that take `--model`, run end to end on the LightGBM model with a
/// custom (focal-loss) objective in `fixtures/models/custom-objective/lgb-focal`.
@Suite struct CustomObjectiveCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let model = "fixtures/models/custom-objective/lgb-focal/model.txt"
  static let data = "fixtures/models/custom-objective/lgb-focal/data.csv"

  private func column(_ name: String, of text: String) -> [Double] {
    let lines = text.split(separator: "\n")
    let header = lines.first?.split(separator: ",").map(String.init) ?? []
    guard let index = header.firstIndex(of: name) else { return [] }
    return lines.dropFirst().compactMap {
      let cells = $0.split(separator: ",", omittingEmptySubsequences: false)
      return index < cells.count ? Double(cells[index]) : nil
    }
  }

  @Test func scoresTheCustomModelWithADeclaredLink() throws {
    let result = try FairGateBinary.run(
      [
        "predict", "--model", Self.model, "--link", "logistic", "--data", Self.data, "--output",
        "probability",
      ], directory: Self.root)
    #expect(result.status == 0, "\(result.standardError)")
    let expected = try String(
      contentsOfFile: Self.root + "/fixtures/models/custom-objective/lgb-focal/"
        + "expected_predictions.csv", encoding: .utf8)
    // The CSV prints each probability in full; σ in Swift and Python may differ by an ulp.
    expectAllClose(
      column("prediction", of: result.standardOutput), column("probability", of: expected),
      absolute: 1e-15, relative: 1e-14)
  }

  @Test func refusesTheCustomModelWithoutALink() throws {
    let result = try FairGateBinary.run(
      ["predict", "--model", Self.model, "--data", Self.data], directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix(Self.model), "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "'objective': objective 'custom' does not say how the margin maps to a prediction; "
          + "declare the link ('identity' or 'logistic')"), "\(result.standardError)")
  }

  @Test func rejectsALinkWithoutAModelFile() throws {
    let result = try FairGateBinary.run(
      [
        "predict", "--model-command", "cat", "--features", "income", "--link", "logistic",
        "--data", Self.data,
      ], directory: Self.root)
    #expect(result.status == 2)
    #expect(
      result.standardError.contains("'--link' is only valid with '--model'"),
      "\(result.standardError)")
  }

  @Test func rejectsAnUnknownLink() throws {
    let result = try FairGateBinary.run(
      ["predict", "--model", Self.model, "--link", "probit", "--data", Self.data],
      directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardError.contains("probit"), "\(result.standardError)")
  }

  @Test func initWritesTheDeclaredLinkIntoTheStarterManifest() throws {
    let result = try FairGateBinary.run(
      ["init", "--model", Self.model, "--link", "logistic", "--data", Self.data, "-o", "-"],
      directory: Self.root)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("\n  link: logistic\n"), "\(result.standardOutput)")
    let withoutModel = try FairGateBinary.run(
      ["init", "--link", "logistic", "--data", Self.data, "-o", "-"], directory: Self.root)
    #expect(withoutModel.status == 2)
    #expect(withoutModel.standardError.contains("'--link' is only valid with '--model'"))
  }

  @Test func refusesTheXGBoostCustomModelWithoutALink() throws {
    let model = "fixtures/models/custom-objective/xgb-focal/model.json"
    let data = "fixtures/models/custom-objective/xgb-focal/data.csv"
    let result = try FairGateBinary.run(
      ["predict", "--model", model, "--data", data], directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.hasPrefix(model + ": error: 'learner.learner_model_param.base_score'"),
      "\(result.standardError)")
    #expect(
      result.standardError.contains("declare the link ('identity' for a squared-error regressor"),
      "\(result.standardError)")
    let declared = try FairGateBinary.run(
      ["predict", "--model", model, "--link", "logistic", "--data", data], directory: Self.root)
    #expect(declared.status == 0, "\(declared.standardError)")
  }
}
