import Foundation
import Testing
import _FairTestSupport

/// `fairgate evidence partial|merge` and `fairgate audit --evidence`, through the binary: the
/// audit of merged partial evidence gives the findings of the audit of the data, and bad
/// partials are refused with exit 2 and a message naming the file and what differs.
@Suite(.serialized) struct EvidenceCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let vendor = root + "/fixtures/hiring/vendor-scores.yaml"
  static let environment = ["SOURCE_DATE_EPOCH": "1764806400"]

  /// Runs `fairgate` and expects `status`.
  @discardableResult
  func fairgate(
    _ arguments: [String], input: String? = nil, status: Int32 = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> CommandResult {
    try FairGateBinary.expect(
      arguments, status: status, directory: Self.root, environment: Self.environment,
      standardInput: input, sourceLocation: sourceLocation)
  }

  /// The partial evidence of the vendor audit's whole data, as one partition.
  func wholePartial(_ folder: String, id: String = "all") throws -> String {
    let path = folder + "/\(id).json"
    try fairgate(["evidence", "partial", Self.vendor, "--partition-id", id, "--out", path])
    return path
  }

  /// The vendor manifest with its data file named by absolute path, changed by `edit`,
  /// written into `folder` as `name`.
  func vendorManifest(in folder: String, named name: String, _ edit: (String) -> String) throws
    -> String
  {
    let text = try String(contentsOfFile: Self.vendor, encoding: .utf8)
      .replacingOccurrences(
        of: "  file: hiring.csv", with: "  file: \(Self.root)/fixtures/hiring/hiring.csv")
    let path = folder + "/" + name
    try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// A copy of the partial evidence at `partial` whose `evidence` object `edit` changed,
  /// written next to it as `name`.
  func editedPartial(
    _ partial: String, named name: String, _ edit: (inout [String: Any]) throws -> Void
  ) throws -> String {
    var document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: partial)))
        as? [String: Any])
    var evidence = try #require(document["evidence"] as? [String: Any])
    try edit(&evidence)
    document["evidence"] = evidence
    let path = (partial as NSString).deletingLastPathComponent + "/" + name
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// A copy of the partial evidence at `partial`, as another partition (`again`), with each of
  /// `replacements` made in its text, written next to it as `edited.json`; each text must
  /// occur, so that a change of the format fails the test rather than testing nothing.
  func rewrittenPartial(_ partial: String, replacing replacements: [(String, String)]) throws
    -> String
  {
    var bytes = try String(contentsOfFile: partial, encoding: .utf8)
    for (old, new) in replacements + [("\"id\":\"all\"", "\"id\":\"again\"")] {
      #expect(bytes.contains(old), "the partial evidence no longer holds \(old)")
      bytes = bytes.replacingOccurrences(of: old, with: new)
    }
    let path = (partial as NSString).deletingLastPathComponent + "/edited.json"
    try bytes.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func oneMergedPartitionGivesTheDirectAuditsFindingsByteForByte() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let partial = try wholePartial(folder)
    try fairgate(["evidence", "merge", partial, "--out", folder + "/merged.json"])
    let common = ["--as-of", "2026-12-03", "--format", "json", "--format", "junit"]
    try fairgate(
      ["audit", Self.vendor, "--evidence", folder + "/merged.json", "--out", folder + "/ev"]
        + common, status: 1)
    try fairgate(["audit", Self.vendor, "--out", folder + "/direct"] + common, status: 1)
    for file in ["findings.json", "junit.xml"] {
      let fromEvidence = try Data(contentsOf: URL(fileURLWithPath: folder + "/ev/" + file))
      let direct = try Data(contentsOf: URL(fileURLWithPath: folder + "/direct/" + file))
      #expect(fromEvidence == direct, "\(file) differs")
    }
  }

  @Test func partitionsReadFromStandardInputMergeToTheSameFindings() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let text = try String(
      contentsOfFile: Self.root + "/fixtures/hiring/hiring.csv", encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines.removeFirst()
    // Every third row in one partition, the rest in another: both hold rows of every group.
    let parts = [
      lines.enumerated().filter { $0.offset % 3 == 0 }.map(\.element),
      lines.enumerated().filter { $0.offset % 3 != 0 }.map(\.element),
    ]
    var partials: [String] = []
    for (index, rows) in parts.enumerated() {
      let result = try fairgate(
        ["evidence", "partial", Self.vendor, "--partition-id", "p\(index)", "--input", "-"],
        input: ([header] + rows).joined(separator: "\n") + "\n")
      let path = folder + "/p\(index).json"
      try result.standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
      partials.append(path)
    }
    try fairgate(["evidence", "merge"] + partials.reversed() + ["--out", folder + "/merged.json"])
    let common = ["--as-of", "2026-12-03", "--format", "json"]
    try fairgate(
      ["audit", Self.vendor, "--evidence", folder + "/merged.json", "--out", folder + "/ev"]
        + common, status: 1)
    try fairgate(["audit", Self.vendor, "--out", folder + "/direct"] + common, status: 1)
    func document(_ path: String) throws -> [String: Any] {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
    let merged = try document(folder + "/ev/findings.json")
    let direct = try document(folder + "/direct/findings.json")
    let provenance = try #require(merged["provenance"] as? [String: Any])
    let partitions = try #require(provenance["partitions"] as? [[String: Any]])
    #expect(partitions.map { $0["id"] as? String } == ["p0", "p1"])
    #expect(partitions.compactMap { $0["rows"] as? Int }.reduce(0, +) == lines.count)
    // The data digest differs (on merged evidence, a digest of the partitions'), and only
    // the merged audit lists the partitions; everything else is equal.
    func canonical(_ document: [String: Any]) throws -> Data {
      var copy = document
      var record = copy["provenance"] as? [String: Any] ?? [:]
      var data = record["data"] as? [String: Any] ?? [:]
      data["sha256"] = nil
      record["data"] = data
      record["partitions"] = nil
      copy["provenance"] = record
      return try JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys])
    }
    #expect(try canonical(merged) == canonical(direct))
  }

  @Test func mergeRefusesARepeatedPartition() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let partial = try wholePartial(folder)
    let copy = folder + "/copy.json"
    try FileManager.default.copyItem(atPath: partial, toPath: copy)
    let result = try fairgate(
      ["evidence", "merge", partial, copy, "--out", folder + "/merged.json"], status: 2)
    #expect(
      result.standardError.contains("copy.json: error: 'partitions': repeats partition 'all'"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/merged.json"))
  }

  @Test func mergeRefusesAMissingOrUnexpectedPartition() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let partial = try wholePartial(folder)
    let expected = folder + "/expected.txt"
    try "all\nsecond\n".write(toFile: expected, atomically: true, encoding: .utf8)
    var result = try fairgate(
      ["evidence", "merge", partial, "--expected", expected, "--out", folder + "/m.json"],
      status: 2)
    #expect(result.standardError.contains("partition 'second' is missing of the 2 expected"))
    try "first\n".write(toFile: expected, atomically: true, encoding: .utf8)
    result = try fairgate(
      ["evidence", "merge", partial, "--expected", expected, "--out", folder + "/m.json"],
      status: 2)
    #expect(result.standardError.contains("partition 'first' is missing"))
  }

  @Test func mergeRefusesPartialsOfAnotherManifestOrVersion() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let partial = try wholePartial(folder)
    // Another manifest: the same audit with another seed.
    let other = try vendorManifest(in: folder, named: "other.yaml") {
      $0.replacingOccurrences(of: "  seed: 7", with: "  seed: 8")
    }
    let otherPartial = folder + "/other.json"
    try fairgate(["evidence", "partial", other, "--partition-id", "b", "--out", otherPartial])
    var result = try fairgate(
      ["evidence", "merge", partial, otherPartial, "--out", folder + "/m.json"], status: 2)
    #expect(
      result.standardError.contains(
        "other.json: error: 'inputs.manifestSHA256': differs from"),
      "\(result.standardError)")
    // Another version of the tool.
    let edited = try rewrittenPartial(
      partial, replacing: [("\"tool\":\"fairgate ", "\"tool\":\"fairgate 9.")])
    result = try fairgate(
      ["evidence", "merge", partial, edited, "--out", folder + "/m.json"], status: 2)
    #expect(result.standardError.contains("partials of different versions do not merge"))
    // And the audit of evidence refuses a manifest it was not computed with.
    result = try fairgate(
      ["audit", other, "--evidence", partial, "--as-of", "2026-12-03"], status: 2)
    #expect(
      result.standardError.contains(
        "all.json: error: 'inputs.manifestSHA256': was computed with another manifest"))
  }

  /// Partitions that read another reason-code table or attribution background than the
  /// others (or than the audit's manifest declares now) do not merge and are not audited.
  @Test func mergeRefusesPartialsOfOtherSupportingFiles() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let partial = try wholePartial(folder)
    let edited = try rewrittenPartial(
      partial,
      replacing: [
        (
          "\"policies\":",
          "\"supportingFiles\":[{\"role\":\"reason-code table\",\"sha256\":\""
            + String(repeating: "0", count: 64) + "\"}],\"policies\":"
        )
      ])
    var result = try fairgate(
      ["evidence", "merge", partial, edited, "--out", folder + "/m.json"], status: 2)
    #expect(
      result.standardError.contains(
        "edited.json: error: 'inputs.supportingFiles': differ from"),
      "\(result.standardError)")
    result = try fairgate(
      ["audit", Self.vendor, "--evidence", edited, "--as-of", "2026-12-03"], status: 2)
    #expect(
      result.standardError.contains(
        "'inputs.supportingFiles': was computed with another reason-code table or attribution"),
      "\(result.standardError)")
  }

  @Test(
    arguments: [
      ("{\"schema\": \"fairgate.findings/1\"}", "'format': is missing"),
      ("not json", "is not a JSON object"),
      ("", "is empty; expected fairgate.partial-evidence/1"),
      (
        "{\"format\": \"fairgate.partial-evidence/2\"}",
        "'format': is 'fairgate.partial-evidence/2'"
      ),
    ])
  func readingRefusesWhatIsNotPartialEvidence(text: String, message: String) throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let path = folder + "/bad.json"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try fairgate(["evidence", "merge", path, "--out", folder + "/m.json"], status: 2)
    #expect(result.standardError.contains("bad.json: error: \(message)"), "\(result.standardError)")
  }

  @Test func readingRefusesTalliesThatDoNotFitTogether() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let partial = try wholePartial(folder)
    let damaged = try editedPartial(partial, named: "damaged.json") { evidence in
      var outcomes = try #require(evidence["outcomes"] as? [[String: Any]])
      var first = outcomes[0]
      var slices = try #require(first["slices"] as? [Any])
      slices.removeLast()
      first["slices"] = slices
      outcomes[0] = first
      evidence["outcomes"] = outcomes
    }
    let result = try fairgate(
      ["audit", Self.vendor, "--evidence", damaged, "--as-of", "2026-12-03"], status: 2)
    #expect(
      result.standardError.contains(
        "damaged.json: error: 'evidence': 'outcomes[0]' does not fit its grouping's slices"),
      "\(result.standardError)")
  }

  @Test func aPartitionOfTheRowsNeedsARowIDColumn() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let manifest = try vendorManifest(in: folder, named: "no-id.yaml") {
      $0.replacingOccurrences(of: "  id_column: applicant_id\n", with: "")
    }
    let result = try fairgate(
      ["evidence", "partial", manifest, "--partition-id", "p0", "--input", "-"],
      input: "applicant_id,sex\n1,Female\n", status: 2)
    #expect(
      result.standardError.contains(
        "no-id.yaml: error: 'data': a partition of the rows needs a row-id column"),
      "\(result.standardError)")
  }

  @Test func aPartitionNeedsOnlyTheFilesInputsLists() throws {
    let listed = try fairgate([
      "evidence", "inputs", Self.root + "/fixtures/german-credit/audit.yaml",
    ])
    let files = listed.standardOutput.split(separator: "\n").map(String.init)
    #expect(files.first == Self.root + "/fixtures/german-credit/audit.yaml")
    #expect(files.contains(Self.root + "/fixtures/german-credit/model.json"))
    #expect(files.contains(Self.root + "/policies/ecoa-reg-b.yaml"))
    #expect(!files.contains { $0.hasSuffix(".csv") }, "the data is not an input: \(files)")
    // The manifest's data file need not exist where a partition of the rows is given.
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let manifest = try vendorManifest(in: folder, named: "elsewhere.yaml") {
      $0.replacingOccurrences(
        of: "\(Self.root)/fixtures/hiring/hiring.csv", with: "/nonexistent/rows.csv")
    }
    let rows = try String(
      contentsOfFile: Self.root + "/fixtures/hiring/hiring.csv", encoding: .utf8)
    let head = rows.split(whereSeparator: \.isNewline).prefix(200).joined(separator: "\n")
    let result = try fairgate(
      ["evidence", "partial", manifest, "--partition-id", "p0", "--input", "-"], input: head + "\n")
    #expect(result.standardOutput.hasPrefix("{\"evidence\":"))
  }

  /// Counts near Int.max overflowed when two partials merged (found by fuzz-partial-evidence).
  ///
  /// Every count is now bounded by the evidence's rows (at most 2³⁰) when a file is read.
  @Test func countsBeyondTheRowsAreRefusedBeforeAnythingAddsThem() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let partial = try wholePartial(folder)
    let damaged = try editedPartial(partial, named: "huge.json") { evidence in
      var scores = try #require(evidence["allScores"] as? [String: Any])
      scores["nanRows"] = Int.max
      evidence["allScores"] = scores
    }
    let result = try fairgate(
      ["evidence", "merge", damaged, partial, "--out", folder + "/m.json"], status: 2)
    #expect(
      result.standardError.contains("huge.json: error: 'evidence': 'allScores' is inconsistent"),
      "\(result.standardError)")
  }

  /// The credit demo's ECOA reasons: tallied by one partition holding every row, they give
  /// the direct audit's findings; tallied by two partitions without the first pass (each
  /// drawing its backgrounds from its own rows), they are said not to merge and their rules
  /// lack data.
  @Test func reasonsOfOnePartitionAreTheAuditsAndOfUnsampledPartitionsAreSaidMissing() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-evidence")
    let manifest = Self.root + "/fixtures/german-credit/audit.yaml"
    let common = ["--as-of", "2026-12-03", "--format", "json"]
    func findings(_ path: String) throws -> [String: Any] {
      let data = try Data(contentsOf: URL(fileURLWithPath: path + "/findings.json"))
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
    func reasonVerdicts(_ document: [String: Any]) -> [String] {
      (document["findings"] as? [[String: Any]] ?? []).compactMap { finding in
        guard let rule = finding["rule"] as? [String: Any], let id = rule["id"] as? String,
          id.hasPrefix("ecoa.reason") || id.hasPrefix("ecoa.no-prohibited-basis-reason")
        else { return nil }
        return finding["verdict"] as? String
      }
    }
    try fairgate(
      ["evidence", "partial", manifest, "--partition-id", "all", "--out", folder + "/all.json"])
    try fairgate(
      ["audit", manifest, "--evidence", folder + "/all.json", "--out", folder + "/one"] + common,
      status: 1)
    try fairgate(["audit", manifest, "--out", folder + "/direct"] + common, status: 1)
    let one = try findings(folder + "/one")
    let direct = try findings(folder + "/direct")
    let oneEvidence = try #require(one["evidence"] as? [String: Any])
    #expect(oneEvidence["unavailable"] == nil)
    #expect(
      try JSONSerialization.data(
        withJSONObject: oneEvidence["reasons"] ?? [:], options: .sortedKeys)
        == JSONSerialization.data(
          withJSONObject: (direct["evidence"] as? [String: Any])?["reasons"] ?? [:],
          options: .sortedKeys))
    #expect(!reasonVerdicts(direct).isEmpty)
    #expect(reasonVerdicts(one) == reasonVerdicts(direct))

    let text = try String(
      contentsOfFile: Self.root + "/fixtures/data/german-credit/german-credit.csv",
      encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines.removeFirst()
    var partials: [String] = []
    for part in 0..<2 {
      let rows = lines.enumerated().filter { $0.offset % 2 == part }.map(\.element)
      let csv = folder + "/part\(part).csv"
      try (([header] + rows).joined(separator: "\n") + "\n").write(
        toFile: csv, atomically: true, encoding: .utf8)
      try fairgate(
        [
          "evidence", "partial", manifest, "--partition-id", "p\(part)", "--input", csv,
          "--out", folder + "/p\(part).json",
        ])
      partials.append(folder + "/p\(part).json")
    }
    try fairgate(["evidence", "merge"] + partials + ["--out", folder + "/merged.json"])
    try fairgate(
      ["audit", manifest, "--evidence", folder + "/merged.json", "--out", folder + "/two"]
        + common, status: 1)
    let two = try findings(folder + "/two")
    let evidence = try #require(two["evidence"] as? [String: Any])
    let unavailable = try #require(evidence["unavailable"] as? [String])
    #expect(unavailable.contains { $0.hasPrefix("adverse-action reasons:") }, "\(unavailable)")
    #expect(evidence["reasons"] == nil)
    #expect(!reasonVerdicts(two).isEmpty)
    #expect(reasonVerdicts(two).allSatisfy { $0 == "insufficient-data" })
  }
}
