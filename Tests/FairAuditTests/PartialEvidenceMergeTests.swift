import FairAttribution
import FairAudit
import FairMetrics
import FairPolicy
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// Partial evidence of any split of the rows, merged in any order, equals the evidence of one
/// pass over all rows: the tallies byte for byte, and every figure computed from them,
/// bootstrap intervals and AUCs included.
@Suite struct PartialEvidenceMergeTests {
  static let root = FixturePaths.repositoryRoot()

  static var options: AuditOptions {
    AuditOptions(
      asOf: CalendarDate(daysSinceEpoch: 20_790), threads: 2, packDirectory: root + "/policies")
  }

  /// The rows of a manifest's data file, split at `cuts` after shuffling with `seed`, each
  /// part written to a file with the header.
  static func split(_ data: String, sizes: [Int], seed: UInt64) throws -> [String] {
    let text = try String(contentsOfFile: data, encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines.removeFirst()
    var generator = SplitMix64(seed: seed)
    lines.shuffle(using: &generator)
    try #require(sizes.reduce(0, +) == lines.count)
    let directory = try FixturePaths.temporaryDirectory(named: "fairgate-partitions")
    var start = 0
    return try sizes.enumerated().map { index, size in
      let path = directory + "/part-\(index).csv"
      let body = lines[start..<(start + size)].joined(separator: "\n")
      start += size
      try (header + "\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
  }

  /// Random part sizes (each at least one row) adding up to `total`.
  static func sizes(_ parts: Int, total: Int, seed: UInt64) -> [Int] {
    guard parts > 1 else { return [total] }
    var generator = SplitMix64(seed: seed)
    var cuts = Set<Int>()
    while cuts.count < parts - 1 { cuts.insert(Int.random(in: 1..<total, using: &generator)) }
    let sorted = [0] + cuts.sorted() + [total]
    return zip(sorted, sorted.dropFirst()).map { $1 - $0 }
  }

  /// The evidence's tallies as canonical JSON, with the partition count left out (it is the
  /// one thing a split changes).
  static func talliesBytes(_ evidence: PartialEvidence) throws -> Data {
    let object = try JSONSerialization.jsonObject(with: try evidence.encoded())
    guard var root = object as? [String: Any], var tallies = root["evidence"] as? [String: Any]
    else {
      Issue.record("not an object")
      return Data()
    }
    tallies["partitionCount"] = nil
    root = ["evidence": tallies]
    return try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
  }

  /// Every figure the evidence gives from the kinds of tallies `kinds` holds, as canonical
  /// JSON.
  static func figures(_ evidence: Evidence, kinds: EvidenceTallies) throws -> Data {
    struct Figures: Encodable {
      var groups: [GroupingMetrics]
      var attributions: [AttributionSummary]?
      var proxies: [ProxyAssociation]?
      var losses: [LossMetrics]?
      var lossGaps: [LossGapDecomposition]?
      var shares: [String: Double]?
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(
      Figures(
        groups: try evidence.groupMetrics(),
        attributions: kinds.attributions?.populations["all"] == nil
          ? nil : try evidence.attributionSummaries(),
        proxies: kinds.proxies == nil ? nil : try evidence.proxies(),
        losses: kinds.losses == nil ? nil : try evidence.lossMetrics(),
        lossGaps: kinds.lossGaps == nil ? nil : try evidence.lossGapDecompositions(),
        shares: kinds.attributions == nil ? nil : try evidence.overallAttributionShares()))
  }

  static func partials(_ manifest: String, parts: [String], sample: String? = nil) throws
    -> [(path: String, evidence: PartialEvidence)]
  {
    try parts.enumerated().map { index, part in
      (
        part,
        try AuditPipeline.partial(
          manifest: manifest, partitionID: String(format: "p%03d", index), data: part,
          sample: sample, options: options)
      )
    }
  }

  /// The background sample of all of `parts`, drawn from each part and merged (in an order
  /// of `seed`), written to a file.
  static func mergedSample(_ manifest: String, parts: [String], seed: UInt64) throws -> String {
    var samples = try parts.enumerated().map { index, part in
      (
        path: part,
        sample: try AuditPipeline.sample(
          manifest: manifest, partitionID: String(format: "p%03d", index), data: part,
          options: options)
      )
    }
    var generator = SplitMix64(seed: seed)
    samples.shuffle(using: &generator)
    let merged = try EvidenceSample.merge(samples)
    let path =
      try FixturePaths.temporaryDirectory(named: "fairgate-sample") + "/sample.json"
    try merged.write(to: path)
    return path
  }

  @Test(
    arguments: [
      ("fixtures/german-credit/audit.yaml", 1), ("fixtures/german-credit/audit.yaml", 2),
      ("fixtures/german-credit/audit.yaml", 7), ("fixtures/hiring/vendor-scores.yaml", 64),
      (PartialEvidenceMergeTests.lossManifestWithBackgroundFile, 7),
    ])
  func mergedPartialsEqualOnePass(manifest relative: String, parts: Int) throws {
    let manifest = relative.hasPrefix("/") ? relative : Self.root + "/" + relative
    let data = try AuditManifest.load(path: manifest).data.path
    let seed = UInt64(parts) &* 7919
    let rowCount = try AuditPipeline.partial(
      manifest: manifest, partitionID: "all", options: Self.options
    ).evidence.rowCount
    let files = try Self.split(
      data, sizes: Self.sizes(parts, total: rowCount, seed: seed), seed: seed)
    // The two passes as a launcher runs them: the first when the audit fixes something from
    // all rows (the credit demo: its adverse-action reasons' backgrounds).
    let sample =
      try AuditPipeline.needsEvidenceSample(manifest: manifest, options: Self.options)
      ? try Self.mergedSample(manifest, parts: files, seed: seed) : nil
    let whole = try AuditPipeline.partial(
      manifest: manifest, partitionID: "all", data: nil, sample: sample, options: Self.options)
    var partials = try Self.partials(manifest, parts: files, sample: sample)
    // Any order of the merge.
    var generator = SplitMix64(seed: seed ^ 0xFF)
    partials.shuffle(using: &generator)
    let merged = try PartialEvidence.merge(partials)
    #expect(merged.partitions.count == parts)
    #expect(merged.evidence.rowCount == whole.evidence.rowCount)
    #expect(try Self.talliesBytes(merged) == Self.talliesBytes(whole))
    let kinds = whole.evidence
    let fromMerged = try Self.figures(Evidence(tallies: merged.evidence, threads: 1), kinds: kinds)
    let fromWhole = try Self.figures(Evidence(tallies: whole.evidence, threads: 2), kinds: kinds)
    #expect(fromMerged == fromWhole)
    // And the figures of the audit that reads the data are the same.
    let direct = try AuditPipeline.run(manifest: manifest, options: Self.options)
    #expect(try Self.figures(direct.evidence, kinds: kinds) == fromWhole)
  }

  /// The loss demo with its background read from a file (the first 100 rows of its data)
  /// instead of sampled from the rows: a background that does not depend on the partition.
  static let lossManifestWithBackgroundFile: String = {
    let directory =
      (try? FixturePaths.temporaryDirectory(named: "fairgate-loss-manifest")) ?? "/tmp"
    let loss = root + "/fixtures/loss/"
    let data = (try? String(contentsOfFile: loss + "credit.csv", encoding: .utf8)) ?? ""
    let lines = data.split(whereSeparator: \.isNewline).prefix(101)
    try? (lines.joined(separator: "\n") + "\n").write(
      toFile: directory + "/background.csv", atomically: true, encoding: .utf8)
    return
      (try? DemoManifest.copy(
        "fixtures/loss/audit.yaml", into: directory,
        replacing: [
          ("  background:\n    rows: 100", "  background:\n    file: \(directory)/background.csv")
        ])) ?? directory + "/missing.yaml"
  }()

  /// A background sampled from the data, drawn from every partition first and merged, is
  /// the background one pass samples: attributions and loss-gap decompositions merge.
  @Test(arguments: [
    ("fixtures/loss/audit.yaml", 2), ("fixtures/loss/audit.yaml", 7),
    ("fixtures/loss/audit-focal.yaml", 3),
  ])
  func aBackgroundDrawnFromAllRowsMerges(manifest relative: String, parts: Int) throws {
    let manifest = Self.root + "/" + relative
    // One pass over all rows, its background sampled from them.
    let direct = try AuditPipeline.partial(
      manifest: manifest, partitionID: "all", options: Self.options)
    let wholeSample = try AuditPipeline.sample(
      manifest: manifest, partitionID: "all", options: Self.options)
    #expect(wholeSample.rowCount == 100)
    let seed = UInt64(parts) &* 104_729
    let files = try Self.split(
      Self.root + "/fixtures/loss/credit.csv",
      sizes: Self.sizes(parts, total: direct.evidence.rowCount, seed: seed), seed: seed)
    let samplePath = try Self.mergedSample(manifest, parts: files, seed: seed)
    let sample = try EvidenceSample.read(contentsOf: samplePath)
    #expect(sample.partitions.count == parts)
    let drawn = try #require(sample.sample)
    let wholeDrawn = try #require(wholeSample.sample)
    #expect(drawn.priorities == wholeDrawn.priorities)
    #expect(drawn.values.map(\.bitPattern) == wholeDrawn.values.map(\.bitPattern))
    // The same pass given the drawn sample: tallies that say they merge, equal bit for bit
    // to the merge of the partitions'.
    let whole = try AuditPipeline.partial(
      manifest: manifest, partitionID: "all", data: nil, sample: samplePath,
      options: Self.options)
    let merged = try PartialEvidence.merge(
      try Self.partials(manifest, parts: files, sample: samplePath))
    #expect(merged.evidence.unavailable.isEmpty)
    #expect(merged.inputs.sampleSHA256 != nil)
    #expect(try Self.talliesBytes(merged) == Self.talliesBytes(whole))
    let kinds = whole.evidence
    #expect(kinds.lossGaps != nil)
    let fromMerged = try Self.figures(Evidence(tallies: merged.evidence, threads: 1), kinds: kinds)
    #expect(
      fromMerged == (try Self.figures(Evidence(tallies: whole.evidence, threads: 2), kinds: kinds)))
    #expect(
      fromMerged == (try Self.figures(Evidence(tallies: direct.evidence, threads: 2), kinds: kinds))
    )
  }

  /// The German credit demo with a policy of counterfactual flips: the flips of the binned
  /// age try each bin's median over all rows, counted in the first pass.
  static let creditManifestWithFlips: String = {
    let directory = (try? FixturePaths.temporaryDirectory(named: "fairgate-flips")) ?? "/tmp"
    let credit = root + "/fixtures/german-credit/"
    return
      (try? DemoManifest.copy(
        "fixtures/german-credit/audit.yaml", into: directory,
        replacing: [
          (
            "policies: [ecoa-reg-b, attribution-guardrails]",
            "policies: [\(credit)flips-policy.yaml]"
          )
        ])) ?? directory + "/missing.yaml"
  }()

  @Test(arguments: [2, 7])
  func flipsOfABinnedAttributeMergeWithValuesCountedFirst(parts: Int) throws {
    let manifest = Self.creditManifestWithFlips
    let whole = try AuditPipeline.partial(
      manifest: manifest, partitionID: "all", options: Self.options)
    let wholeFlips = try #require(whole.evidence.flips)
    #expect(wholeFlips.contains { $0.flip.attribute == "age_band" })
    let seed = UInt64(parts) &* 31
    let files = try Self.split(
      Self.root + "/fixtures/data/german-credit/german-credit.csv",
      sizes: Self.sizes(parts, total: whole.evidence.rowCount, seed: seed), seed: seed)
    // Without the first pass the age flips are said to be unavailable.
    let unsampled = try PartialEvidence.merge(try Self.partials(manifest, parts: files))
    #expect(unsampled.evidence.unavailable.contains { $0.contains("'age_band'") })
    let samplePath = try Self.mergedSample(manifest, parts: files, seed: seed)
    let sample = try EvidenceSample.read(contentsOf: samplePath)
    #expect(sample.rowCount == 0)
    let merged = try PartialEvidence.merge(
      try Self.partials(manifest, parts: files, sample: samplePath))
    #expect(merged.evidence.unavailable.isEmpty)
    let mergedFlips = try Evidence(tallies: merged.evidence, threads: 1).counterfactualFlips()
    #expect(mergedFlips == wholeFlips.map(\.flip))
  }

  /// The credit demo's adverse-action reasons (ECOA pack): their backgrounds drawn from all
  /// rows in the first pass, every partition's reasons tallied against them, the merged
  /// tallies give the checks, the distribution of reasons by slice and both stability
  /// measurements of the audit that reads the data, bit for bit.
  @Test(arguments: [2, 7])
  func adverseActionReasonsMerge(parts: Int) throws {
    let manifest = Self.root + "/fixtures/german-credit/audit.yaml"
    #expect(try AuditPipeline.needsEvidenceSample(manifest: manifest, options: Self.options))
    let direct = try AuditPipeline.run(manifest: manifest, options: Self.options)
    let directReasons = try #require(direct.reasons?.computed)
    #expect(directReasons.checks.adverseCount > 0)
    #expect(directReasons.stability.count == 2)
    #expect(!directReasons.distributions.isEmpty)
    let seed = UInt64(parts) &* 613
    let files = try Self.split(
      Self.root + "/fixtures/data/german-credit/german-credit.csv",
      sizes: Self.sizes(parts, total: direct.evidence.layouts[0].rowCount, seed: seed),
      seed: seed)
    // Without the first pass each partition draws from its own rows: said, not merged.
    let unsampled = try PartialEvidence.merge(try Self.partials(manifest, parts: files))
    #expect(unsampled.evidence.unavailable.contains { $0.hasPrefix("adverse-action reasons:") })
    let samplePath = try Self.mergedSample(manifest, parts: files, seed: seed)
    let sample = try EvidenceSample.read(contentsOf: samplePath)
    #expect(sample.reasons?.count == 21)
    var partials = try Self.partials(manifest, parts: files, sample: samplePath)
    var generator = SplitMix64(seed: seed)
    partials.shuffle(using: &generator)
    let merged = try PartialEvidence.merge(partials)
    #expect(merged.evidence.unavailable.isEmpty)
    let mergedPath =
      try FixturePaths.temporaryDirectory(named: "fairgate-reasons") + "/merged.json"
    try merged.write(to: mergedPath)
    // On one thread: the figures do not depend on the thread count either.
    var oneThread = Self.options
    oneThread.threads = 1
    let fromMerged = try AuditPipeline.run(
      manifest: manifest, evidence: mergedPath, options: oneThread)
    let mergedReasons = try #require(fromMerged.reasons?.computed)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    #expect(try encoder.encode(mergedReasons.checks) == encoder.encode(directReasons.checks))
    #expect(
      try encoder.encode(mergedReasons.distributions)
        == encoder.encode(directReasons.distributions))
    #expect(
      try encoder.encode(mergedReasons.stability) == encoder.encode(directReasons.stability))
    // And every verdict of the reason rules.
    let reasonFindings = { (result: AuditResult) in
      result.evaluation.findings.filter { $0.metric.contains("reason") }
    }
    #expect(reasonFindings(direct).count >= 7)
    #expect(!reasonFindings(direct).contains { $0.verdict == .insufficientData })
    #expect(
      try encoder.encode(reasonFindings(fromMerged)) == encoder.encode(reasonFindings(direct)))
  }

  /// Reasons against the applicants nearest the cutoff: which applicants those are depends on
  /// every row's score, so a run in pieces draws nothing for them beforehand and says so.
  @Test func nearCutoffReasonsAreSaidNotToMerge() throws {
    let directory = try FixturePaths.temporaryDirectory(named: "fairgate-near-cutoff")
    let credit = Self.root + "/fixtures/german-credit/"
    let manifest =
      try String(contentsOfFile: credit + "audit.yaml", encoding: .utf8)
      .replacingOccurrences(of: "  file: model.json", with: "  file: \(credit)model.json")
      .replacingOccurrences(
        of: "  file: ../data/german-credit/german-credit.csv",
        with: "  file: \(Self.root)/fixtures/data/german-credit/german-credit.csv")
      + "reasons:\n  reference: near-cutoff\n  cutoff_band: 0.1\n"
    try manifest.write(toFile: directory + "/audit.yaml", atomically: true, encoding: .utf8)
    let path = directory + "/audit.yaml"
    #expect(try !AuditPipeline.needsEvidenceSample(manifest: path, options: Self.options))
    let files = try Self.split(
      Self.root + "/fixtures/data/german-credit/german-credit.csv", sizes: [400, 600], seed: 3)
    let merged = try PartialEvidence.merge(try Self.partials(path, parts: files))
    #expect(merged.evidence.unavailable.contains { $0.contains("near-cutoff population") })
    #expect(merged.evidence.reasons?.dependsOnPartition == true)
    // One pass over all rows still carries them.
    let whole = try AuditPipeline.partial(manifest: path, partitionID: "all", options: Self.options)
    #expect(whole.evidence.reasons.map { $0.counts.adverse > 0 } == true)
    // A band no applicant falls in: the reasons cannot be derived, which the partial says
    // (as an audit of the data does) instead of failing; its tallies still merge.
    let empty = directory + "/empty-band.yaml"
    try manifest.replacingOccurrences(of: "cutoff_band: 0.1", with: "cutoff_band: 0.000000001")
      .write(toFile: empty, atomically: true, encoding: .utf8)
    let parts = try Self.partials(empty, parts: files)
    for (_, partial) in parts {
      #expect(partial.evidence.reasons?.isDerived == false)
      #expect(partial.evidence.unavailable.contains { $0.contains("widen") })
    }
    let mergedEmpty = try PartialEvidence.merge(parts)
    #expect(mergedEmpty.evidence.reasons?.isDerived == false)
  }

  /// An evidence sample altered so that it no longer fits the audit.
  enum SampleAlteration: String, CaseIterable, Sendable {
    /// Its reasons' backgrounds are fewer than the audit's stability replicates need.
    case fewerReasonBackgrounds = "fewer"
    /// It was drawn from other columns than the model's inputs (refused before the
    /// partition's rows are scored).
    case renamedColumns = "renamed"

    func alter(_ sample: inout EvidenceSample) {
      switch self {
      case .fewerReasonBackgrounds: sample.reasons?.removeLast()
      case .renamedColumns: sample.features = sample.features.map { $0 + "_renamed" }
      }
    }

    /// What the refusal says, after the file's name.
    var message: String {
      switch self {
      case .fewerReasonBackgrounds: "'reasons'"
      case .renamedColumns: "'features': are not the model's inputs"
      }
    }
  }

  /// A sample that does not fit the audit is refused, naming the file and the place.
  @Test(arguments: SampleAlteration.allCases)
  func aSampleThatDoesNotFitIsRefused(_ alteration: SampleAlteration) throws {
    let manifest = Self.root + "/fixtures/german-credit/audit.yaml"
    var sample = try AuditPipeline.sample(
      manifest: manifest, partitionID: "all", options: Self.options)
    alteration.alter(&sample)
    let path =
      try FixturePaths.temporaryDirectory(named: "fairgate-reasons")
      + "/\(alteration.rawValue).json"
    try sample.write(to: path)
    let error = try #require(
      throws: PartialEvidenceError.self,
      performing: {
        try AuditPipeline.partial(
          manifest: manifest, partitionID: "all", data: nil, sample: path, options: Self.options)
      })
    #expect("\(error)".contains("\(alteration.rawValue).json"))
    #expect("\(error)".contains(alteration.message))
  }

  @Test func aSampledBackgroundIsSaidNotToMergeAndItsRulesLackData() throws {
    let manifest = Self.root + "/fixtures/loss/audit.yaml"
    let whole = try AuditPipeline.partial(
      manifest: manifest, partitionID: "all", options: Self.options)
    let files = try Self.split(
      Self.root + "/fixtures/loss/credit.csv",
      sizes: Self.sizes(3, total: whole.evidence.rowCount, seed: 11), seed: 11)
    let merged = try PartialEvidence.merge(try Self.partials(manifest, parts: files))
    #expect(merged.evidence.unavailable.contains { $0.hasPrefix("loss-gap decompositions:") })
    let evidence = Evidence(tallies: merged.evidence, threads: 1)
    #expect(throws: MetricsError.self) { try evidence.lossGapDecompositions() }
    // Everything else still merges exactly.
    let fromWhole = Evidence(tallies: whole.evidence, threads: 1)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    #expect(try encoder.encode(evidence.lossMetrics()) == encoder.encode(fromWhole.lossMetrics()))
    #expect(
      try encoder.encode(evidence.groupMetrics()) == encoder.encode(fromWhole.groupMetrics()))
  }

  @Test func mergingMergedEvidenceAgainGivesTheSameBytes() throws {
    let manifest = Self.lossManifestWithBackgroundFile
    let whole = try AuditPipeline.partial(
      manifest: manifest, partitionID: "all", options: Self.options)
    let data = Self.root + "/fixtures/loss/credit.csv"
    let files = try Self.split(
      data, sizes: Self.sizes(4, total: whole.evidence.rowCount, seed: 5), seed: 5)
    let partials = try Self.partials(manifest, parts: files)
    let flat = try PartialEvidence.merge(partials)
    let left = try PartialEvidence.merge(Array(partials[0..<2]))
    let right = try PartialEvidence.merge(Array(partials[2..<4]))
    let nested = try PartialEvidence.merge([("right", right), ("left", left)])
    #expect(try nested.encoded() == flat.encoded())
  }
}
