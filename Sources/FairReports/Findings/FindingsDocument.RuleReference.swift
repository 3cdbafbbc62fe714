extension FindingsDocument {
  /// The rule behind a finding.
  public struct RuleReference: Codable, Sendable, Equatable {
    /// The rule's identifier, unique within its pack, such as `four-fifths`.
    public var id: String
    /// The rule's title.
    public var title: String

    /// Creates a rule reference.
    public init(id: String, title: String) {
      self.id = id
      self.title = title
    }
  }
}
