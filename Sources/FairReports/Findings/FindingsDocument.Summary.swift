extension FindingsDocument {
  /// Counts of verdicts and the outcome of the release gate.
  public struct Summary: Codable, Sendable, Equatable {
    /// The number of findings with each verdict.
    public var verdicts: VerdictCounts
    /// The number of failed findings at each severity.
    public var failures: SeverityCounts
    /// The release gate's outcome.
    public var gate: Gate

    /// Creates a summary from its parts.
    public init(verdicts: VerdictCounts, failures: SeverityCounts, gate: Gate) {
      self.verdicts = verdicts
      self.failures = failures
      self.gate = gate
    }

    /// Counts the verdicts of `findings` and judges the gate.
    ///
    /// The gate fails when a finding failed, is not advisory, and has a severity at or
    /// above `failOn`. Waived and insufficient-data findings never fail it.
    ///
    /// - Parameters:
    ///   - findings: The findings.
    ///   - failOn: The lowest severity that fails the gate.
    /// - Complexity: O(*n*) for *n* findings.
    public init(findings: [Finding], failOn: Gate.Threshold) {
      var verdicts = VerdictCounts()
      var failures = SeverityCounts()
      var failed = false
      for finding in findings {
        switch finding.verdict {
        case .pass: verdicts.pass += 1
        case .waived: verdicts.waived += 1
        case .insufficientData: verdicts.insufficientData += 1
        case .fail:
          verdicts.fail += 1
          switch finding.severity {
          case .error: failures.error += 1
          case .warning: failures.warning += 1
          case .info: failures.info += 1
          }
          if !finding.advisory && failOn.isReached(by: finding.severity) { failed = true }
        }
      }
      self.init(
        verdicts: verdicts, failures: failures,
        gate: Gate(failOn: failOn, failed: failed, exitStatus: failed ? 1 : 0))
    }
  }
}
