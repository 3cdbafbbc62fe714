import Foundation
import Testing
import _FairTestSupport

@Suite struct MetricsCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let hiring = [
    "metrics", "--model", "fixtures/hiring/model.json", "--data", "fixtures/hiring/hiring.csv",
    "--label", "qualified", "--positive", "yes", "--group", "sex", "--group", "race_ethnicity",
    "--group", "sex,race_ethnicity", "--bootstrap", "100", "--seed", "4",
  ]

  @Test func jsonIsVersionedAndTheSameForAnyThreadCount() throws {
    let one = try FairGateBinary.run(
      Self.hiring + ["--format", "json", "--threads", "1", "--attributions", "--flips"],
      directory: Self.root)
    #expect(one.status == 0, "\(one.standardError)")
    let four = try FairGateBinary.run(
      Self.hiring + ["--format", "json", "--threads", "4", "--attributions", "--flips"],
      directory: Self.root)
    #expect(one.standardOutput == four.standardOutput)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(one.standardOutput.utf8)) as? [String: Any])
    #expect(document["schema"] as? String == "fairgate.metrics/1")
    let groupings = try #require(document["groupings"] as? [[String: Any]])
    #expect(
      groupings.map { $0["grouping"] as? String } == [
        "sex", "race_ethnicity", "sex × race_ethnicity",
      ])
    #expect((document["attributions"] as? [Any])?.count == 3)
    #expect(
      (document["proxies"] as? [[String: Any]])?.contains { $0["is_proxy"] as? Bool == true }
        == true)
    #expect(document["flips"] != nil)
  }

  @Test func flipsAreComputedOnlyWhenAskedForAndNeedAModel() throws {
    let plain = try FairGateBinary.run(Self.hiring + ["--format", "json"], directory: Self.root)
    #expect(plain.status == 0, "\(plain.standardError)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(plain.standardOutput.utf8)) as? [String: Any])
    #expect(document["flips"] == nil)
    let noModel = try FairGateBinary.run(
      [
        "metrics", "--data", "fixtures/hiring/hiring.csv", "--decision-column", "vendor_selected",
        "--group", "sex", "--flips",
      ], directory: Self.root)
    #expect(noModel.status == 2)
    #expect(noModel.standardError.contains("'--flips' needs a model"))
  }

  @Test func historicalDecisionsNeedNoModel() throws {
    let result = try FairGateBinary.run(
      [
        "metrics", "--data", "fixtures/hiring/hiring.csv", "--decision-column", "vendor_selected",
        "--favourable-decision", "yes", "--score-column", "vendor_score", "--group", "sex",
        "--group", "race_ethnicity", "--minimum-share", "0.02", "--format", "csv",
      ], directory: Self.root)
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.first?.hasPrefix("grouping,slice,reference,rows,") == true)
    // The Native Hawaiian or Other Pacific Islander slice is under 2% and excluded.
    #expect(lines.contains { $0.contains("Native Hawaiian") && $0.contains(",true,") })
  }

  static let badRequests: [(arguments: [String], reason: String)] = [
    (["--group", "sexx"], "'sexx' is not a column of the file; did you mean 'sex'?"),
    (["--group", "sex", "--label", "qualified"], "say which value is positive"),
    (["--group", "sex", "--label", "age"], "a numeric outcome must be 0 or 1"),
    (["--group", "sex", "--threshold", "1.5"], "'--threshold' must be between 0 and 1"),
    (["--group", "sex", "--reference", "sex=Nobody"], "the reference group 'Nobody'"),
    (["--group", "sex", "--bins", "age=30,20"], "strictly increasing"),
    (["--threshold", "0.5"], "name at least one protected attribute"),
    (["--group", "sex", "--score-column", "vendor_score"], "give exactly one of"),
  ]

  @Test(arguments: badRequests)
  func badRequestsExitWithTwoAndAReason(arguments: [String], reason: String) throws {
    let result = try FairGateBinary.run(
      ["metrics", "--model", "fixtures/hiring/model.json", "--data", "fixtures/hiring/hiring.csv"]
        + arguments, directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardError.contains(reason), "\(result.standardError)")
  }

  @Test func aGroupColumnThatIsAllMissingIsBadInput() throws {
    let file = try FixturePaths.temporaryFile(
      "missing.csv", contents: "score,sex\n0.2,\n0.7,\n0.9,NA\n")
    let result = try FairGateBinary.run(
      [
        "metrics", "--data", file, "--score-column", "score", "--threshold", "0.5", "--group",
        "sex",
      ],
      directory: Self.root)
    #expect(result.status == 2)
    #expect(
      result.standardError.contains("no slice has rows to compare"), "\(result.standardError)")
    #expect(result.standardError.contains("missing.csv"))
  }
}
