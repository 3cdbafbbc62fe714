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

  /// Hashes the audit's inputs.
  ///
  /// - Throws: `DataError` when a file cannot be read.
  init(manifest: AuditManifest, policies: [Policy], build: EvidenceBuild, seed: UInt64) throws {
    func record(_ path: String, shownAs shown: String? = nil) throws -> FileDigestRecord {
      FileDigestRecord(
        path: shown ?? (path as NSString).standardizingPath,
        sha256: try FileDigest(contentsOf: path).sha256)
    }
    tool = "fairgate \(AuditPipeline.toolVersion)"
    self.manifest = try record(manifest.file)
    data = try record(manifest.data.path)
    rows = build.dataset.rowCount
    if case .file(let path, _) = manifest.model?.source {
      model = try record(path)
    } else {
      model = nil
    }
    modelSummary = build.bound?.model.summary
    let shipped = Set(
      manifest.policies.compactMap { reference -> String? in
        if case .pack(let id) = reference.target { return id }
        return nil
      })
    // Shipped packs are named by their place in the pack folder, so that reports do not
    // depend on where fairgate is installed.
    self.policies = try policies.map {
      PolicyRecord(
        id: $0.id, title: $0.title, version: $0.version,
        file: try record(
          $0.file, shownAs: shipped.contains($0.id) ? "policies/\($0.id).yaml" : nil))
    }
    self.seed = seed
    bootstrapReplicates = manifest.statistics.bootstrapReplicates
    confidenceLevel = manifest.statistics.confidence
  }
}
