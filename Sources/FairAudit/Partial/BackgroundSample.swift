package import FairAttribution
public import Foundation

/// The background rows an audit samples from its data, drawn from partitions of the rows
/// and merged: the file format `fairgate.background-sample/1` (<doc:PartialEvidenceFormat>).
///
/// An audit whose attributions use a background sampled from the data needs the same
/// background on every partition, so a run in pieces makes two passes: `fairgate evidence
/// sample` draws from each partition (by row id: the rows whose hash of seed and id is
/// smallest), `fairgate evidence merge` keeps the smallest of all the draws — the sample a
/// single pass over all rows draws — and `fairgate evidence partial --sample` attributes
/// every partition against it.
public struct BackgroundSample: Sendable, Equatable, Codable {
  /// The format's name and version.
  public static let formatName = "fairgate.background-sample/1"

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
  /// The rows drawn.
  package var sample: KeyedSample

  /// The number of rows drawn.
  public var rowCount: Int { sample.rowCount }

  /// The rows the sample keeps at most (the manifest's background rows).
  public var size: Int { sample.size }

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
  public static func read(contentsOf path: String) throws -> BackgroundSample {
    let read = try EvidenceFile.read(
      BackgroundSample.self, contentsOf: path, format: formatName, kind: "a background sample")
    if let problem = read.sample.inconsistency {
      throw PartialEvidenceError(file: path, place: "'sample'", message: problem)
    }
    guard read.sample.featureCount == read.features.count else {
      throw PartialEvidenceError(
        file: path, place: "'sample.featureCount'",
        message: "is \(read.sample.featureCount), but 'features' names \(read.features.count)")
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
    _ samples: [(path: String, sample: BackgroundSample)], expected: [String]? = nil
  ) throws -> BackgroundSample {
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
    merged.sample = KeyedSample.merged(samples.map(\.sample.sample))
    return merged
  }
}

extension BackgroundSample {
  /// Whether the file at `path` says it is a background sample (its `format`), so that a
  /// command given files of either kind can tell them apart; the file is not checked.
  public static func isSample(atPath path: String) -> Bool {
    EvidenceFile.format(ofFileAt: path) == formatName
  }
}
