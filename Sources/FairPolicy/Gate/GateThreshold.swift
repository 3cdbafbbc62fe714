/// The lowest severity of failure that fails the release gate (`--fail-on`).
public enum GateThreshold: String, Hashable, Sendable, Codable, CaseIterable {
  /// Fail on failures of severity `error`.
  case error
  /// Fail on failures of severity `warning` or `error`.
  case warning
  /// Never fail; report only.
  case never

  /// Whether a failure of `severity` reaches this threshold.
  public func isReached(by severity: Severity) -> Bool {
    switch self {
    case .error: return severity >= .error
    case .warning: return severity >= .warning
    case .never: return false
    }
  }
}
