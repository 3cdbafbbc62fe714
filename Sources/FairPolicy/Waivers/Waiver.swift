/// An approved, dated exception to a rule.
///
/// A waiver covers failures of one rule (optionally only in one policy, and only for matching
/// subjects) until the end of its `expires` day. An expired waiver covers nothing, and the
/// finding says so; a waiver that matches no finding is reported, never ignored.
public struct Waiver: Hashable, Sendable, Codable {
  /// The waived rule's id.
  public var rule: String
  /// The policy's id, if the waiver is limited to one policy.
  public var policy: String?
  /// The subjects covered; `nil` covers every subject of the rule.
  public var subject: SubjectMatch?
  /// Why the exception is acceptable.
  public var reason: String
  /// Who approved it.
  public var approver: String
  /// The last day on which it applies.
  public var expires: CalendarDate
  /// Where it is written, if it came from a file.
  public var location: PolicyLocation?

  /// Creates a waiver.
  public init(
    rule: String, policy: String? = nil, subject: SubjectMatch? = nil, reason: String,
    approver: String, expires: CalendarDate, location: PolicyLocation? = nil
  ) {
    self.rule = rule
    self.policy = policy
    self.subject = subject
    self.reason = reason
    self.approver = approver
    self.expires = expires
    self.location = location
  }

  /// Whether the waiver names this finding's rule, policy and subject.
  public func matches(_ finding: Finding) -> Bool {
    guard rule == finding.ruleID else { return false }
    if let policy, policy != finding.policyID { return false }
    return subject?.matches(finding.subject) ?? true
  }

  /// Whether the waiver still applies on `date` (it applies through its `expires` day).
  public func isActive(on date: CalendarDate) -> Bool {
    date <= expires
  }
}
