extension FindingsDocument {
  /// How serious a rule's failure is.
  public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    /// A failure that blocks a release under the default gate.
    case error
    /// A failure to review; blocks a release under `--fail-on warning`.
    case warning
    /// Information; never blocks a release.
    case info

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .info: 2
      }
    }

    /// Orders severities from the most to the least serious: error, warning, info.
    public static func < (left: Severity, right: Severity) -> Bool { left.rank < right.rank }
  }
}
