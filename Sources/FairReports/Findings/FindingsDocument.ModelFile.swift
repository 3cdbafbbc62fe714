extension FindingsDocument {
  /// The model file an audit scored.
  public struct ModelFile: Codable, Sendable, Equatable {
    /// The path as the manifest gave it.
    public var path: String
    /// The SHA-256 digest of the file's bytes, lower-case hexadecimal.
    public var sha256: String
    /// A short description, such as `XGBoost binary:logistic, 200 trees, 20 features`.
    public var summary: String
    /// The recognised format: `xgboost-json`, `lightgbm-text`, `pmml`, or `command` for a
    /// scoring command.
    public var format: String

    /// Whether the record is of a scoring command: its digest is that of the command line,
    /// and the program it runs is not hashed.
    public var isCommand: Bool { format == "command" }

    /// Creates a model file record.
    public init(path: String, sha256: String, summary: String, format: String) {
      self.path = path
      self.sha256 = sha256
      self.summary = summary
      self.format = format
    }
  }
}
