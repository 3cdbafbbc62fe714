extension FindingsDocument {
  /// The source a rule rests on, with what kind of source it is and whether it still holds.
  ///
  /// The kind lets a regulator-facing report separate legal requirements from agency
  /// guidance and internal policy; the status flags sources that were withdrawn or
  /// superseded since the pack was written.
  public struct Citation: Codable, Sendable, Equatable {
    /// What kind of source a citation is.
    public enum Kind: String, Codable, Sendable, CaseIterable {
      /// A statute or regulation.
      case law
      /// The tool's or the pack author's reading of a legal text.
      case interpretation
      /// Agency guidance without the force of law.
      case guidance
      /// Accepted professional practice.
      case practice
      /// The organisation's own policy.
      case policy
      /// A threshold the provider defined for itself (EU AI Act Art. 9(8)).
      case providerDefined = "provider_defined"
    }

    /// Whether a cited source is in force.
    public enum Status: String, Codable, Sendable, CaseIterable {
      /// In force.
      case inForce = "in_force"
      /// Proposed, not yet adopted.
      case proposed
      /// Withdrawn; the finding still shows it, marked as such.
      case withdrawn
      /// Superseded by a newer source.
      case superseded
      /// A draft that was never adopted.
      case draftUnadopted = "draft_unadopted"
      /// Not yet verified against the official text.
      case verify

      /// The status in words: `in force`, `withdrawn`, ….
      public var label: String {
        switch self {
        case .inForce: "in force"
        case .proposed: "proposed"
        case .withdrawn: "withdrawn"
        case .superseded: "superseded"
        case .draftUnadopted: "draft, not adopted"
        case .verify: "to verify"
        }
      }

      /// Whether a reader should be warned that the source may no longer hold.
      public var isCaution: Bool { self != .inForce }
    }

    /// The citation text, such as `29 CFR 1607.4(D)`.
    public var text: String
    /// What kind of source it is.
    public var kind: Kind
    /// Whether it is in force.
    public var status: Status
    /// Where to read it.
    public var url: String?
    /// A remark, such as what superseded it.
    public var note: String?

    /// Creates a citation.
    public init(text: String, kind: Kind, status: Status, url: String? = nil, note: String? = nil) {
      self.text = text
      self.kind = kind
      self.status = status
      self.url = url
      self.note = note
    }

    /// The citation with its kind and, when not in force, its status:
    /// `29 CFR 1607.4(D) [law]`, `CFPB Circular 2022-03 [guidance, withdrawn]`.
    public var summary: String {
      let kindText = kind == .providerDefined ? "provider-defined" : kind.rawValue
      return status == .inForce ? "\(text) [\(kindText)]" : "\(text) [\(kindText), \(status.label)]"
    }
  }
}
