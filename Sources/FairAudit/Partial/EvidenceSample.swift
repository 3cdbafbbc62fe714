package import FairAttribution
package import FairMetrics
public import Foundation
import _FairSupport

/// What every partition of an audit's rows must take from all of them, drawn from each
/// partition and merged: the file format `fairgate.evidence-sample/1`
/// (<doc:PartialEvidenceFormat>).
///
/// Three things an audit fixes from all its rows before tallying them: the background its
/// attributions sample from the data, the values its counterfactual flips of numeric
/// attributes try (bin medians, distinct values), and the backgrounds of its adverse-action
/// reasons (the reference sample, then one per stability replicate). A run in pieces makes two passes:
/// `fairgate evidence sample` draws from each partition (the background by row id: the rows
/// whose hash of seed and id is smallest; the values as maps of each distinct value's rows),
/// `fairgate evidence merge` merges the draws into those of all rows — what a single pass
/// over all rows takes — and `fairgate evidence partial --sample` tallies every partition
/// with them.
public struct EvidenceSample: Sendable, Equatable, Codable {
  /// The format's name and version.
  public static let formatName = "fairgate.evidence-sample/1"

  /// ``formatName``.
  public var format: String
  /// The tool and version that drew the sample: samples of other versions do not merge.
  public var tool: String
  /// The partitions drawn from, by id, in order.
  public var partitions: [String]
  /// The digests of the manifest, the model and the policies.
  public var inputs: PartialEvidence.Inputs
  /// The seed of the draw.
  public var seed: UInt64
  /// The model's inputs, the columns of the rows.
  public var features: [String]
  /// The background rows drawn, when the background is sampled from the data.
  package var sample: KeyedSample?
  /// Each numeric model input that carries a protected attribute flipped by the policies:
  /// the map of its values over the rows, by input name.
  package var values: [String: ScoreCounts]
  /// The backgrounds of the adverse-action reasons, drawn from every row (the reference
  /// population `all`): the reference background, then one per stability replicate.
  package var reasons: [KeyedSample]?

  /// The number of background rows drawn.
  public var rowCount: Int { sample?.rowCount ?? 0 }

  /// The background rows the sample keeps at most (the manifest's background rows); 0 when
  /// no background is drawn.
  public var size: Int { sample?.size ?? 0 }

  /// The canonical bytes of the sample (as ``PartialEvidence/encoded()`` writes).
  ///
  /// - Throws: What the encoder throws.
  public func encoded() throws -> Data {
    try EvidenceFile.encoded(self)
  }

  /// Writes the canonical bytes to `path` (standard output for `-`).
  ///
  /// - Throws: ``PartialEvidenceError`` when the file cannot be written.
  public func write(to path: String) throws {
    try EvidenceFile.write(try encoded(), to: path)
  }

  /// Reads a background sample from `path`, checking its format and that its rows fit.
  ///
  /// - Throws: ``PartialEvidenceError`` naming the file, and the place in it, when it cannot
  ///   be read, is not JSON, is of another format, or holds rows that do not fit together.
  public static func read(contentsOf path: String) throws -> EvidenceSample {
    let read = try EvidenceFile.read(
      EvidenceSample.self, contentsOf: path, format: formatName, kind: "a background sample")
    if let sample = read.sample {
      if let problem = sample.inconsistency {
        throw PartialEvidenceError(file: path, place: "'sample'", message: problem)
      }
      guard sample.featureCount == read.features.count else {
        throw PartialEvidenceError(
          file: path, place: "'sample.featureCount'",
          message: "is \(sample.featureCount), but 'features' names \(read.features.count)")
      }
    }
    for (index, sample) in (read.reasons ?? []).enumerated() {
      if let problem = sample.inconsistency {
        throw PartialEvidenceError(file: path, place: "'reasons[\(index)]'", message: problem)
      }
      guard sample.featureCount == read.features.count, sample.size == read.reasons?[0].size
      else {
        throw PartialEvidenceError(
          file: path, place: "'reasons[\(index)]'",
          message: "does not have the first background's size and 'features' as columns")
      }
    }
    for (name, counts) in read.values {
      // Counts of at most 2³⁰ rows, as in partial evidence, so that merges cannot overflow.
      let total = ([counts.nanRows] + counts.rows)
        .countTotal(atMost: EvidenceTallies.maximumRowCount)
      guard counts.isConsistent, total != nil else {
        throw PartialEvidenceError(
          file: path, place: "'values.\(name)'",
          message: "is not a map of distinct values in order with their rows (at most "
            + "\(EvidenceTallies.maximumRowCount) in all)")
      }
    }
    guard !read.partitions.isEmpty, Set(read.partitions).count == read.partitions.count else {
      throw PartialEvidenceError(
        file: path, place: "'partitions'", message: "must name each partition once")
    }
    return read
  }

  /// Merges samples read from files: the sample of the rows of all their partitions.
  ///
  /// Associative and commutative: any order and grouping gives the same bytes. Refuses
  /// samples of another tool version, other inputs, seed, size or columns, and a partition
  /// drawn from twice.
  ///
  /// - Parameters:
  ///   - samples: Each file's path and its sample.
  ///   - expected: The ids of every partition, when known: a missing or unexpected one is
  ///     refused.
  /// - Throws: ``PartialEvidenceError`` naming the file and what differs.
  public static func merge(
    _ samples: [(path: String, sample: EvidenceSample)], expected: [String]? = nil
  ) throws -> EvidenceSample {
    guard let (firstPath, first) = samples.first else {
      throw PartialEvidenceError(file: "-", message: "no background sample to merge")
    }
    var owner: [String: String] = [:]
    for (path, sample) in samples {
      func refuse(_ place: String, _ what: String) -> PartialEvidenceError {
        PartialEvidenceError(
          file: path, place: place,
          message: "differs from '\(firstPath)': the samples were drawn \(what)")
      }
      if sample.tool != first.tool { throw refuse("'tool'", "by different versions") }
      if sample.inputs != first.inputs {
        throw refuse("'inputs'", "for different manifests, models or policies")
      }
      if sample.seed != first.seed { throw refuse("'seed'", "with different seeds") }
      if sample.size != first.size { throw refuse("'sample.size'", "of different sizes") }
      if sample.features != first.features {
        throw refuse("'features'", "from different columns")
      }
      if (sample.sample == nil) != (first.sample == nil)
        || Set(sample.values.keys) != Set(first.values.keys)
      {
        throw refuse("'values'", "for different audits (other kinds of values)")
      }
      if sample.reasons?.count != first.reasons?.count
        || sample.reasons?.first?.size != first.reasons?.first?.size
      {
        throw refuse("'reasons'", "for different reason settings (backgrounds or replicates)")
      }
      for id in sample.partitions {
        if let seen = owner[id] {
          throw PartialEvidenceError(
            file: path, place: "'partitions'",
            message: "repeats partition '\(id)', which '\(seen)' holds too")
        }
        owner[id] = path
      }
    }
    if let expected {
      try PartialEvidence.checkExpected(expected, owner: owner, files: samples.map(\.path))
    }
    var merged = first
    merged.partitions = owner.keys.sorted()
    if first.sample != nil {
      merged.sample = KeyedSample.merged(samples.compactMap(\.sample.sample))
    }
    if let reasons = first.reasons {
      merged.reasons = reasons.indices.map { index in
        KeyedSample.merged(samples.compactMap { $0.sample.reasons?[index] })
      }
    }
    for name in first.values.keys {
      var counts = ScoreCounts()
      for entry in samples { counts.merge(entry.sample.values[name] ?? ScoreCounts()) }
      merged.values[name] = counts
    }
    return merged
  }
}

extension EvidenceSample {
  /// Whether the file at `path` says it is a background sample (its `format`), so that a
  /// command given files of either kind can tell them apart; the file is not checked.
  public static func isSample(atPath path: String) -> Bool {
    EvidenceFile.format(ofFileAt: path) == formatName
  }
}
