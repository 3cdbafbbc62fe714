import FairMetrics
import FairModels
import FairPolicy
import FairTabular
import Foundation

/// What an audit read, so that a reader can tell whether two audits saw the same inputs:
/// the SHA-256 of the model, the data, the manifest and each policy, with the tool's
/// version, the seed and the row counts.
public struct Provenance: Sendable, Hashable, Codable {
  /// A file and its SHA-256.
  public struct FileDigestRecord: Sendable, Hashable, Codable {
    /// The path, as the manifest gave it.
    public var path: String
    /// The SHA-256, lower-case hexadecimal.
    public var sha256: String
  }

  /// A policy, with its identity and digest.
  public struct PolicyRecord: Sendable, Hashable, Codable {
    /// The policy's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its version.
    public var version: String
    /// Its file and digest.
    public var file: FileDigestRecord
  }

  /// The tool's name and version.
  public var tool: String
  /// The manifest.
  public var manifest: FileDigestRecord
  /// The data file.
  public var data: FileDigestRecord
  /// The data's rows.
  public var rows: Int
  /// The model file, when a model file was audited.
  public var model: FileDigestRecord?
  /// A description of the model (its format and size), or of the model command.
  public var modelSummary: String?
  /// The policies.
  public var policies: [PolicyRecord]
  /// The seed of every sampled figure.
  public var seed: UInt64
  /// The bootstrap replicates.
  public var bootstrapReplicates: Int
  /// The confidence level of intervals.
  public var confidenceLevel: Double

  /// The partitions whose partial evidence was merged, when the audit ran on merged
  /// evidence of more than one.
  public var partitions: [PartialEvidence.Partition]? = nil

  /// Hashes the audit's inputs.
  ///
  /// - Throws: `DataError` when a file cannot be read.
  init(manifest: AuditManifest, policies: [Policy], build: EvidenceBuild, seed: UInt64) throws {
    let inputs = try Provenance.inputs(manifest: manifest, policies: policies)
    self.init(
      inputs: inputs, manifest: manifest,
      data: FileDigestRecord(
        path: (manifest.data.path as NSString).standardizingPath,
        sha256: try FileDigest(contentsOf: manifest.data.path).sha256),
      rows: build.dataset.rowCount, modelSummary: build.bound?.model.summary, seed: seed)
  }

  /// The provenance of an audit of merged partial evidence: the inputs as hashed now (the
  /// caller has checked them against the evidence's), and the data as the partitions'
  /// digests — the one partition's, or a digest of every partition's id and digest.
  init(manifest: AuditManifest, inputs: Inputs, evidence: PartialEvidence, seed: UInt64) {
    let digest: String
    if evidence.partitions.count == 1 {
      digest = evidence.partitions[0].dataSHA256
    } else {
      let lines = evidence.partitions.map { "\($0.id) \($0.dataSHA256)\n" }.joined()
      digest = FileDigest.sha256(of: Array(lines.utf8))
    }
    self.init(
      inputs: inputs, manifest: manifest,
      data: FileDigestRecord(
        path: (manifest.data.path as NSString).standardizingPath, sha256: digest),
      rows: evidence.evidence.rowCount, modelSummary: evidence.run.modelSummary, seed: seed)
    partitions = evidence.partitions.count > 1 ? evidence.partitions : nil
  }

  private init(
    inputs: Inputs, manifest: AuditManifest, data: FileDigestRecord, rows: Int,
    modelSummary: String?, seed: UInt64
  ) {
    tool = "fairgate \(AuditPipeline.toolVersion)"
    self.manifest = inputs.manifest
    self.data = data
    self.rows = rows
    model = inputs.model
    self.modelSummary = modelSummary
    policies = inputs.policies
    self.seed = seed
    bootstrapReplicates = manifest.statistics.bootstrapReplicates
    confidenceLevel = manifest.statistics.confidence
  }

  /// The digests of the inputs every partition of an audit shares.
  struct Inputs {
    var manifest: FileDigestRecord
    var model: FileDigestRecord?
    var policies: [PolicyRecord]

    /// As partial evidence records them.
    var partial: PartialEvidence.Inputs {
      PartialEvidence.Inputs(
        manifestSHA256: manifest.sha256, modelSHA256: model?.sha256,
        policies: policies.map {
          PartialEvidence.PolicyDigest(id: $0.id, version: $0.version, sha256: $0.file.sha256)
        })
    }
  }

  /// Hashes the manifest, the model file and the policies.
  ///
  /// - Throws: `DataError` when a file cannot be read.
  static func inputs(manifest: AuditManifest, policies: [Policy]) throws -> Inputs {
    func record(_ path: String, shownAs shown: String? = nil) throws -> FileDigestRecord {
      FileDigestRecord(
        path: shown ?? (path as NSString).standardizingPath,
        sha256: try FileDigest(contentsOf: path).sha256)
    }
    var model: FileDigestRecord?
    if case .file(let path, _) = manifest.model?.source { model = try record(path) }
    let shipped = Set(
      manifest.policies.compactMap { reference -> String? in
        if case .pack(let id) = reference.target { return id }
        return nil
      })
    // Shipped packs are named by their place in the pack folder, so that reports do not
    // depend on where fairgate is installed.
    let records = try policies.map {
      PolicyRecord(
        id: $0.id, title: $0.title, version: $0.version,
        file: try record(
          $0.file, shownAs: shipped.contains($0.id) ? "policies/\($0.id).yaml" : nil))
    }
    return Inputs(manifest: try record(manifest.file), model: model, policies: records)
  }
}
