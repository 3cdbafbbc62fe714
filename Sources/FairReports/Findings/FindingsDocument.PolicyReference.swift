extension FindingsDocument {
  /// The policy pack a finding's rule belongs to.
  public struct PolicyReference: Codable, Sendable, Equatable {
    /// The pack's identifier, such as `us-eeoc-ugesp`.
    public var id: String
    /// The pack's version.
    public var version: String
    /// The pack's title.
    public var title: String

    /// Creates a policy reference.
    public init(id: String, version: String, title: String) {
      self.id = id
      self.version = version
      self.title = title
    }
  }
}
