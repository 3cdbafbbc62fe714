import Foundation
import Testing
import _FairTestSupport

@Suite struct DataDescribeCommandTests {
  static let germanCredit = "fixtures/data/german-credit/german-credit.csv"

  @Test func describesGermanCreditAsText() throws {
    let result = try FairGateBinary.run(
      ["data", "describe", Self.germanCredit], directory: FixturePaths.repositoryRoot())
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    expectMatchesGolden(
      result.standardOutput, suite: "DataDescribeCommandTests", name: "german-credit.txt")
  }

  @Test func describesAdultAsJSONWithTheRawMissingCounts() throws {
    let result = try FairGateBinary.run(
      ["data", "describe", "fixtures/data/adult/adult.csv", "--format", "json", "--top", "3"],
      directory: FixturePaths.repositoryRoot())
    #expect(result.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(json["schema"] as? String == "fairgate.describe/1")
    #expect(json["rows"] as? Int == 48_842)
    let columns = try #require(json["columns"] as? [[String: Any]])
    let missing = Dictionary(
      uniqueKeysWithValues: columns.compactMap { column -> (String, Int)? in
        guard let name = column["name"] as? String, let count = column["missing"] as? Int
        else { return nil }
        return (name, count)
      })
    #expect(missing["workclass"] == 2_799)
    #expect(missing["occupation"] == 2_809)
    #expect(missing["native_country"] == 857)
    let sex = try #require(columns.first { $0["name"] as? String == "sex" })
    #expect((sex["top"] as? [[String: Any]])?.first?["value"] as? String == "Male")
    #expect((sex["top"] as? [[String: Any]])?.first?["count"] as? Int == 32_650)
  }

  @Test func malformedFileExitsWithTwoAndNamesTheLineAndColumn() throws {
    let path = try FixturePaths.temporaryFile("loans.csv", contents: "id,income\n1,100\n2\n")
    let result = try FairGateBinary.run(["data", "describe", path])
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError == "\(path):3: error: column 2 'income': row has 1 field, header has 2\n"
    )
  }

  @Test func declaredNumericColumnWithTextExitsWithTwo() throws {
    let path = try FixturePaths.temporaryFile("loans.csv", contents: "id,income\n1,100\n2,n/a\n")
    let result = try FairGateBinary.run([
      "data", "describe", path, "--missing", "", "--column-type", "income=numeric",
    ])
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "\(path):3: error: column 2 'income': expected a number, found 'n/a'\n")
  }

  @Test func missingFileExitsWithTwo() throws {
    let result = try FairGateBinary.run(["data", "describe", "/nonexistent/loans.csv"])
    #expect(result.status == 2)
    #expect(result.standardError == "/nonexistent/loans.csv: error: no such file\n")
  }

  @Test(arguments: [
    ["data", "describe"],
    ["data", "describe", "x.csv", "--format", "yaml"],
    ["data", "describe", "x.csv", "--delimiter", "ab"],
    ["data", "describe", "x.csv", "--column-type", "income"],
    ["data", "describe", "x.csv", "--top", "-1"],
    ["data", "describe", "x.csv", "--no-such-flag"],
    ["no-such-command"],
  ])
  func usageErrorsExitWithTwo(arguments: [String]) throws {
    let result = try FairGateBinary.run(arguments)
    #expect(result.status == 2, "\(arguments)")
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix("Error: "), "\(result.standardError)")
  }
}

@Suite struct RootCommandTests {
  @Test func helpListsTheExitStatuses() throws {
    let result = try FairGateBinary.run(["--help"])
    #expect(result.status == 0)
    expectMatchesGolden(result.standardOutput, suite: "RootCommandTests", name: "help.txt")
  }

  @Test func versionPrintsTheVersion() throws {
    let result = try FairGateBinary.run(["--version"])
    #expect(result.status == 0)
    // The version the findings record (`tool.version`).
    #expect(result.standardOutput == "0.3.0\n")
  }
}
