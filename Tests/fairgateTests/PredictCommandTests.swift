import Foundation
import Testing
import _FairTestSupport

@Suite struct PredictCommandTests {
  static let root = FixturePaths.repositoryRoot()

  private func expectedMargins(_ folder: String) throws -> [Double] {
    let text = try String(
      contentsOfFile: Self.root + "/fixtures/models/\(folder)/expected_predictions.csv",
      encoding: .utf8)
    return text.split(separator: "\n").dropFirst().compactMap {
      $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first
        .flatMap { Double($0) }
    }
  }

  private func predictions(_ output: String) -> [Double] {
    output.split(separator: "\n").dropFirst().compactMap {
      $0.split(separator: ",").last.flatMap { Double($0) }
    }
  }

  @Test(arguments: ["xgb-adult-missing", "lgb-german-binary", "lgb-adult-zero-missing"])
  func printsTheLibrarysMargins(folder: String) throws {
    let model = try FileManager.default.contentsOfDirectory(
      atPath: Self.root + "/fixtures/models/\(folder)"
    ).first { $0.hasPrefix("model.") }
    let result = try FairGateBinary.run(
      [
        "predict", "--model", "fixtures/models/\(folder)/\(try #require(model))", "--data",
        "fixtures/models/\(folder)/data.csv",
      ], directory: Self.root)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("row,prediction\n0,"))
    // Predictions must equal the library's to 1e-6 relative (the acceptance criterion); the
    // absolute floor covers margins near zero, where XGBoost's Float sum has ~1e-7 error.
    expectAllClose(
      predictions(result.standardOutput), try expectedMargins(folder), absolute: 1e-6,
      relative: 1e-6)
  }

  @Test func recognisesTheFormatFromTheContentNotTheExtension() throws {
    let folder = try FixturePaths.temporaryDirectory()
    try FileManager.default.copyItem(
      atPath: Self.root + "/fixtures/models/lgb-german-binary/model.txt",
      toPath: folder + "/model.bin")
    let result = try FairGateBinary.run(
      [
        "predict", "--model", folder + "/model.bin", "--data",
        "fixtures/models/lgb-german-binary/data.csv", "--output", "probability",
      ], directory: Self.root)
    #expect(result.status == 0, "\(result.standardError)")
    let probabilities = predictions(result.standardOutput)
    #expect(probabilities.count == 1_000)
    #expect(probabilities.allSatisfy { $0 > 0 && $0 < 1 })
  }

  @Test func threadCountDoesNotChangeTheOutput() throws {
    let arguments = [
      "predict", "--model", "fixtures/models/xgb-adult-deep/model.json", "--data",
      "fixtures/models/xgb-adult-deep/data.csv",
    ]
    let one = try FairGateBinary.run(arguments + ["--threads", "1"], directory: Self.root)
    let eight = try FairGateBinary.run(arguments + ["--threads", "8"], directory: Self.root)
    #expect(one.status == 0 && eight.status == 0)
    #expect(one.standardOutput == eight.standardOutput)
  }

  @Test func scoresAModelBehindACommand() throws {
    let data = try FixturePaths.temporaryFile(
      "rows.csv", contents: "id,income,city\n1,10,Oslo\n2,,Rome\n3,2.5,Oslo\n")
    let result = try FairGateBinary.run([
      "predict", "--model-command", "awk -F, 'NR>1 {print ($1 == \"\" ? 0 : $1) * 2}'",
      "--features", "income,city", "--command-output", "margin", "--command-task",
      "regression", "--data", data,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput == "row,prediction\n0,20.0\n1,0.0\n2,5.0\n")
  }

  @Test func failingCommandExitsWithTwoAndShowsItsStandardError() throws {
    let data = try FixturePaths.temporaryFile("rows.csv", contents: "x\n1\n2\n")
    let result = try FairGateBinary.run([
      "predict", "--model-command", "echo 'model server unavailable' >&2; exit 3",
      "--features", "x", "--data", data,
    ])
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("model server unavailable"))
  }

  @Test func missingFeatureColumnExitsWithTwoAndNamesIt() throws {
    let data = try FixturePaths.temporaryFile("rows.csv", contents: "age,income\n30,100\n")
    let result = try FairGateBinary.run(
      ["predict", "--model", "fixtures/models/xgb-adult-missing/model.json", "--data", data],
      directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardError.hasPrefix("\(data): error: the model needs a column"))
  }

  @Test func corruptModelExitsWithTwoAndNamesThePlace() throws {
    let text = try String(
      contentsOfFile: Self.root + "/fixtures/models/lgb-german-regression/model.txt",
      encoding: .utf8)
    let corrupt = try FixturePaths.temporaryFile(
      "model.txt", contents: text.replacingOccurrences(of: "left_child=", with: "left_child=99 "))
    let result = try FairGateBinary.run(
      ["predict", "--model", corrupt, "--data", "fixtures/models/lgb-german-regression/data.csv"],
      directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix(corrupt))
    #expect(result.standardError.contains("tree 0"), "\(result.standardError)")
  }

  @Test func unknownModelFormatExitsWithTwo() throws {
    let path = try FixturePaths.temporaryFile("model.json", contents: "{\"weights\": [1, 2]}")
    let result = try FairGateBinary.run(
      ["predict", "--model", path, "--data", "fixtures/data/german-credit/german-credit.csv"],
      directory: Self.root)
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "\(path): error: not a model FairGate reads: expected XGBoost JSON, LightGBM text "
        + "or PMML\n")
  }

  @Test(arguments: [
    ["predict", "--data", "x.csv"],
    ["predict", "--model", "m.json", "--model-command", "cat", "--data", "x.csv"],
    ["predict", "--model-command", "cat", "--data", "x.csv"],
    ["predict", "--model", "m.json", "--features", "a", "--data", "x.csv"],
    ["predict", "--model", "m.json", "--data", "x.csv", "--threads", "0"],
    ["predict", "--model", "m.json", "--data", "x.csv", "--output", "odds"],
  ])
  func usageErrorsExitWithTwo(arguments: [String]) throws {
    let result = try FairGateBinary.run(arguments)
    #expect(result.status == 2, "\(arguments)")
    #expect(result.standardError.hasPrefix("Error: "))
  }

  @Test func probabilityOfARegressorExitsWithTwo() throws {
    let result = try FairGateBinary.run(
      [
        "predict", "--model", "fixtures/models/lgb-german-regression/model.txt", "--data",
        "fixtures/models/lgb-german-regression/data.csv", "--output", "probability",
      ], directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardError.contains("needs a binary classifier"))
  }
}

@Suite struct PredictPMMLCommandTests {
  static let root = FixturePaths.repositoryRoot()

  @Test(arguments: ["logistic-regression", "scorecard", "random-forest", "general-regression"])
  func scoresPMMLFromRawColumns(folder: String) throws {
    let result = try FairGateBinary.run(
      [
        "predict", "--model", "fixtures/pmml/\(folder)/model.pmml", "--data",
        "fixtures/pmml/\(folder)/data.csv",
      ], directory: Self.root)
    #expect(result.status == 0, "\(result.standardError)")
    let rows = result.standardOutput.split(separator: "\n")
    #expect(rows.first == "row,prediction")
    #expect(rows.count > 100)
    #expect(rows.dropFirst().allSatisfy { !$0.hasSuffix(",") }, "no row may be left unscored")
  }

  @Test func refusedRowExitsWithTwoInsteadOfPrintingAScore() throws {
    let pmml = """
      <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
        <Header/>
        <DataDictionary>
          <DataField name="colour" optype="categorical" dataType="string">
            <Value value="red"/><Value value="blue"/>
          </DataField>
          <DataField name="y" optype="continuous" dataType="double"/>
        </DataDictionary>
        <RegressionModel functionName="regression">
          <MiningSchema>
            <MiningField name="colour" invalidValueTreatment="returnInvalid"/>
            <MiningField name="y" usageType="target"/>
          </MiningSchema>
          <RegressionTable intercept="1">
            <CategoricalPredictor name="colour" value="red" coefficient="2"/>
          </RegressionTable>
        </RegressionModel>
      </PMML>
      """
    let model = try FixturePaths.temporaryFile("model.pmml", contents: pmml)
    let data = try FixturePaths.temporaryFile("rows.csv", contents: "colour\nred\ngreen\nblue\n")
    let result = try FairGateBinary.run(["predict", "--model", model, "--data", data])
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.hasPrefix(
        "\(data): error: data row 1: the model '\(model)' refuses "
          + "the row: field 'colour': "), "\(result.standardError)")
  }
}
