import FairReports
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// What the findings record of the policies behind them: every file whose rules reached the
/// findings is hashed (a pack an applied policy extends too), each finding names its policy's
/// title and cites every source its rule cites.
@Suite struct ProvenanceCommandTests {
  static let root = FixturePaths.repositoryRoot()

  /// The SHA-256 of a file, by the system's `sha256sum`: an implementation other than ours.
  static func sha256(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data.prefix(64), as: UTF8.self)
  }

  /// A manifest in `folder` auditing the hiring data scored by a shell `command` that reads
  /// `years_experience`, under `policies` (the four-fifths pack), with `sections` added.
  static func commandManifest(
    in folder: String, command: String, sections: String = "",
    policies: String = "eeoc-four-fifths"
  ) throws -> String {
    try FixturePaths.temporaryFile(
      "audit.yaml",
      contents: """
        audit: command-audit
        model:
          command: "\(command)"
          features: [years_experience]
          output: probability
        data:
          file: \(root)/fixtures/hiring/hiring.csv
          id_column: applicant_id
          label: qualified
          favourable_label: "yes"
        decision:
          space: probability
          threshold: 0.5
          favourable: above
        protected:
          - name: sex
            column: sex
        \(sections)
        statistics:
          bootstrap: 0
        policies: [\(policies)]

        """, directory: folder)
  }

  @Test func aPolicyThatExtendsAPackRecordsThePackItExtends() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-provenance")
    let child = try FixturePaths.temporaryFile(
      "house.yaml",
      contents: """
        policy: house-ll144
        title: House rules on top of NYC Local Law 144
        version: "3"
        extends: [nyc-ll144]

        """, directory: folder)
    _ = try DemoManifest.copy(
      "fixtures/hiring/audit.yaml", into: folder,
      replacing: [
        ("policies: [nyc-ll144, eeoc-four-fifths, attribution-guardrails]", "policies: [\(child)]"),
        ("  distribution_date: 2026-11-15\n", ""),
      ])
    try FairGateBinary.expect(
      [
        "audit", folder + "/audit.yaml", "--format", "json", "--format", "html", "--out",
        folder + "/out",
        "--as-of", "2026-12-04",
      ], directory: Self.root)
    let document = try FindingsDocument.decode(
      from: Data(contentsOf: URL(fileURLWithPath: folder + "/out/findings.json")))
    let policies = document.provenance.policies
    #expect(policies.map(\.id) == ["house-ll144", "nyc-ll144"])
    #expect(policies[0].extendedBy == nil)
    #expect(policies[0].sha256 == (try Self.sha256(child)))
    #expect(policies[1].extendedBy == ["house-ll144"])
    #expect(policies[1].path == "policies/nyc-ll144.yaml")
    #expect(policies[1].sha256 == (try Self.sha256(Self.root + "/policies/nyc-ll144.yaml")))
    // Every row is scored and counted; rows of unknown sex are left out of the sex
    // comparisons only.
    #expect(document.provenance.data.rowsUsed == document.provenance.data.rows)
    #expect(document.scope.groupings.first { $0.name == "sex" }?.unknownCount == 80)
    // Each finding names its policy by its title, not its id again.
    #expect(!document.findings.isEmpty)
    for finding in document.findings {
      #expect(finding.policy.title == "House rules on top of NYC Local Law 144")
    }
    let html = try String(contentsOfFile: folder + "/out/report.html", encoding: .utf8)
    #expect(html.contains("(extended by house-ll144)"))
    // The pack's published summary comes with it, and says what the manifest left out.
    let summary = try #require(document.evidence.ll144)
    #expect(summary.dataKind == .test)
    #expect(summary.testDataExplanation?.hasPrefix("Test data: the tool has not been used") == true)
    #expect(
      summary.missing == ["report.distribution_date: the date the tool was first distributed"])
    #expect(html.contains("Incomplete for publication"))
    // Categories under 2% of the data are left out of the impact ratios (§ 5-301(d)).
    let excluded = summary.categories.filter(\.excluded)
    #expect(!excluded.isEmpty)
    #expect(excluded.allSatisfy { $0.impactRatio == nil })
    // A launcher ships the pack the policy extends with it.
    let listed = try FairGateBinary.expect(
      ["evidence", "inputs", folder + "/audit.yaml"], directory: Self.root)
    let files = listed.standardOutput.split(separator: "\n").map(String.init)
    #expect(files.contains(PathText.normalised(child)), "\(files)")
    #expect(files.contains(Self.root + "/policies/nyc-ll144.yaml"), "\(files)")
  }

  @Test func everyFindingCitesEverySourceOfItsRule() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-citations")
    try FairGateBinary.expect(
      [
        "audit", "fixtures/hiring/audit.yaml", "--format", "json", "--out", folder,
        "--as-of", "2026-12-04",
      ], status: 1, directory: Self.root)
    let document = try FindingsDocument.decode(
      from: Data(contentsOf: URL(fileURLWithPath: folder + "/findings.json")))
    // The four-fifths rule cites the regulation, the courts' practice behind its test and
    // the withdrawn EEOC guidance, in the pack's order.
    let ratio = try #require(
      document.findings.first { $0.rule.id == "eeoc.impact-ratio" && $0.pValue != nil })
    #expect(ratio.citations.map(\.kind) == [.law, .practice, .guidance])
    #expect(ratio.citations.map(\.status) == [.inForce, .inForce, .withdrawn])
    // A tested rule records the significance level its p-value was compared with, and a
    // compared one the bounds of its requirement.
    #expect(ratio.alpha == 0.05)
    #expect(ratio.requirementBounds == [0.8])
  }

  /// A scoring command that edits the manifest, the applied policy or the policy it extends
  /// while the audit runs: the digests would no longer describe what the audit read, so it
  /// stops with exit 2 and names the file.
  @Test(arguments: ["audit.yaml", "house.yaml", "base.yaml"])
  func anInputThatChangesDuringTheAuditStopsIt(edited: String) throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-changing")
    let house = try FixturePaths.temporaryFile(
      "house.yaml",
      contents: """
        policy: house
        title: House rules
        version: "1"
        extends: [base.yaml]

        """, directory: folder)
    _ = try FixturePaths.temporaryFile(
      "base.yaml",
      contents: """
        policy: base
        title: Base rules
        version: "1"
        extends: [eeoc-four-fifths]

        """, directory: folder)
    let manifest = try Self.commandManifest(
      in: folder,
      command: "echo '# edited while the audit ran' >> \(folder)/\(edited); "
        + "awk -F, 'NR>1{print 0.4}'",
      policies: house)
    let run = try FairGateBinary.expect(
      ["audit", manifest, "--format", "json", "--out", folder + "/out", "--as-of", "2026-12-04"],
      status: 2, directory: Self.root)
    #expect(
      run.standardError.contains("fairgate-changing-"), "\(run.standardError)")
    #expect(
      run.standardError.contains("/\(edited): error: the file changed"), "\(run.standardError)")
    #expect(run.standardError.contains("changed while the audit ran"), "\(run.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/findings.json"))
  }

  /// A scoring command is recorded by its command line and the digest of its text; the
  /// reason-code table and the attribution background by their files' digests.
  @Test func aScoringCommandAndTheSupportingFilesAreRecorded() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-command-provenance")
    let command = "awk -F, 'NR>1{print ($1 > 10) ? 0.7 : 0.3}'"
    let table = try FixturePaths.temporaryFile(
      "reasons.yaml",
      contents: """
        reason_codes:
          - code: RC_EXPERIENCE
            text: Years of relevant experience
            features: [years_experience]

        """, directory: folder)
    let manifest = try Self.commandManifest(
      in: folder, command: command,
      sections: """
        attributions:
          method: kernel
          background:
            file: \(Self.root)/fixtures/hiring/background.csv
        reasons:
          table: reasons.yaml
        """)
    try FairGateBinary.expect(
      [
        "audit", manifest, "--format", "json", "--format", "html", "--out", folder + "/out",
        "--as-of", "2026-12-04",
      ], directory: Self.root)
    let document = try FindingsDocument.decode(
      from: Data(contentsOf: URL(fileURLWithPath: folder + "/out/findings.json")))
    let model = try #require(document.provenance.model)
    #expect(model.format == "command")
    #expect(model.path == "command: " + command)
    let commandText = try FixturePaths.temporaryFile("command.txt", contents: command)
    #expect(model.sha256 == (try Self.sha256(commandText)))
    let files = try #require(document.provenance.supportingFiles)
    #expect(files.map(\.role) == ["reason-code table", "attribution background"])
    #expect(files.first?.sha256 == (try Self.sha256(table)))
    #expect(
      files.last?.sha256 == (try Self.sha256(Self.root + "/fixtures/hiring/background.csv")))
    let html = try String(contentsOfFile: folder + "/out/report.html", encoding: .utf8)
    #expect(html.contains("the program the command runs is not hashed"))
  }
}
