extension FindingsDocument {
  /// A file identified by its path and SHA-256 digest.
  public struct FileDigest: Codable, Sendable, Equatable {
    /// The path as the caller gave it.
    public var path: String
    /// The SHA-256 digest of the file's bytes, lower-case hexadecimal.
    public var sha256: String

    /// Creates a file digest record.
    public init(path: String, sha256: String) {
      self.path = path
      self.sha256 = sha256
    }
  }
}
