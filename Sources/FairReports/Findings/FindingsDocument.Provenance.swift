extension FindingsDocument {
  /// The files the findings rest on, with their SHA-256 digests, and the run's settings.
  ///
  /// Each file's digest is that of the bytes the audit parsed (the manifest and policies) or
  /// taken before it read the file (the model, the data and the rest), and every file is
  /// hashed again when the audit ends: one that changed stops it. A reader can check that
  /// the thresholds were fixed in advance (EU AI Act Art. 9(8)) and that the findings rest
  /// on exactly these bytes.
  public struct Provenance: Codable, Sendable, Equatable {
    /// The model file, or a scoring command (format `command`, its path the command line and
    /// its digest that of the line's text); absent when the audit read score or decision
    /// columns instead.
    public var model: ModelFile?
    /// The data file.
    public var data: DataFile
    /// The audit manifest; absent when the audit was run from command-line options alone.
    public var manifest: FileDigest?
    /// Every policy pack applied, then every pack read only because an applied one extends
    /// it.
    public var policies: [PolicyFile]
    /// The seed of every randomised step (bootstrap, sampling explainers), if any ran.
    public var seed: UInt64?
    /// The number of bootstrap replicates behind the intervals; 0 when none were drawn.
    public var bootstrapReplicates: Int
    /// The confidence level of every interval, such as 0.95.
    public var confidenceLevel: Double
    /// The reason-code table and attribution background the manifest declares, when it
    /// declares either.
    public var supportingFiles: [SupportingFile]? = nil
    /// The partitions whose partial evidence was merged, when the audit ran on merged
    /// evidence of more than one (the data's digest is then a digest of theirs).
    public var partitions: [Partition]? = nil

    /// One partition of the rows.
    public struct Partition: Codable, Sendable, Equatable {
      /// The partition's id.
      public var id: String
      /// Its rows.
      public var rows: Int
      /// The SHA-256 of its data.
      public var sha256: String

      /// Creates a partition record.
      public init(id: String, rows: Int, sha256: String) {
        self.id = id
        self.rows = rows
        self.sha256 = sha256
      }
    }

    /// Creates a provenance record.
    public init(
      model: ModelFile?, data: DataFile, manifest: FileDigest?, policies: [PolicyFile],
      seed: UInt64?, bootstrapReplicates: Int, confidenceLevel: Double
    ) {
      self.model = model
      self.data = data
      self.manifest = manifest
      self.policies = policies
      self.seed = seed
      self.bootstrapReplicates = bootstrapReplicates
      self.confidenceLevel = confidenceLevel
    }
  }
}
