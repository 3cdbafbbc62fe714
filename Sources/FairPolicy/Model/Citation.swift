/// The source a rule rests on, with its legal weight and status.
///
/// Reports print the citation beside every finding, so a reader can tell a legal requirement
/// from agency guidance, common practice or an organisation's own policy, and can see when a
/// source has been withdrawn or superseded.
public struct Citation: Hashable, Sendable, Codable {
  /// What kind of source it is.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A statute.
    case law
    /// A regulation or binding rule.
    case regulation
    /// Agency guidance, commentary or technical assistance.
    case guidance
    /// Professional or court practice.
    case practice
    /// The organisation's own policy.
    case `internal`
  }

  /// Whether the source is in force.
  public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    /// In force.
    case inForce = "in-force"
    /// Withdrawn; cited as history only.
    case withdrawn
    /// Replaced by a later source.
    case superseded
    /// Proposed, not adopted.
    case proposed
  }

  /// The reference, such as `29 CFR 1607.4(D)`.
  public var text: String
  /// The kind of source.
  public var kind: Kind
  /// The source's status.
  public var status: Status
  /// Where to read it, if given.
  public var url: String?
  /// A remark, such as the date of withdrawal.
  public var note: String?

  /// Creates a citation.
  public init(
    text: String, kind: Kind, status: Status = .inForce, url: String? = nil, note: String? = nil
  ) {
    self.text = text
    self.kind = kind
    self.status = status
    self.url = url
    self.note = note
  }
}
