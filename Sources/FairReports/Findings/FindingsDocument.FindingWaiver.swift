extension FindingsDocument {
  /// The waiver matched to a finding.
  public struct FindingWaiver: Codable, Sendable, Equatable {
    /// Whether the waiver was in force on the audit's as-of date.
    public enum Status: String, Codable, Sendable, CaseIterable {
      /// In force: the failure reads as waived.
      case applied
      /// Past its expiry date: the failure stands.
      case expired
    }

    /// Why the failure is accepted.
    public var reason: String
    /// Who approved the waiver.
    public var approver: String
    /// The last day the waiver applies, `YYYY-MM-DD`.
    public var expires: String
    /// Whether it applied.
    public var status: Status

    /// Creates a finding's waiver record.
    public init(reason: String, approver: String, expires: String, status: Status) {
      self.reason = reason
      self.approver = approver
      self.expires = expires
      self.status = status
    }
  }
}
