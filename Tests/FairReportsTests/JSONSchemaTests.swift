import FairReports
import Foundation
import Testing
import _FairTestSupport

/// Validates documents against `schemas/findings-v1.schema.json` with `schemas/validate.py`
/// (Python's `jsonschema`), when the machine has both.
@Suite struct JSONSchemaTests {
  static let root = FixturePaths.repositoryRoot()

  @Test(.enabled(if: ExternalTool.hasJSONSchema, "python3 with jsonschema is not installed"))
  func samplesValidateAgainstTheSchema() throws {
    let folder = try FixturePaths.temporaryDirectory()
    var paths: [String] = []
    for name in SampleDocuments.names {
      let json = try DocumentJSON.encode(SampleDocuments.named(name))
      paths.append(
        try FixturePaths.temporaryFile("\(name).json", contents: json, directory: folder))
    }
    var generated = SampleDocuments.minimal
    generated.findings[0].value = .nan
    paths.append(
      try FixturePaths.temporaryFile(
        "nan.json", contents: try DocumentJSON.encode(generated), directory: folder))
    let result = try ExternalTool.run(
      "python3", ["schemas/validate.py"] + paths, directory: Self.root)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test(.enabled(if: ExternalTool.hasJSONSchema, "python3 with jsonschema is not installed"))
  func schemaRejectsUnknownKeysAndWrongValues() throws {
    let json = try DocumentJSON.encode(SampleDocuments.minimal)
    let cases = [
      json.replacingOccurrences(of: "\"verdict\" : \"pass\"", with: "\"verdict\" : \"maybe\""),
      json.replacingOccurrences(of: "\"advisory\" :", with: "\"advisery\" : false, \"advisory\" :"),
      json.replacingOccurrences(of: "\"fairgate.findings/1\"", with: "\"fairgate.findings/2\""),
    ]
    for (index, text) in cases.enumerated() {
      #expect(text != json)
      let path = try FixturePaths.temporaryFile("bad-\(index).json", contents: text)
      let result = try ExternalTool.run(
        "python3", ["schemas/validate.py", path], directory: Self.root)
      #expect(result.status == 1, "case \(index) validated: \(result.output)")
    }
  }
}
