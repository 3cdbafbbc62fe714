/// The outcome of one rule for one subject.
public enum Verdict: String, Hashable, Sendable, Codable, CaseIterable {
  /// The value meets the requirement (or the rule only records it).
  case pass
  /// The value breaches the requirement, or the significance decision flags it.
  case fail
  /// A failure covered by an unexpired waiver.
  case waived
  /// The subject is too small to judge, or the value cannot be computed.
  case insufficientData = "insufficient-data"
}
