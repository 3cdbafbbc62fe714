extension FindingsDocument {
  /// A policy pack an audit applied, or one it read because an applied pack extends it.
  public struct PolicyFile: Codable, Sendable, Equatable {
    /// The pack's identifier, such as `nyc-ll144`.
    public var id: String
    /// The pack's title.
    public var title: String
    /// The pack's version.
    public var version: String
    /// The path the pack was read from (`policies/FILE` for shipped packs).
    public var path: String
    /// The SHA-256 digest of the pack's bytes, lower-case hexadecimal.
    public var sha256: String
    /// The applied packs that inherit this one's rules, directly or through packs between,
    /// when it was read only because of them.
    ///
    /// `nil` for a pack the audit applied. An extended pack's rules reach the findings
    /// through the applied packs that inherit them.
    public var extendedBy: [String]?

    /// Creates a policy file record.
    public init(
      id: String, title: String, version: String, path: String, sha256: String,
      extendedBy: [String]? = nil
    ) {
      self.id = id
      self.title = title
      self.version = version
      self.path = path
      self.sha256 = sha256
      self.extendedBy = extendedBy
    }
  }
}
