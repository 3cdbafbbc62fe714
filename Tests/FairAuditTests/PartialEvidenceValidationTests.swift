import FairAudit
import Foundation
import Testing
import _FairTestSupport

/// Partial evidence that no set of rows gives is refused as it is read, with the file and the
/// place: never a trap on a count that overflows, a figure from a map that merges differently
/// in each order, or a stored figure that is not its counts'.
@Suite struct PartialEvidenceValidationTests {
  static let root = FixturePaths.repositoryRoot()
  /// The German credit demo's partial evidence of all rows.
  static let credit: Result<Data, any Error> = Result {
    try AuditPipeline.partial(
      manifest: root + "/fixtures/german-credit/audit.yaml", partitionID: "all",
      options: PartialEvidenceMergeTests.options
    ).encoded()
  }

  /// The same with counterfactual flips of the binned age.
  static let flips: Result<Data, any Error> = Result {
    try AuditPipeline.partial(
      manifest: PartialEvidenceMergeTests.creditManifestWithFlips, partitionID: "all",
      options: PartialEvidenceMergeTests.options
    ).encoded()
  }

  static func object(_ file: Result<Data, any Error>) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: file.get()) as? [String: Any])
  }

  /// A change to a partial file's `evidence` object, and what its refusal says.
  struct Damage: Sendable, CustomTestStringConvertible {
    var name: String
    var withFlips = false
    var message: String
    var edit: @Sendable (inout [String: Any]) throws -> Void

    var testDescription: String { name }
  }

  /// Sets `value` at `path` (keys, and indexes into arrays) of `object`.
  static func set(_ value: Any, at path: [Any], in object: inout [String: Any]) throws {
    func setting(_ value: Any, at path: ArraySlice<Any>, in node: Any) throws -> Any {
      guard let step = path.first else { return value }
      if let key = step as? String, var dictionary = node as? [String: Any] {
        dictionary[key] = try setting(value, at: path.dropFirst(), in: dictionary[key] as Any)
        return dictionary
      }
      if let index = step as? Int, var array = node as? [Any], array.indices.contains(index) {
        array[index] = try setting(value, at: path.dropFirst(), in: array[index])
        return array
      }
      throw CocoaError(.coderValueNotFound)
    }
    object = try #require(setting(value, at: path[...], in: object) as? [String: Any])
  }

  static let damages: [Damage] = [
    Damage(
      name: "replicates whose shape overflows",
      message: "'outcomes[0]' does not fit its grouping's slices and replicates"
    ) { try set(1 << 62, at: ["outcomes", 0, "replicates", "replicateCount"], in: &$0) },
    Damage(
      name: "a proxy map whose shape overflows",
      message: "'proxies[0]' does not fit its grouping's slices"
    ) { try set(1 << 62, at: ["proxies", 0, "counts", "sliceCount"], in: &$0) },
    Damage(
      name: "a layout of more rows than the evidence",
      message: "'layouts[0]' counts 9223372036854775807 rows"
    ) { try set(Int.max, at: ["layouts", 0, "rowCount"], in: &$0) },
    Damage(
      name: "a layout whose names are not its parts",
      message: "'layouts[0]' has slice names that are not its slices' parts"
    ) { evidence in
      let layout = try #require((evidence["layouts"] as? [[String: Any]])?.first)
      let names = try #require(layout["sliceNames"] as? [String])
      try set(Array(names.reversed()), at: ["layouts", 0, "sliceNames"], in: &evidence)
    },
    Damage(
      name: "an attribution column named twice",
      message: "'attributions.columns.featureNames' names a column twice"
    ) { evidence in
      try set("duration_months", at: ["attributions", "columns", "featureNames", 0], in: &evidence)
    },
    Damage(name: "no map of every score", message: "'allScores' is missing") {
      $0["allScores"] = nil
    },
    Damage(name: "no map of a slice's scores", message: "'outcomes[0].scores' has 0 maps") {
      try set([Any](), at: ["outcomes", 0, "scores"], in: &$0)
    },
    Damage(
      name: "a flip rate that is not its counts'", withFlips: true,
      message: "'flips[0]' has a rate or interval that is not its counts'"
    ) { try set(0.5, at: ["flips", 0, "flip", "rate"], in: &$0) },
    Damage(
      name: "a flip of another attribute", withFlips: true,
      message: "'flips[0]' names the attribute 'other'"
    ) { try set("other", at: ["flips", 0, "flip", "attribute"], in: &$0) },
    Damage(
      name: "a flip from one partition's values in merged evidence", withFlips: true,
      message: "'flips[0]' tried a value taken from one partition's rows"
    ) { evidence in
      try set(true, at: ["flips", 0, "dependsOnPartition"], in: &evidence)
      try set(2, at: ["partitionCount"], in: &evidence)
    },
  ]

  @Test(arguments: damages)
  func damagedTalliesAreRefusedAsRead(_ damage: Damage) throws {
    var document = try Self.object(damage.withFlips ? Self.flips : Self.credit)
    var evidence = try #require(document["evidence"] as? [String: Any])
    try damage.edit(&evidence)
    document["evidence"] = evidence
    let path =
      try FixturePaths.temporaryDirectory(named: "fairgate-damaged-evidence") + "/damaged.json"
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
    let error = try #require(
      throws: PartialEvidenceError.self,
      performing: { try PartialEvidence.read(contentsOf: path) })
    #expect("\(error)".contains("damaged.json"), "\(error)")
    #expect("\(error)".contains(damage.message), "\(error)")
  }

  /// The undamaged files are read back, so that each refusal is the damage's.
  @Test func theUndamagedFilesAreRead() throws {
    for source in [Self.credit, Self.flips] {
      let path =
        try FixturePaths.temporaryDirectory(named: "fairgate-undamaged-evidence") + "/whole.json"
      try source.get().write(to: URL(fileURLWithPath: path))
      _ = try PartialEvidence.read(contentsOf: path)
    }
  }

  /// Two files of 2²⁹ + 1 rows each are read, and their merge is refused: together they count
  /// more rows than the fixed-point sums hold.
  @Test func aMergePastTheMostRowsIsRefused() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-many-rows")
    var partials: [(path: String, evidence: PartialEvidence)] = []
    for id in ["a", "b"] {
      var document = try Self.object(Self.credit)
      var evidence = try #require(document["evidence"] as? [String: Any])
      let rows = try #require(evidence["rowCount"] as? Int)
      let claimed = (1 << 29) + 1
      try Self.set(claimed, at: ["rowCount"], in: &evidence)
      for index in (evidence["layouts"] as? [Any] ?? []).indices {
        try Self.set(claimed, at: ["layouts", index, "rowCount"], in: &evidence)
      }
      let nanRows = try #require((evidence["allScores"] as? [String: Any])?["nanRows"] as? Int)
      try Self.set(nanRows + claimed - rows, at: ["allScores", "nanRows"], in: &evidence)
      document["evidence"] = evidence
      try Self.set(id, at: ["partitions", 0, "id"], in: &document)
      try Self.set(claimed, at: ["partitions", 0, "rows"], in: &document)
      let path = folder + "/\(id).json"
      try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
      partials.append((path, try PartialEvidence.read(contentsOf: path)))
    }
    let error = try #require(
      throws: PartialEvidenceError.self, performing: { try PartialEvidence.merge(partials) })
    #expect("\(error)".contains("b.json"), "\(error)")
    #expect("\(error)".contains("more than 2^30 rows"), "\(error)")
  }
}
