/// Whether the release gate passes, and which findings fail it.
public struct GateOutcome: Hashable, Sendable {
  /// Whether no finding fails the gate.
  public var passed: Bool
  /// The findings that fail it: verdict `fail` (not waived, not insufficient data), not
  /// advisory (a heuristic the law does not set, such as the four-fifths ratio under NYC
  /// Local Law 144), with an effective severity at or above the threshold.
  public var failingFindings: [Finding]
  /// The threshold applied.
  public var threshold: GateThreshold

  /// Computes the gate from findings.
  ///
  /// - Parameters:
  ///   - findings: The findings of an evaluation.
  ///   - threshold: The `--fail-on` level.
  /// - Complexity: O(*n*) for *n* findings.
  public init(findings: [Finding], failOn threshold: GateThreshold) {
    failingFindings = findings.filter {
      $0.verdict == .fail && !$0.isAdvisory && threshold.isReached(by: $0.severity)
    }
    passed = failingFindings.isEmpty
    self.threshold = threshold
  }
}
