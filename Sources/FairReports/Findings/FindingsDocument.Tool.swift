extension FindingsDocument {
  /// The tool that wrote a document.
  public struct Tool: Codable, Sendable, Equatable {
    /// The tool's name, `fairgate`.
    public var name: String
    /// The tool's version.
    public var version: String

    /// Creates a tool description.
    public init(name: String = "fairgate", version: String) {
      self.name = name
      self.version = version
    }
  }
}
