extension FindingsDiff {
  /// One side of a diff: which audit it is, what it rests on, and how its gate came out.
  public struct AuditReference: Codable, Sendable, Equatable {
    /// The findings file as the caller named it, if the document came from a file.
    public var file: String?
    /// When the audit ran, ISO-8601 UTC.
    public var generatedAt: String
    /// The date its waivers were judged against.
    public var asOf: String
    /// The tool that wrote the findings.
    public var tool: FindingsDocument.Tool
    /// The model file and its digest; absent when the audit read score or decision columns.
    public var model: FindingsDocument.FileDigest?
    /// The data file and its digest.
    public var data: FindingsDocument.FileDigest
    /// The audit manifest and its digest, if there was one.
    public var manifest: FindingsDocument.FileDigest?
    /// The policy packs applied, with their versions and digests.
    public var policies: [FindingsDocument.PolicyFile]
    /// The reason-code table and attribution background the audit declared, when recorded.
    public var supportingFiles: [FindingsDocument.SupportingFile]? = nil
    /// The audit's own gate.
    public var gate: FindingsDocument.Gate
    /// The audit's verdict counts.
    public var verdicts: FindingsDocument.Summary.VerdictCounts

    /// Creates a reference from its parts.
    public init(
      file: String?, generatedAt: String, asOf: String, tool: FindingsDocument.Tool,
      model: FindingsDocument.FileDigest?, data: FindingsDocument.FileDigest,
      manifest: FindingsDocument.FileDigest?, policies: [FindingsDocument.PolicyFile],
      gate: FindingsDocument.Gate, verdicts: FindingsDocument.Summary.VerdictCounts
    ) {
      self.file = file
      self.generatedAt = generatedAt
      self.asOf = asOf
      self.tool = tool
      self.model = model
      self.data = data
      self.manifest = manifest
      self.policies = policies
      self.gate = gate
      self.verdicts = verdicts
    }

    /// The reference of `document`, read from `file` if given.
    public init(_ document: FindingsDocument, file: String?) {
      let provenance = document.provenance
      self.init(
        file: file, generatedAt: document.generatedAt, asOf: document.asOf, tool: document.tool,
        model: provenance.model.map {
          FindingsDocument.FileDigest(path: $0.path, sha256: $0.sha256)
        },
        data: FindingsDocument.FileDigest(
          path: provenance.data.path, sha256: provenance.data.sha256),
        manifest: provenance.manifest, policies: provenance.policies,
        gate: document.summary.gate, verdicts: document.summary.verdicts)
      supportingFiles = provenance.supportingFiles
    }
  }
}
