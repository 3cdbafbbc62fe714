extension FindingsDocument {
  /// A file besides the model, data, manifest and policies that shaped the figures, such as
  /// the reason-code table behind adverse-action reasons.
  public struct SupportingFile: Codable, Sendable, Equatable {
    /// What the file is for: `reason-code table`, `attribution background`.
    public var role: String
    /// The path as the manifest gave it, resolved against the manifest's folder.
    public var path: String
    /// The SHA-256 digest of the file's bytes, lower-case hexadecimal.
    public var sha256: String

    /// Creates a supporting file record.
    public init(role: String, path: String, sha256: String) {
      self.role = role
      self.path = path
      self.sha256 = sha256
    }
  }
}
