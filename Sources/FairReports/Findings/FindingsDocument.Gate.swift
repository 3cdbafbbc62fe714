extension FindingsDocument {
  /// The release gate's outcome: whether a finding reached `--fail-on`.
  public struct Gate: Codable, Sendable, Equatable {
    /// The lowest severity that fails the gate.
    public enum Threshold: String, Codable, Sendable, CaseIterable {
      /// Failures of severity error fail the gate.
      case error
      /// Failures of severity warning or error fail the gate.
      case warning
      /// Nothing fails the gate.
      case never

      /// Whether a failure of `severity` reaches this threshold.
      public func isReached(by severity: Severity) -> Bool {
        switch self {
        case .error: severity == .error
        case .warning: severity == .error || severity == .warning
        case .never: false
        }
      }
    }

    /// The lowest severity that fails the gate.
    public var failOn: Threshold
    /// Whether the gate failed.
    public var failed: Bool
    /// The exit status the command line returns: 0 passed, 1 failed.
    public var exitStatus: Int

    /// Creates a gate record.
    public init(failOn: Threshold, failed: Bool, exitStatus: Int) {
      self.failOn = failOn
      self.failed = failed
      self.exitStatus = exitStatus
    }
  }
}
