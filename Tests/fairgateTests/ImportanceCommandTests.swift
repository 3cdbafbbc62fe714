import Foundation
import Testing
import _FairTestSupport

@Suite struct ImportanceCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let folder = "fixtures/models/xgb-german-onehot"

  private func run(_ arguments: [String]) throws -> CommandResult {
    try FairGateBinary.run(
      ["importance", "--model", "\(Self.folder)/model.json", "--data", "\(Self.folder)/data.csv"]
        + arguments, directory: Self.root)
  }

  @Test func ranksFeaturesAndIsTheSameForAnyThreadCount() throws {
    let arguments = ["--label", "credit_risk", "--positive", "good", "--repeats", "2"]
    let one = try run(arguments + ["--threads", "1"])
    let four = try run(arguments + ["--threads", "4"])
    #expect(one.status == 0, "\(one.standardError)")
    #expect(one.standardOutput == four.standardOutput)
    let lines = one.standardOutput.split(separator: "\n")
    #expect(lines.first == "feature,importance_mean,importance_std")
    let means = lines.dropFirst().compactMap { $0.split(separator: ",").dropFirst().first }
      .compactMap { Double($0) }
    #expect(means == means.sorted(by: >), "most important first")
    #expect((means.first ?? 0) > 0.01, "permuting the strongest feature must cost AUC")
  }

  @Test func decisionRateNeedsNoLabel() throws {
    let result = try run(["--metric", "decision-rate", "--repeats", "1", "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(json["schema"] as? String == "fairgate.importance/1")
    #expect(json["metric"] as? String == "decision-rate")
  }

  @Test(arguments: [
    (["--label", "credit_risk"], "say which value is positive"),
    (["--label", "credit_riks", "--positive", "good"], "did you mean 'credit_risk'?"),
    (["--label", "credit_risk", "--positive", "excellent"], "is not a value of the column"),
    ([String](), "needs '--label COLUMN'"),
  ])
  func badLabelsExitWithTwo(arguments: [String], reason: String) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(reason), "\(result.standardError)")
  }
}
