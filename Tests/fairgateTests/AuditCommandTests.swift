import Foundation
import Testing
import _FairTestSupport

/// The audit and policy commands, run as a user runs them: exit statuses and the corpus of
/// malformed policies and manifests.
@Suite struct AuditCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let corpusFolder = "Tests/fairgateTests/Fixtures/bad-inputs/"

  static let corpus: [(file: String, place: String, message: String)] = [
    (
      "manifest-bad-yaml.yaml", "manifest-bad-yaml.yaml:16:1",
      "invalid YAML: did not find expected ',' or '}'"
    ),
    (
      "manifest-column-not-in-data.yaml", "manifest-column-not-in-data.yaml:13:13",
      "the protected attribute column 'sexx' is not a column of '../../../../"
    ),
    (
      "manifest-duplicate-attribute.yaml", "manifest-duplicate-attribute.yaml:14:11",
      "duplicate protected attribute 'sex'"
    ),
    (
      "manifest-impossible-date.yaml", "manifest-impossible-date.yaml:19:14",
      "'2026-02-30' is not a calendar date: February 2026 has 28 days"
    ),
    (
      "manifest-missing-model.yaml", "manifest-missing-model.yaml:3:9",
      "the model file 'missing-model.json' does not exist"
    ),
    (
      "manifest-missing-policy-file.yaml", "manifest-missing-policy-file.yaml:14:12",
      "the policy file './no-such-policy.yaml' does not exist"
    ),
    (
      "manifest-negative-bootstrap.yaml", "manifest-negative-bootstrap.yaml:15:14",
      "expected 0 or more bootstrap replicates, found -5"
    ),
    (
      "manifest-overlapping-bins.yaml", "manifest-overlapping-bins.yaml:14:20",
      "bins overlap: edge 30 is not above the edge before it, 40; edges must "
    ),
    (
      "manifest-threshold-out-of-range.yaml", "manifest-threshold-out-of-range.yaml:8:14",
      "expected a probability threshold between 0 and 1 (exclusive), found 1."
    ),
    (
      "manifest-undeclared-intersection.yaml", "manifest-undeclared-intersection.yaml:15:11",
      "'race' is not a declared protected attribute"
    ),
    (
      "manifest-unknown-key.yaml", "manifest-unknown-key.yaml:12:5",
      "missing 'column' or 'probabilities' in a protected attribute"
    ),
    (
      "manifest-unknown-pack.yaml", "manifest-unknown-pack.yaml:14:12",
      "no shipped policy pack 'eeoc-four-fifth'; a policy file's path contain"
    ),
    (
      "manifest-unknown-reference.yaml", "manifest-unknown-reference.yaml:14:16",
      "the reference group 'Mle' is not a value of column 'sex'"
    ),
    (
      "manifest-waiver-without-expiry.yaml", "manifest-waiver-without-expiry.yaml:16:5",
      "missing required key 'expires' in a waiver"
    ),
    (
      "manifest-wrong-type.yaml", "manifest-wrong-type.yaml:11:12",
      "expected a list, found a string 'sex'"
    ),
    (
      "policy-alpha.yaml", "policy-alpha.yaml:9:12",
      "'alpha' must be greater than 0 and less than 1, found 1.5"
    ),
    (
      "policy-bad-comparison.yaml", "policy-bad-comparison.yaml:7:15",
      "expected a comparison ('>=', '>', '<=', '<', '==', '!=', 'between' or "
    ),
    (
      "policy-bad-severity.yaml", "policy-bad-severity.yaml:8:15",
      "unknown severity 'fatal'; expected 'info', 'warning' or 'error'"
    ),
    (
      "policy-bad-yaml.yaml", "policy-bad-yaml.yaml:9:4",
      "invalid YAML: did not find expected '-' indicator"
    ),
    (
      "policy-cycle-a.yaml", "policy-cycle-b.yaml:4:11",
      "'extends' forms a cycle: cycle-a -> cycle-b -> cycle-a"
    ),
    ("policy-duplicate-id.yaml", "policy-duplicate-id.yaml:9:9", "duplicate rule id 'a'"),
    (
      "policy-features-on-slice-metric.yaml", "policy-features-on-slice-metric.yaml:9:15",
      "'features' does not apply to 'selection_rate', which is measured per s"
    ),
    (
      "policy-inverted-between.yaml", "policy-inverted-between.yaml:7:23",
      "'between 2 and 1' is an empty range: 2 is greater than 1"
    ),
    ("policy-tab.yaml", "policy-tab.yaml:6:1", "tab in indentation; YAML indents with spaces"),
    ("policy-unknown-key.yaml", "policy-unknown-key.yaml:8:5", "unknown key 'sevrity' in a rule"),
    (
      "policy-unknown-metric.yaml", "policy-unknown-metric.yaml:6:13",
      "unknown metric 'equalised_odds'"
    ),
    (
      "policy-wrong-kind-threshold.yaml", "policy-wrong-kind-threshold.yaml:7:18",
      "'selection_rate' is a rate in [0, 1]; did you mean 0.8?"
    ),
    ("policy-wrong-type.yaml", "policy-wrong-type.yaml:8:15", "expected a string, found a list"),
  ]

  /// Every malformed input exits with 2 and names the file, line and column of its first
  /// problem; none crashes or hangs (each run is bounded by the test's time limit).
  @Test(.timeLimit(.minutes(2)), arguments: corpus)
  func malformedInputsExitWithTwoAndALocatedMessage(file: String, place: String, message: String)
    throws
  {
    let path = Self.corpusFolder + file
    let arguments =
      file.hasPrefix("policy-")
      ? ["policy", "check", path] : ["audit", path, "--as-of", "2026-12-03"]
    let result = try FairGateBinary.run(arguments, directory: Self.root)
    #expect(result.status == 2, "\(file): \(result.standardError)")
    #expect(
      result.standardError.contains(Self.corpusFolder + place + ": error: " + message),
      "\(result.standardError)")
    #expect(result.standardOutput.isEmpty, "no partial report on bad input")
  }

  @Test func theGateDecidesTheExitStatus() throws {
    let manifest = "fixtures/german-credit/audit.yaml"
    let failing = try FairGateBinary.run(
      ["audit", manifest, "--as-of", "2026-12-03"], directory: Self.root)
    #expect(failing.status == 1, "\(failing.standardError)")
    #expect(failing.standardOutput.contains("Result: FAILED"))
    // Off a terminal, each long task gets one quiet line on standard error.
    for line in [
      "fairgate: reading and scoring the data: scoring: 1,000 rows in ",
      "fairgate: measuring and applying the rules: attributions: 1,000 rows in ",
      "fairgate: measuring and applying the rules: bootstrap of outcomes: 1,000 rows in ",
    ] {
      #expect(failing.standardError.contains(line), "\(failing.standardError)")
    }
    let never = try FairGateBinary.run(
      ["audit", manifest, "--as-of", "2026-12-03", "--fail-on", "never"], directory: Self.root)
    #expect(never.status == 0, "\(never.standardError)")
    let usage = try FairGateBinary.run(
      ["audit", manifest, "--as-of", "2026-13-45"], directory: Self.root)
    #expect(usage.status == 2)
    #expect(usage.standardError.contains("'--as-of' expects a date"))
  }

  @Test func policyListShowsEveryPackWithItsCitations() throws {
    let result = try FairGateBinary.run(["policy", "list"], directory: Self.root)
    #expect(result.status == 0, "\(result.standardError)")
    for pack in [
      "eeoc-four-fifths", "nyc-ll144", "ecoa-reg-b", "eu-ai-act", "attribution-guardrails",
    ] {
      #expect(result.standardOutput.contains(pack + " "))
    }
    #expect(result.standardOutput.contains("WITHDRAWN"))
  }

  @Test func initWritesAManifestThatAudits() throws {
    let folder = try FixturePaths.temporaryDirectory()
    let written = try FairGateBinary.run(
      [
        "init", "--model", Self.root + "/fixtures/german-credit/model.json", "--data",
        Self.root + "/fixtures/data/german-credit/german-credit.csv", "--output",
        folder + "/fairgate.yaml",
      ], directory: folder)
    #expect(written.status == 0, "\(written.standardError)")
    let again = try FairGateBinary.run(
      [
        "init", "--data", Self.root + "/fixtures/data/german-credit/german-credit.csv",
        "--output", folder + "/fairgate.yaml",
      ], directory: folder)
    #expect(again.status == 2)
    #expect(again.standardError.contains("give '--force' to overwrite it"))
    let audit = try FairGateBinary.run(
      ["audit", "--as-of", "2026-12-03", "--fail-on", "never"], directory: folder)
    #expect(audit.status == 0, "\(audit.standardError)")
  }

  /// A recorded score left blank would count as not above the median (and, without a
  /// decision column, be decided unfavourable): the audit stops instead, naming the file, the
  /// column and the first such row.
  @Test func aRowWithoutItsRecordedScoreStopsTheAudit() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-blank-score")
    var lines = try String(
      contentsOfFile: Self.root + "/fixtures/hiring/hiring.csv", encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let column = try #require(lines[0].split(separator: ",").firstIndex(of: "vendor_score"))
    for line in [4, 11] {
      var fields = lines[line].split(separator: ",", omittingEmptySubsequences: false)
      fields[column] = ""
      lines[line] = fields.joined(separator: ",")
    }
    let data = folder + "/hiring.csv"
    try lines.joined(separator: "\n").write(toFile: data, atomically: true, encoding: .utf8)
    let manifest = try DemoManifest.copy(
      "fixtures/hiring/vendor-scores.yaml", into: folder,
      replacing: [("file: \(Self.root)/fixtures/hiring/hiring.csv", "file: \(data)")])
    let result = try FairGateBinary.run(
      ["audit", manifest, "--out", folder + "/out", "--as-of", "2026-12-03"],
      directory: Self.root)
    #expect(result.status == 2, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        data + ": error: column 14 'vendor_score': the score is missing in data row 3 "
          + "(0-based) and 1 more; a row without a score would count as not above the median"),
      "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/findings.json"))
  }

  @Test func reportsAreByteIdenticalForTheSameInputsSeedAndEpoch() throws {
    let folder = try FixturePaths.temporaryDirectory()
    let formats = ["json", "junit", "markdown", "html"].flatMap { ["--format", $0] }
    var outputs: [[String]] = []
    for (run, threads) in [(1, "1"), (2, "4")] {
      let result = try FairGateBinary.run(
        [
          "audit", "fixtures/hiring/vendor-scores.yaml", "--threads", threads, "--out",
          folder + "/\(run)",
        ]
          + formats, directory: Self.root, environment: ["SOURCE_DATE_EPOCH": "1780000000"])
      #expect(result.status == 1, "\(result.standardError)")
      outputs.append(
        try ["findings.json", "junit.xml", "summary.md", "report.html"].map {
          try String(contentsOfFile: folder + "/\(run)/" + $0, encoding: .utf8)
        })
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0][0].contains("\"generated_at\" : \"2026-05-28T20:26:40Z\""))
  }
}
