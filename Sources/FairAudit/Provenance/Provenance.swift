import FairAttribution
import FairMetrics
import FairModels
import FairPolicy
import FairTabular
import Foundation
import _FairSupport

/// What an audit read, so that a reader can tell whether two audits saw the same inputs:
/// the SHA-256 of the model (or of a scoring command's text), the data, the manifest, each
/// policy with every policy it extends, and the supporting files the manifest declares,
/// with the tool's version, the seed and the row counts.
public struct Provenance: Sendable, Hashable, Codable {
  /// A file and its SHA-256.
  public struct FileDigestRecord: Sendable, Hashable, Codable {
    /// The path as the manifest or the command line gave it, without `.`, `..` and repeated
    /// slashes (symbolic links unresolved); `policies/ID.yaml` for a shipped pack;
    /// `command: …` for a scoring command.
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
    /// The applied policies that extend this one, when it was read only because of them;
    /// `nil` for a policy the manifest applies.
    public var extendedBy: [String]? = nil
  }

  /// A file besides the model, data, manifest and policies that the manifest declares for
  /// the figures, such as a reason-code table or an attribution background (recorded
  /// whether or not a rule needed it).
  public struct SupportingFile: Sendable, Hashable, Codable {
    /// What the file is for: `reason-code table`, `attribution background`.
    public var role: String
    /// Its path and digest.
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
  /// The model file, when a model file was audited; for a scoring command, the command
  /// line (`command: …`) and the digest of its text: the program it runs is not hashed.
  public var model: FileDigestRecord?
  /// A description of the model (its format and size), or of the model command.
  public var modelSummary: String?
  /// Whether ``model`` records a scoring command rather than a model file.
  public var modelIsCommand = false
  /// The policies.
  public var policies: [PolicyRecord]
  /// The reason-code table and attribution background the manifest declares.
  public var supportingFiles: [SupportingFile]
  /// The seed of every sampled figure.
  public var seed: UInt64
  /// The bootstrap replicates.
  public var bootstrapReplicates: Int
  /// The confidence level of intervals.
  public var confidenceLevel: Double

  /// The partitions whose partial evidence was merged, when the audit ran on merged
  /// evidence of more than one.
  public var partitions: [PartialEvidence.Partition]? = nil

  /// The provenance of an audit of the data, from its inputs as hashed before the audit
  /// read them (``inputs(manifest:policies:policySHA256:data:packDirectory:)``).
  init(manifest: AuditManifest, inputs: Inputs, build: EvidenceBuild, seed: UInt64) {
    self.init(
      inputs: inputs, manifest: manifest,
      data: inputs.data
        ?? FileDigestRecord(path: PathText.normalised(manifest.data.path), sha256: ""),
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
      data: FileDigestRecord(path: PathText.normalised(manifest.data.path), sha256: digest),
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
    modelIsCommand = inputs.model != nil && !inputs.modelIsFile
    self.modelSummary = modelSummary
    policies = inputs.policies
    supportingFiles = inputs.supporting
    self.seed = seed
    bootstrapReplicates = manifest.statistics.bootstrapReplicates
    confidenceLevel = manifest.statistics.confidence
  }

  /// The digests of the inputs every partition of an audit shares, and of the data when
  /// the audit reads it.
  struct Inputs {
    var manifest: FileDigestRecord
    var model: FileDigestRecord?
    /// The policies applied, then those only extended.
    var policies: [PolicyRecord]
    var data: FileDigestRecord?
    /// Whether ``model`` is a file (not a scoring command's text).
    var modelIsFile: Bool
    var supporting: [SupportingFile]
    /// Each file hashed, by the path it was read from, with its digest.
    var hashed: [(path: String, sha256: String)]

    /// Hashes every file again and refuses one that changed since it was hashed: the
    /// digests must describe the bytes the audit read.
    ///
    /// - Throws: `DataError` naming the file that changed.
    func checkUnchanged() throws {
      for (path, sha256) in hashed {
        let now = try FileDigest(contentsOf: path).sha256
        guard now == sha256 else {
          throw DataError(
            .unreadable, file: path,
            message: "the file changed while the audit ran (SHA-256 \(sha256.prefix(12))… when "
              + "read, \(now.prefix(12))… after); run the audit again on inputs that stay put")
        }
      }
    }

    /// As partial evidence records them.
    var partial: PartialEvidence.Inputs {
      PartialEvidence.Inputs(
        manifestSHA256: manifest.sha256, modelSHA256: modelIsFile ? model?.sha256 : nil,
        policies: policies.map {
          PartialEvidence.PolicyDigest(id: $0.id, version: $0.version, sha256: $0.file.sha256)
        },
        supportingFiles: supporting.isEmpty
          ? nil
          : supporting.map {
            PartialEvidence.SupportingDigest(role: $0.role, sha256: $0.file.sha256)
          })
    }
  }

  /// Hashes the manifest, the model file (or a scoring command's text), the policies with
  /// every policy they extend, the reason-code table and attribution background the manifest
  /// declares, and `data` when given; the audit hashes them before it reads the data and
  /// checks them again at the end (``Inputs/checkUnchanged()``).
  ///
  /// - Parameters:
  ///   - policySHA256: The SHA-256 of the bytes each policy file was parsed from, by the path
  ///     the policy loader read; a policy file missing from it is hashed here.
  ///   - packDirectory: The shipped packs' folder: a pack read from it is recorded as
  ///     `policies/ID.yaml`, so that reports do not depend on where fairgate is installed.
  /// - Throws: `DataError` when a file cannot be read.
  static func inputs(
    manifest: AuditManifest, policies: [Policy], policySHA256: [String: String],
    data: String? = nil, packDirectory: String
  ) throws -> Inputs {
    var hashed: [(path: String, sha256: String)] = []
    // A file parsed before this point is recorded by the digest of the bytes parsed.
    func record(_ path: String, parsed: String? = nil, shownAs shown: String? = nil) throws
      -> FileDigestRecord
    {
      let sha256 = try parsed ?? FileDigest(contentsOf: path).sha256
      if !hashed.contains(where: { $0.path == path }) { hashed.append((path, sha256)) }
      return FileDigestRecord(path: shown ?? PathText.normalised(path), sha256: sha256)
    }
    // Compared as text, symbolic links unresolved: a pack is shown by its place in the pack
    // folder however that folder is spelt or linked.
    let packs = PathText.absolute(packDirectory)
    func policyRecord(_ file: String, absolute: String) throws -> FileDigestRecord {
      let place = absolute as NSString
      return try record(
        file, parsed: policySHA256[file],
        shownAs: place.deletingLastPathComponent == packs
          ? "policies/" + place.lastPathComponent : nil)
    }
    var model: FileDigestRecord?
    switch manifest.model?.source {
    case .file(let path, _): model = try record(path)
    case .command(let specification):
      model = FileDigestRecord(
        path: "command: " + specification.command,
        sha256: FileDigest.sha256(of: Array(specification.command.utf8)))
    case nil: break
    }
    var supporting: [SupportingFile] = []
    if let table = manifest.reasons.table {
      supporting.append(SupportingFile(role: "reason-code table", file: try record(table)))
    }
    if case .file(let path, rows: _) = manifest.attributions.background {
      supporting.append(SupportingFile(role: "attribution background", file: try record(path)))
    }
    let appliedPlaces = policies.map { PathText.absolute($0.file) }
    var records = try zip(policies, appliedPlaces).map { policy, place in
      PolicyRecord(
        id: policy.id, title: policy.title, version: policy.version,
        file: try policyRecord(policy.file, absolute: place))
    }
    let applied = Set(appliedPlaces)
    var extended: [String: Int] = [:]
    for policy in policies {
      for ancestor in policy.ancestors {
        let place = PathText.absolute(ancestor.file)
        guard !applied.contains(place) else { continue }
        if let index = extended[place] {
          records[index].extendedBy?.append(policy.id)
          continue
        }
        extended[place] = records.count
        records.append(
          PolicyRecord(
            id: ancestor.id, title: ancestor.title, version: ancestor.version,
            file: try policyRecord(ancestor.file, absolute: place),
            extendedBy: [policy.id]))
      }
    }
    let manifestRecord = try record(manifest.file, parsed: manifest.sourceSHA256)
    let dataRecord = try data.map { try record($0) }
    return Inputs(
      manifest: manifestRecord, model: model, policies: records, data: dataRecord,
      modelIsFile: manifest.model.map { if case .file = $0.source { true } else { false } }
        ?? false,
      supporting: supporting, hashed: hashed)
  }
}
