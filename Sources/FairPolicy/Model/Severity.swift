/// How serious a rule's failure is; ordered `info` < `warning` < `error`.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  /// Bookkeeping: the figure is recorded for the report; it never fails a gate set above `info`.
  case info
  /// Probably a problem; fails the gate only with `--fail-on warning`.
  case warning
  /// A breach; fails the gate with `--fail-on error` (the default) or `warning`.
  case error

  /// Orders severities from `info` to `error`.
  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs.rank < rhs.rank
  }

  private var rank: Int {
    switch self {
    case .info: return 0
    case .warning: return 1
    case .error: return 2
    }
  }
}
