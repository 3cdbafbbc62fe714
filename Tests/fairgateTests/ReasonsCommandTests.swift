import Foundation
import Testing
import _FairTestSupport

/// Splits one CSV line on commas (the fixtures here quote nothing the tests read).
private func csvRows(_ text: String) -> [[String: String]] {
  let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
    .map(String.init)
  guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false) else {
    return []
  }
  return lines.dropFirst().map { line in
    let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return Dictionary(
      zip(header.map(String.init), fields).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
  }
}

@Suite struct ReasonsCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let germanModel = "fixtures/german-credit/model.json"
  static let germanData = "fixtures/data/german-credit/german-credit.csv"

  private func run(_ arguments: [String]) throws -> CommandResult {
    try FairGateBinary.run(["reasons"] + arguments, directory: Self.root)
  }

  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// The first `count` data rows of German credit, as a temporary CSV file.
  private func germanRows(_ count: Int) throws -> String {
    let text = try String(contentsOfFile: Self.root + "/" + Self.germanData, encoding: .utf8)
    let lines = Array(
      text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        .prefix(count + 1))
    try #require(lines.count == count + 1)
    return try FixturePaths.temporaryFile(
      "german.csv", contents: lines.joined(separator: "\n") + "\n")
  }

  /// On the German credit demo model, every adverse decision gets reasons, and they are the
  /// top four of shap's interventional attributions against the same background, ranked
  /// here from shap's values and the model's probabilities.
  @Test func germanCreditReasonsAreTheTopAttributionsOfShap() throws {
    let data = try germanRows(300)
    let result = try run([
      "--model", Self.germanModel, "--data", data, "--background",
      "fixtures/german-credit/background.csv", "--method", "tree-interventional", "--top", "4",
      "--stability-replicates", "0", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    let applicants = try #require(document["applicants"] as? [[String: Any]])
    // Reference: shap 0.51.0 TreeExplainer(feature_perturbation="interventional") with
    // fixtures/german-credit/background.csv, and xgboost 3.2.0 probabilities.
    let shap = csvRows(
      try String(
        contentsOfFile: Self.root + "/fixtures/german-credit/shap_interventional.csv",
        encoding: .utf8))
    let predictions = csvRows(
      try String(
        contentsOfFile: Self.root + "/fixtures/german-credit/predictions.csv", encoding: .utf8))
    let header = try String(
      contentsOfFile: Self.root + "/fixtures/german-credit/shap_interventional.csv",
      encoding: .utf8
    ).replacingOccurrences(of: "\r\n", with: "\n").prefix { $0 != "\n" }
      .split(separator: ",").map(String.init)
    let features = Array(header.dropFirst().dropLast())
    let adverseRows = (0..<300).filter { Double(predictions[$0]["probability"] ?? "") ?? 1 < 0.5 }
    #expect(applicants.compactMap { $0["row"] as? Int } == adverseRows)
    #expect(!adverseRows.isEmpty)
    for applicant in applicants {
      let row = try #require(applicant["row"] as? Int)
      let reasons = try #require(applicant["reasons"] as? [[String: Any]])
      #expect(!reasons.isEmpty, "row \(row) has no reason")
      let values = features.map { Double(shap[row][$0] ?? "") ?? .nan }
      let expected = features.indices.filter { values[$0] < 0 }
        .sorted { (values[$0], $0) < (values[$1], $1) }.prefix(4)
      #expect(reasons.compactMap { $0["code"] as? String } == expected.map { features[$0] })
      for (reason, index) in zip(reasons, expected) {
        // 1e-5 absolute: the acceptance tolerance of interventional TreeSHAP against shap.
        expectClose(reason["attribution"] as? Double ?? .nan, values[index], absolute: 1e-5)
      }
    }
  }

  /// The scorecard's reasons equal jpmml-evaluator 0.16.0's reasonCode outputs on every row.
  @Test func scorecardReasonsEqualJPMMLReasonCodes() throws {
    let folder = "fixtures/pmml/scorecard"
    let result = try run([
      "--model", "\(folder)/model.pmml", "--data", "\(folder)/data.csv", "--top", "3",
      "--threshold", "150", "--rows", "all", "--stability-replicates", "0",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let ours = csvRows(result.standardOutput)
    let expected = csvRows(
      try String(contentsOfFile: Self.root + "/\(folder)/expected.csv", encoding: .utf8))
    #expect(ours.count == 1000)
    #expect(expected.count == 1000)
    for (mine, theirs) in zip(ours, expected) {
      let got = (1...3).map { mine["reason_\($0)_code"] ?? "?" }
      let want = (1...3).map { theirs["reason_code_\($0)"] ?? "?" }
      #expect(got == want, "row \(mine["row"] ?? "?")")
    }
    #expect(result.standardError.contains("scorecard vs attribution reasons: top reason agrees"))
  }

  @Test func scorecardComparisonIsReported() throws {
    let folder = "fixtures/pmml/scorecard"
    let result = try run([
      "--model", "\(folder)/model.pmml", "--data", "\(folder)/data.csv", "--top", "3",
      "--threshold", "150", "--stability-replicates", "0", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    let comparison = try #require(document["comparison"] as? [String: Any])
    let compared = try #require(comparison["compared"] as? Int)
    let top = try #require(comparison["top_agreements"] as? Int)
    #expect(compared > 0)
    expectClose(
      comparison["top_agreement_rate"] as? Double ?? .nan, Double(top) / Double(compared),
      absolute: 1e-12)
    let method = try #require(document["method"] as? [String: Any])
    #expect(method["source"] as? String == "scorecard")
    #expect(method["attribution"] as? String == "linear")
  }

  @Test func stabilityHasAnIntervalAndIsReproducibleBySeed() throws {
    let data = try germanRows(120)
    let arguments = [
      "--model", Self.germanModel, "--data", data, "--stability-replicates", "4",
      "--background-rows", "40", "--seed", "11", "--format", "json",
    ]
    let first = try run(arguments)
    let second = try run(arguments)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput == second.standardOutput)
    let stability = try #require(try json(first)["stability"] as? [[String: Any]])
    #expect(
      stability.compactMap { $0["kind"] as? String } == [
        "background-resampling", "input-perturbation",
      ])
    for measurement in stability {
      let share = try #require(measurement["changed_share"] as? Double)
      let interval = try #require(measurement["interval"] as? [String: Any])
      let lower = try #require(interval["lower"] as? Double)
      let upper = try #require(interval["upper"] as? Double)
      #expect(lower <= share && share <= upper)
      #expect(measurement["replicates"] as? Int == 4)
    }
    let oneThread = try run(arguments + ["--threads", "1"])
    let threeThreads = try run(arguments + ["--threads", "3"])
    #expect(oneThread.standardOutput == first.standardOutput)
    #expect(threeThreads.standardOutput == first.standardOutput)
  }

  @Test func topZeroIsBadInput() throws {
    let result = try run(["--model", Self.germanModel, "--data", Self.germanData, "--top", "0"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("'--top' must be 1 or more, not 0"))
  }

  @Test func csvTableWithAnUnknownFeatureIsLocated() throws {
    let table = try FixturePaths.temporaryFile(
      "table.csv",
      contents: """
        code,text,features
        RC01,Status of existing checking account,checking_status
        RC02,Colour of the applicant's car,car_colour
        """)
    let result = try run([
      "--model", Self.germanModel, "--data", Self.germanData, "--reasons-table", table,
    ])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains(
        "table.csv:3: error: column 3 'features': unknown feature 'car_colour'"),
      "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }

  @Test func yamlTableWithADuplicateCodeIsLocated() throws {
    let table = try FixturePaths.temporaryFile(
      "table.yaml",
      contents: """
        reason_codes:
          - code: RC01
            text: Status of existing checking account
            features: checking_status
          - code: RC01
            text: Duration of the credit
            features: [duration_months]
        """)
    let result = try run([
      "--model", Self.germanModel, "--data", Self.germanData, "--reasons-table", table,
    ])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains("table.yaml:5:11: error: duplicate reason code 'RC01'"),
      "\(result.standardError)")
    #expect(result.standardError.contains("note: 'RC01' is first defined here"))
  }

  @Test func groupedFeaturesShareOneReason() throws {
    let table = try FixturePaths.temporaryFile(
      "table.csv",
      contents: """
        code,text,features
        RC_LOAN,"Amount and duration of the credit",credit_amount;duration_months
        """)
    let data = try germanRows(60)
    let result = try run([
      "--model", Self.germanModel, "--data", data, "--reasons-table", table,
      "--stability-replicates", "0", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let applicants = try #require(try json(result)["applicants"] as? [[String: Any]])
    let codes = applicants.flatMap { ($0["reasons"] as? [[String: Any]] ?? []) }
      .compactMap { $0["code"] as? String }
    #expect(codes.contains("RC_LOAN"))
    #expect(!codes.contains("credit_amount") && !codes.contains("duration_months"))
  }
}
