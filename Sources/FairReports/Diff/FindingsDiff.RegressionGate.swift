extension FindingsDiff {
  /// The gate of `fairgate audit --baseline`: the findings that got worse relative to the
  /// baseline, and whether they decide the exit status.
  ///
  /// A regression is a finding that fails now, is not advisory, has a severity at or above
  /// ``failOn``, and did not fail in the baseline (it passed, was waived, had insufficient
  /// data, or was absent); see ``FindingsDiff/regressions(failOn:)``. With
  /// `--fail-on-regression` (``enforced``) the audit exits 1 exactly when there is one, so
  /// an unchanged model whose failures are all in the baseline passes. Without it the gate
  /// is informative and the audit's own gate decides.
  public struct RegressionGate: Codable, Sendable, Equatable {
    /// The lowest severity that counts.
    public var failOn: FindingsDocument.Gate.Threshold
    /// Whether the regressions decide the exit status (`--fail-on-regression`).
    public var enforced: Bool
    /// Whether there is at least one regression.
    public var failed: Bool
    /// The exit status of the audit: with ``enforced``, 1 when ``failed`` and 0 otherwise;
    /// without, the audit's own gate's.
    public var exitStatus: Int
    /// The regressions, most serious first.
    public var regressions: [FindingChange]

    /// Creates a gate from its parts.
    public init(
      failOn: FindingsDocument.Gate.Threshold, enforced: Bool, failed: Bool, exitStatus: Int,
      regressions: [FindingChange]
    ) {
      self.failOn = failOn
      self.enforced = enforced
      self.failed = failed
      self.exitStatus = exitStatus
      self.regressions = regressions
    }

    /// Judges the regressions of `diff` at `failOn`.
    ///
    /// - Parameters:
    ///   - diff: The baseline compared with the current audit.
    ///   - failOn: The lowest severity that counts (the audit's `--fail-on`).
    ///   - enforced: Whether the regressions decide the exit status; otherwise it is the
    ///     current audit's own gate's (``AuditReference/gate``).
    public init(diff: FindingsDiff, failOn: FindingsDocument.Gate.Threshold, enforced: Bool) {
      let regressions = diff.regressions(failOn: failOn)
      let failed = !regressions.isEmpty
      self.init(
        failOn: failOn, enforced: enforced, failed: failed,
        exitStatus: enforced ? (failed ? 1 : 0) : diff.current.gate.exitStatus,
        regressions: regressions)
    }
  }
}
