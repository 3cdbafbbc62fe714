import Foundation
import Testing
import _FairTestSupport

/// Parses CSV text of numbers with a header; empty cells read as NaN.
private func numericCSV(_ text: String) -> (header: [String], rows: [[Double]]) {
  let lines = text.split(separator: "\n")
  let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
  let rows = lines.dropFirst().map { line in
    line.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) ?? .nan }
  }
  return (header, rows)
}

@Suite struct ExplainCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let models = "fixtures/models"

  private func run(_ arguments: [String]) throws -> CommandResult {
    try FairGateBinary.run(["explain"] + arguments, directory: Self.root)
  }

  @Test(arguments: ["xgb-german-onehot", "lgb-adult-missing"])
  func pathDependentValuesMatchTheLibrary(folder: String) throws {
    let model = folder.hasPrefix("xgb") ? "model.json" : "model.txt"
    let result = try run([
      "--model", "\(Self.models)/\(folder)/\(model)", "--data",
      "\(Self.models)/\(folder)/data.csv", "--rows", "40",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("note: method tree-path is exact for"))
    let ours = numericCSV(result.standardOutput)
    let expected = numericCSV(
      try String(
        contentsOfFile: Self.root + "/\(Self.models)/\(folder)/expected_shap_path.csv",
        encoding: .utf8))
    #expect(Array(ours.header.dropLast()) == expected.header)
    for (row, reference) in zip(ours.rows, expected.rows.prefix(40)) {
      // 1e-5 absolute: the acceptance tolerance against xgboost/lightgbm pred_contribs.
      expectAllClose(Array(row.dropLast()), reference, absolute: 1e-5)
      // Local accuracy: base value + Σφ = prediction, in the model's arithmetic (XGBoost sums
      // leaves in Float, hence 1e-5 rather than Double rounding).
      let sum = row.dropFirst().dropLast(2).reduce(0, +) + row[row.count - 2]
      expectClose(sum, row[row.count - 1], absolute: 1e-5, relative: 1e-6)
    }
  }

  @Test func interventionalProbabilitiesMatchShap() throws {
    let folder = "\(Self.models)/xgb-adult-missing"
    let result = try run([
      "--model", "\(folder)/model.json", "--data", "\(folder)/data.csv", "--method",
      "tree-interventional", "--background", "\(folder)/background.csv", "--output",
      "probability", "--rows", "10",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let ours = numericCSV(result.standardOutput)
    let expected = numericCSV(
      try String(
        contentsOfFile: Self.root + "/\(folder)/expected_shap_interventional_probability.csv",
        encoding: .utf8))
    for (row, reference) in zip(ours.rows, expected.rows.prefix(10)) {
      // 1e-5 absolute: the acceptance tolerance against shap's interventional TreeExplainer.
      expectAllClose(Array(row.dropLast()), reference, absolute: 1e-5)
    }
  }

  @Test func kernelSHAPIsTheSameForAnyThreadCount() throws {
    let folder = "\(Self.models)/lgb-german-regression"
    let arguments = [
      "--model", "\(folder)/model.txt", "--data", "\(folder)/data.csv", "--method", "kernel",
      "--background-rows", "20", "--samples", "300", "--rows", "6", "--seed", "7",
    ]
    let one = try run(arguments + ["--threads", "1"])
    let four = try run(arguments + ["--threads", "4"])
    #expect(one.status == 0, "\(one.standardError)")
    #expect(one.standardOutput == four.standardOutput)
    let other = try run(Array(arguments.dropLast(2)) + ["--seed", "8", "--threads", "1"])
    #expect(other.standardOutput != one.standardOutput, "the seed must matter")
  }

  @Test func groupsSumOneHotColumnsIntoTheirAttribute() throws {
    let folder = "\(Self.models)/xgb-german-onehot"
    let plain = try run([
      "--model", "\(folder)/model.json", "--data", "\(folder)/data.csv", "--rows", "3",
    ])
    let header = numericCSV(plain.standardOutput).header
    let purpose = header.filter { $0.hasPrefix("purpose=") }
    #expect(purpose.count > 2)
    let grouped = try run([
      "--model", "\(folder)/model.json", "--data", "\(folder)/data.csv", "--rows", "3",
      "--group", "purpose=" + purpose.joined(separator: ","),
    ])
    #expect(grouped.status == 0, "\(grouped.standardError)")
    let groupedCSV = numericCSV(grouped.standardOutput)
    #expect(groupedCSV.header.contains("purpose"))
    #expect(!groupedCSV.header.contains(purpose[0]))
    let plainCSV = numericCSV(plain.standardOutput)
    let columns = purpose.compactMap { header.firstIndex(of: $0) }
    let position = try #require(groupedCSV.header.firstIndex(of: "purpose"))
    for (plainRow, groupedRow) in zip(plainCSV.rows, groupedCSV.rows) {
      // Grouping is a sum of the members' exact values: equal up to Double rounding.
      expectClose(
        groupedRow[position], columns.map { plainRow[$0] }.reduce(0, +), absolute: 1e-12)
    }
  }

  @Test func autoExplainsAPMMLLogisticPipelineWithLinearSHAP() throws {
    let folder = "fixtures/pmml/logistic-regression"
    let result = try run([
      "--model", "\(folder)/model.pmml", "--data", "\(folder)/data.csv", "--rows", "25",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("note: method linear is exact for"))
    let csv = numericCSV(result.standardOutput)
    #expect(csv.header.contains("checking_status"), "one column per raw field")
    for row in csv.rows {
      // Local accuracy of exact linear SHAP: Double rounding of ~20 terms.
      let sum = row.dropFirst().dropLast(2).reduce(0, +) + row[row.count - 2]
      expectClose(sum, row[row.count - 1], absolute: 1e-9, relative: 1e-9)
    }
  }

  /// The request of the acceptance criteria: linear SHAP of a PMML logistic regression in
  /// probability space, against 50 sampled background rows.
  @Test func linearProbabilitiesOfAPMMLLogisticRegressionAddUp() throws {
    let folder = "fixtures/pmml/logistic-regression"
    let arguments = [
      "--model", "\(folder)/model.pmml", "--data", "\(folder)/data.csv", "--method", "linear",
      "--output", "probability", "--background-rows", "50",
    ]
    let one = try run(arguments + ["--threads", "1"])
    #expect(one.status == 0, "\(one.standardError)")
    let csv = numericCSV(one.standardOutput)
    #expect(csv.rows.count == 1000)
    #expect(csv.header.contains("checking_status"), "one column per raw field")
    for row in csv.rows {
      let prediction = row[row.count - 1]
      #expect(prediction > 0 && prediction < 1)
      // Local accuracy in probability space: 50 weighted products of numbers ≤ 1 per cell,
      // printed with shortest round-trip digits.
      let sum = row.dropFirst().dropLast(2).reduce(0, +) + row[row.count - 2]
      expectClose(sum, prediction, absolute: 1e-12)
    }
    let four = try run(arguments + ["--threads", "4"])
    #expect(four.standardOutput == one.standardOutput)
  }

  /// `auto` with '--output probability' takes interventional TreeSHAP, which has a
  /// probability form, instead of path-dependent TreeSHAP, and says so.
  @Test func autoTakesInterventionalTreeSHAPForProbability() throws {
    let folder = "\(Self.models)/lgb-german-binary"
    let result = try run([
      "--model", "\(folder)/model.txt", "--data", "\(folder)/data.csv", "--output",
      "probability", "--background-rows", "20", "--rows", "10",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("note: method tree-interventional is exact for"))
    #expect(result.standardError.contains("probability"))
    for row in numericCSV(result.standardOutput).rows {
      // LightGBM margins are Double sums; local accuracy holds to rounding.
      let sum = row.dropFirst().dropLast(2).reduce(0, +) + row[row.count - 2]
      expectClose(sum, row[row.count - 1], absolute: 1e-12)
    }
  }

  @Test func jsonCarriesTheMethodAndReason() throws {
    let folder = "\(Self.models)/lgb-german-regression"
    let result = try run([
      "--model", "\(folder)/model.txt", "--data", "\(folder)/data.csv", "--rows", "2",
      "--format", "json",
    ])
    #expect(result.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(json["schema"] as? String == "fairgate.explanation/1")
    #expect(json["method"] as? String == "tree-path")
    #expect((json["rows"] as? [Any])?.count == 2)
  }

  @Test(arguments: [
    (
      [
        "--model", "fixtures/pmml/logistic-regression/model.pmml", "--data",
        "fixtures/pmml/logistic-regression/data.csv", "--method", "tree-path",
      ],
      "'tree-path' cannot explain"
    ),
    (
      [
        "--model", "fixtures/models/lgb-german-regression/model.txt", "--data",
        "fixtures/models/lgb-german-regression/data.csv", "--method", "linear",
      ],
      "'linear' needs a model whose margin is linear"
    ),
    (
      [
        "--model", "fixtures/models/lgb-german-regression/model.txt", "--data",
        "fixtures/models/lgb-german-regression/data.csv", "--rows", "5000",
      ],
      "'--rows 5000' is beyond the 1000 rows"
    ),
    (
      [
        "--model", "fixtures/models/lgb-german-regression/model.txt", "--data",
        "fixtures/models/lgb-german-regression/data.csv", "--method", "tree-interventional",
        "--background", "fixtures/data/adult/adult.csv",
      ],
      "the model needs a column"
    ),
    (
      [
        "--model", "fixtures/models/lgb-german-regression/model.txt", "--data",
        "fixtures/models/lgb-german-regression/data.csv", "--method", "tree-path", "--samples",
        "100",
      ],
      "'--samples' is only valid with"
    ),
    (
      [
        "--model", "fixtures/models/lgb-german-binary/model.txt", "--data",
        "fixtures/models/lgb-german-binary/data.csv", "--method", "tree-path", "--output",
        "probability",
      ],
      "use 'tree-interventional'"
    ),
  ])
  func badRequestsExitWithTwoAndAReason(arguments: [String], reason: String) throws {
    let result = try run(arguments)
    #expect(result.status == 2, "\(arguments)")
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains(reason), "\(result.standardError)")
  }
}
