/// Whether the release gate passes, and which findings fail it.
public struct GateOutcome: Hashable, Sendable {
  /// Whether no finding fails the gate.
  public var passed: Bool
  /// The findings that fail it: verdict `fail` (not waived, not insufficient data) with an
  /// effective severity at or above the threshold.
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
      $0.verdict == .fail && threshold.isReached(by: $0.severity)
    }
    passed = failingFindings.isEmpty
    self.threshold = threshold
  }
}
