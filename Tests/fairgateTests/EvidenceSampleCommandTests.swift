import Foundation
import Testing
import _FairTestSupport

/// `fairgate evidence passes|sample` and `partial --sample`, through the binary: an audit
/// whose background is sampled from the data, run in two passes over partitions of the rows,
/// gives the findings of the audit of the data; samples that do not fit are refused with
/// exit 2 and a message naming the file and the place.
@Suite(.serialized) struct EvidenceSampleCommandTests {
  static let root = FixturePaths.repositoryRoot()
  static let loss = root + "/fixtures/loss/audit.yaml"
  static let environment = ["SOURCE_DATE_EPOCH": "1764806400"]

  /// Runs `fairgate` in the repository and expects `status`.
  @discardableResult
  func fairgate(
    _ arguments: [String], input: String? = nil, status: Int32 = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> CommandResult {
    try FairGateBinary.expect(
      arguments, status: status, directory: Self.root, environment: Self.environment,
      standardInput: input, sourceLocation: sourceLocation)
  }

  /// The loss demo's rows in three partitions (every third row from the first, …), each a
  /// CSV file with the header in `folder`.
  func partitions(in folder: String) throws -> [String] {
    let text = try String(
      contentsOfFile: Self.root + "/fixtures/loss/credit.csv", encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines.removeFirst()
    return try (0..<3).map { part in
      let rows = lines.enumerated().filter { $0.offset % 3 == part }.map(\.element)
      let path = folder + "/part\(part).csv"
      try (([header] + rows).joined(separator: "\n") + "\n").write(
        toFile: path, atomically: true, encoding: .utf8)
      return path
    }
  }

  /// Each partition's draw, written to `folder`; the second partition's read from standard
  /// input.
  func samples(_ parts: [String], in folder: String, seed: [String] = []) throws -> [String] {
    try parts.enumerated().map { index, part in
      let path = folder + "/sample\(index).json"
      if index == 1 {
        let result = try fairgate(
          ["evidence", "sample", Self.loss, "--partition-id", "p\(index)", "--input", "-"]
            + seed,
          input: try String(contentsOfFile: part, encoding: .utf8))
        try result.standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
      } else {
        try fairgate(
          [
            "evidence", "sample", Self.loss, "--partition-id", "p\(index)", "--input", part,
            "--out", path,
          ] + seed)
      }
      return path
    }
  }

  @Test func twoPassesOverPartitionsGiveTheDirectAuditsFindings() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-sample")
    #expect(try fairgate(["evidence", "passes", Self.loss]).standardOutput == "sample\npartial\n")
    let parts = try partitions(in: folder)
    let samples = try samples(parts, in: folder)
    try fairgate(["evidence", "merge"] + samples.reversed() + ["--out", folder + "/sample.json"])
    var partials: [String] = []
    for (index, part) in parts.enumerated() {
      let path = folder + "/p\(index).json"
      try fairgate([
        "evidence", "partial", Self.loss, "--partition-id", "p\(index)", "--input", part,
        "--sample", folder + "/sample.json", "--out", path,
      ])
      partials.append(path)
    }
    try fairgate(["evidence", "merge"] + partials + ["--out", folder + "/merged.json"])
    let common = ["--as-of", "2026-12-04", "--format", "json"]
    try fairgate(
      ["audit", Self.loss, "--evidence", folder + "/merged.json", "--out", folder + "/ev"]
        + common, status: 1)
    try fairgate(["audit", Self.loss, "--out", folder + "/direct"] + common, status: 1)
    func canonical(_ path: String) throws -> Data {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      var record = document["provenance"] as? [String: Any] ?? [:]
      var source = record["data"] as? [String: Any] ?? [:]
      source["sha256"] = nil
      record["data"] = source
      record["partitions"] = nil
      document["provenance"] = record
      return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }
    let merged = try canonical(folder + "/ev/findings.json")
    #expect(merged == (try canonical(folder + "/direct/findings.json")))
    // The loss-gap rules were evaluated on the merged evidence, not left without data.
    let text = try String(contentsOfFile: folder + "/ev/findings.json", encoding: .utf8)
    #expect(!text.contains("background was sampled from each partition"))
  }

  @Test func anAuditWithNothingSampledHasOnePassAndRefusesToSample() throws {
    let vendor = Self.root + "/fixtures/hiring/vendor-scores.yaml"
    #expect(try fairgate(["evidence", "passes", vendor]).standardOutput == "partial\n")
    // The credit model's attributions need no background (`auto` is path-dependent
    // TreeSHAP), but its ECOA reasons are measured against all applicants: two passes.
    let credit = Self.root + "/fixtures/german-credit/audit.yaml"
    #expect(try fairgate(["evidence", "passes", credit]).standardOutput == "sample\npartial\n")
    let result = try fairgate(
      ["evidence", "sample", vendor, "--partition-id", "p0"], status: 2)
    #expect(result.standardError.contains("vendor-scores.yaml: error: 'policies':"))
    #expect(result.standardError.contains("takes nothing from all the rows beforehand"))
  }

  @Test func aSampleOfAnotherSeedIsRefused() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-sample")
    let parts = try partitions(in: folder)
    let samples = try samples(parts, in: folder, seed: ["--seed", "8"])
    try fairgate(["evidence", "merge"] + samples + ["--out", folder + "/sample.json"])
    let result = try fairgate(
      [
        "evidence", "partial", Self.loss, "--partition-id", "p0", "--input", parts[0],
        "--sample", folder + "/sample.json", "--out", folder + "/p0.json",
      ], status: 2)
    #expect(
      result.standardError.contains(
        "sample.json: error: 'seed': is 8, but this audit's seed is 7"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/p0.json"))
  }

  @Test func damagedOrMismatchedSamplesAreRefused() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-sample")
    let parts = try partitions(in: folder)
    let samples = try samples(parts, in: folder)
    // A sample that keeps more rows than its size.
    let data = try Data(contentsOf: URL(fileURLWithPath: samples[0]))
    var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var sample = try #require(document["sample"] as? [String: Any])
    sample["size"] = 3
    document["sample"] = sample
    let damaged = folder + "/damaged.json"
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: damaged))
    var result = try fairgate(
      ["evidence", "merge", damaged, samples[1], "--out", folder + "/m.json"], status: 2)
    #expect(result.standardError.contains("damaged.json: error: 'sample': keeps"))
    // The same partition drawn twice.
    result = try fairgate(
      ["evidence", "merge", samples[0], samples[0], "--out", folder + "/m.json"], status: 2)
    #expect(result.standardError.contains("error: 'partitions': repeats partition 'p0'"))
    // A sample among partial evidence, and partial evidence among samples.
    try fairgate([
      "evidence", "partial", Self.loss, "--partition-id", "p0", "--input", parts[0],
      "--out", folder + "/p0.json",
    ])
    result = try fairgate(
      ["evidence", "merge", folder + "/p0.json", samples[1], "--out", folder + "/m.json"],
      status: 2)
    #expect(
      result.standardError.contains(
        "sample1.json: error: 'format': is 'fairgate.evidence-sample/1'; expected "
          + "'fairgate.partial-evidence/1'"))
    result = try fairgate(
      ["evidence", "merge", samples[1], folder + "/p0.json", "--out", folder + "/m.json"],
      status: 2)
    #expect(result.standardError.contains("p0.json: error: 'format': is 'fairgate.partial"))
    // A partial with the sample and one without do not merge.
    try fairgate(["evidence", "merge"] + samples + ["--out", folder + "/sample.json"])
    try fairgate([
      "evidence", "partial", Self.loss, "--partition-id", "p1", "--input", parts[1],
      "--sample", folder + "/sample.json", "--out", folder + "/p1.json",
    ])
    result = try fairgate(
      [
        "evidence", "merge", folder + "/p0.json", folder + "/p1.json", "--out",
        folder + "/m.json",
      ], status: 2)
    #expect(
      result.standardError.contains(
        "p1.json: error: 'inputs.sampleSHA256': differs from"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/m.json"))
  }
}
