import Foundation
import Testing
import _FairTestSupport

/// Model files that crashed a reader under fuzzing, or exceed a reader's limits, make
/// `fairgate` exit with 2 and name the file and the place, instead of crashing or running
/// out of memory.
@Suite struct ReaderLimitsCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let fuzzFixtures = "Tests/FairModelsTests/Fixtures/fuzz"
  static let data = "fixtures/models/xgb-adult-deep/data.csv"

  /// Runs `fairgate predict` on `model` and returns its exit status and standard error,
  /// checking that nothing went to standard output.
  private func predict(model: String) throws -> (status: Int32, standardError: String) {
    let result = try FairGateBinary.run(
      ["predict", "--model", model, "--data", Self.data], directory: Self.root)
    #expect(result.standardOutput.isEmpty)
    return (result.status, result.standardError)
  }

  @Test func pmmlInstructionWithoutDataExitsWithTwo() throws {
    // `<?g?>` made swift-corelibs-foundation's XMLParser pass a null pointer to strlen.
    // The fuzzer's minimised input (`Fixtures/fuzz/pmml-instruction-without-data.pmml`)
    // has no `<PMML` root for the format detection to see, so the instruction opens a PMML
    // document here.
    let model = try FixturePaths.temporaryFile(
      "model.pmml",
      contents: """
        <?g?>
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/></PMML>
        """)
    let result = try predict(model: model)
    #expect(result.status == 2)
    #expect(
      result.standardError.hasPrefix(
        "\(model):1: error: the processing instruction '<?g?>' has no data"),
      "\(result.standardError)")
  }

  @Test func xgboostHugeFeatureCountExitsWithTwo() throws {
    // `num_feature` 21474836472 once made the loader generate 343 GB of feature names.
    let model = Self.fuzzFixtures + "/xgboost-huge-num-feature.json"
    let result = try predict(model: model)
    #expect(result.status == 2)
    #expect(
      result.standardError.hasPrefix(
        "\(model): error: 'learner.learner_model_param.num_feature': is 21474836472; "
          + "FairGate reads models of 0 to 4194304 features"),
      "\(result.standardError)")
  }

  @Test func xgboostTreeDeclaringTooManyNodesExitsWithTwo() throws {
    let text = try String(
      contentsOfFile: Self.root + "/fixtures/models/xgb-adult-deep/model.json", encoding: .utf8)
    let target = "\"num_nodes\":\"69\""
    let range = try #require(text.range(of: target))
    let model = try FixturePaths.temporaryFile(
      "model.json",
      contents: text.replacingCharacters(in: range, with: "\"num_nodes\":\"20000000\""))
    let result = try predict(model: model)
    #expect(result.status == 2)
    #expect(
      result.standardError.hasPrefix(
        "\(model): error: tree 0, 'tree_param.num_nodes': the tree has 20000000 nodes; "
          + "FairGate reads trees of at most 10000000 nodes"),
      "\(result.standardError)")
  }

  @Test func modelFileOverTwoGibibytesExitsWithTwoWithoutBeingRead() throws {
    // A sparse file: an XGBoost-looking start, then zeros up to 2 GiB + 1 byte that take
    // no disk space. The size is refused from the file's metadata, before any read.
    let model = try FixturePaths.temporaryFile("model.json", contents: #"{"learner":{}}"#)
    defer { try? FileManager.default.removeItem(atPath: model) }
    let handle = try #require(FileHandle(forWritingAtPath: model))
    try handle.truncate(atOffset: 2_147_483_649)
    try handle.close()
    let result = try predict(model: model)
    #expect(result.status == 2)
    #expect(
      result.standardError.hasPrefix(
        "\(model): error: the file is larger than 2147483648 bytes, the most FairGate reads "
          + "for a model file"),
      "\(result.standardError)")
  }
}
