extension FindingsDocument {
  /// A waiver the audit manifest declares, with whether it matched and applied.
  public struct Waiver: Codable, Sendable, Equatable {
    /// What became of a declared waiver.
    public enum Status: String, Codable, Sendable, CaseIterable {
      /// It matched a failure and was in force.
      case applied
      /// It matched a failure but was past its expiry date.
      case expired
      /// It matched no failure (the subject passed, or the rule or subject does not exist).
      case unmatched
    }

    /// The rule it names, as `policy/rule` or a rule identifier.
    public var rule: String
    /// The subject it names, in a finding's display form; absent for every subject.
    public var subject: String?
    /// Why the failure is accepted.
    public var reason: String
    /// Who approved it.
    public var approver: String
    /// The last day it applies, `YYYY-MM-DD`.
    public var expires: String
    /// What became of it.
    public var status: Status

    /// Creates a waiver record.
    public init(
      rule: String, subject: String?, reason: String, approver: String, expires: String,
      status: Status
    ) {
      self.rule = rule
      self.subject = subject
      self.reason = reason
      self.approver = approver
      self.expires = expires
      self.status = status
    }
  }
}
