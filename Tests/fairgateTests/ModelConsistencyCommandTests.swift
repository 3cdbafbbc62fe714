import Foundation
import Testing
import _FairTestSupport

/// Model files the training library refuses make `fairgate` exit with 2 and name the place.
@Suite struct ModelConsistencyCommandTests {
  static let root = FixturePaths.repositoryRoot()

  @Test func xgboostModelWhoseNumTreesDisagreesWithItsTreesExitsWithTwo() throws {
    let text = try String(
      contentsOfFile: Self.root + "/fixtures/models/xgb-adult-deep/model.json", encoding: .utf8)
    let target = "\"num_trees\":\"300\""
    #expect(text.contains(target))
    let corrupt = try FixturePaths.temporaryFile(
      "model.json", contents: text.replacingOccurrences(of: target, with: "\"num_trees\":\"301\""))
    let result = try FairGateBinary.run(
      ["predict", "--model", corrupt, "--data", "fixtures/models/xgb-adult-deep/data.csv"],
      directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.hasPrefix(
        "\(corrupt): error: 'learner.gradient_booster.model.gbtree_model_param.num_trees': "
          + "is 301, but 'trees' holds 300 trees"),
      "\(result.standardError)")
  }

  @Test func lightGBMModelWhoseTreeSizesDisagreeExitsWithTwo() throws {
    let text = try String(
      contentsOfFile: Self.root + "/fixtures/models/lgb-german-binary/model.txt",
      encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let index = try #require(lines.firstIndex { $0.hasPrefix("tree_sizes=") })
    var edited = lines.map(String.init)
    edited[index] = String(edited[index].split(separator: " ").dropLast().joined(separator: " "))
    let corrupt = try FixturePaths.temporaryFile(
      "model.txt", contents: edited.joined(separator: "\n"))
    let result = try FairGateBinary.run(
      ["predict", "--model", corrupt, "--data", "fixtures/models/lgb-german-binary/data.csv"],
      directory: Self.root)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.hasPrefix(
        "\(corrupt):\(index + 1): error: 'tree_sizes': lists 99 sizes, but the file has 100 trees"),
      "\(result.standardError)")
  }
}
