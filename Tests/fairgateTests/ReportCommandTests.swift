import ArgumentParser
import FairReports
import Foundation
import Testing
import _FairTestSupport

@testable import fairgate

@Suite struct ReportCommandTests {
  @Test(arguments: ReportFormat.allCases)
  func reRendersTheAuditByteForByte(format: ReportFormat) throws {
    let audit = try GermanCreditAudits.baseline.get()
    let findings = audit.directory + "/findings.json"
    let run = try FairGateBinary.run(["report", findings, "--format", format.rawValue])
    #expect(run.status == 0, Comment(rawValue: run.standardError))
    // The audit printed its text summary and wrote every other format into its folder.
    let expected =
      format == .text
      ? audit.standardOutput
      : try String(contentsOfFile: audit.directory + "/" + format.fileName, encoding: .utf8)
    #expect(run.standardOutput == expected)
  }

  @Test func writesTheFormatsIntoAFolderLikeTheAudit() throws {
    let audit = try GermanCreditAudits.baseline.get()
    let folder = try FixturePaths.temporaryDirectory()
    let run = try FairGateBinary.run([
      "report", audit.directory + "/findings.json", "--format", "junit", "--format", "text",
      "--out", folder,
    ])
    #expect(run.status == 0, Comment(rawValue: run.standardError))
    #expect(run.standardOutput == audit.standardOutput)
    let junit = try String(contentsOfFile: folder + "/junit.xml", encoding: .utf8)
    #expect(junit == (try String(contentsOfFile: audit.directory + "/junit.xml", encoding: .utf8)))
    let summary = try String(contentsOfFile: folder + "/summary.txt", encoding: .utf8)
    #expect(summary == audit.standardOutput)
  }

  /// A change to a findings document's JSON object.
  typealias Damage = @Sendable (inout [String: Any]) -> Void

  /// Damaged copies of a findings document and the place each message must name.
  static let damages: [(name: String, damage: Damage, place: String)] = [
    (
      "verdict",
      { object in
        var findings = object["findings"] as? [[String: Any]] ?? []
        findings[2]["verdict"] = "maybe"
        object["findings"] = findings
      },
      "error: findings[2].verdict: "
    ),
    (
      "value",
      { object in
        var findings = object["findings"] as? [[String: Any]] ?? []
        findings[5]["group_size"] = "many"
        object["findings"] = findings
      },
      "error: findings[5].group_size: expected a whole number"
    ),
    ("schema", { $0["schema"] = "fairgate.findings/9" }, "error: schema: unsupported schema"),
    ("missing", { $0.removeValue(forKey: "summary") }, "error: summary: missing key"),
    (
      "unknown",
      { object in
        var summary = object["summary"] as? [String: Any] ?? [:]
        summary["verdict_count"] = 3
        object["summary"] = summary
      },
      "error: summary.verdict_count: unknown key"
    ),
  ]

  @Test(arguments: damages.map(\.name))
  func refusesADamagedDocumentNamingTheFileAndTheField(name: String) throws {
    let audit = try GermanCreditAudits.baseline.get()
    let damage = try #require(Self.damages.first { $0.name == name })
    let data = try Data(contentsOf: URL(fileURLWithPath: audit.directory + "/findings.json"))
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    damage.damage(&object)
    let path = try FixturePaths.temporaryFile(
      "damaged-\(name).json",
      contents: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    let run = try FairGateBinary.run(["report", path, "--format", "html"])
    #expect(run.status == 2)
    #expect(run.standardError.hasPrefix("\(path): \(damage.place)"), "\(run.standardError)")
    #expect(run.standardOutput.isEmpty)
  }

  @Test(arguments: [
    ("not json", "error: not a JSON object"), ("[1, 2]", "error: not a JSON object"),
  ])
  func refusesAFileThatIsNotAFindingsDocument(contents: String, message: String) throws {
    let path = try FixturePaths.temporaryFile("findings.json", contents: contents)
    let run = try FairGateBinary.run(["report", path])
    #expect(run.status == 2)
    #expect(run.standardError.hasPrefix("\(path): \(message)"))
  }

  @Test func aMissingFileIsBadInput() throws {
    let run = try FairGateBinary.run(["report", "/nonexistent/findings.json"])
    #expect(run.status == 2)
    #expect(run.standardError == "/nonexistent/findings.json: error: no such file\n")
  }

  @Test func severalFormatsNeedAFolder() throws {
    let error = #expect(throws: (any Error).self) {
      _ = try FairGateCommand.parseAsRoot([
        "report", "findings.json", "--format", "json", "--format", "html",
      ])
    }
    let thrown = try #require(error)
    let report = try #require(FairGateCommand.badInputReport(for: thrown))
    #expect(report.status == 2)
    #expect(report.message.contains("several '--format's need '--out DIR'"))
  }
}
