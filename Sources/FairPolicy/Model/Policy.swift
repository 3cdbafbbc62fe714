/// A policy with its inherited rules resolved: what the rules engine evaluates.
public struct Policy: Hashable, Sendable, Codable {
  /// A policy whose rules another inherits, directly or through its own parents.
  public struct Ancestor: Hashable, Sendable, Codable {
    /// The ancestor's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its version, as written.
    public var version: String
    /// The file it was read from.
    public var file: String

    /// Creates an ancestor record.
    public init(id: String, title: String, version: String, file: String) {
      self.id = id
      self.title = title
      self.version = version
      self.file = file
    }
  }

  /// The policy's id (`policy:`), such as `eeoc-four-fifths`.
  public var id: String
  /// The title.
  public var title: String
  /// The version, as written.
  public var version: String
  /// Free-text notes, such as the status of the sources.
  public var notes: String?
  /// The ids of the policies it extends directly, in order.
  public var extends: [String]
  /// Every rule, inherited ones first, including disabled ones.
  public var rules: [PolicyRule]
  /// The file it was read from.
  public var file: String
  /// Every policy it inherits rules from, directly or not.
  ///
  /// Each parent followed by that parent's ancestors, each file once. Their files shaped the
  /// rules as much as ``file``.
  public var ancestors: [Ancestor] = []

  /// Creates a policy.
  public init(
    id: String, title: String, version: String, notes: String? = nil, extends: [String] = [],
    rules: [PolicyRule], file: String = ""
  ) {
    self.id = id
    self.title = title
    self.version = version
    self.notes = notes
    self.extends = extends
    self.rules = rules
    self.file = file
  }

  /// The rules the engine evaluates.
  public var enabledRules: [PolicyRule] { rules.filter(\.isEnabled) }
}
