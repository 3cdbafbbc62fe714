extension FindingsDocument {
  /// Counts of verdicts and the outcome of the release gate.
  public struct Summary: Codable, Sendable, Equatable {
    /// The number of findings with each verdict.
    public struct VerdictCounts: Codable, Sendable, Equatable {
      /// Findings that passed.
      public var pass: Int
      /// Findings that failed (an expired waiver does not stop a failure).
      public var fail: Int
      /// Failures a waiver in force excuses.
      public var waived: Int
      /// Findings on subjects too small to judge.
      public var insufficientData: Int

      /// Creates verdict counts.
      public init(pass: Int = 0, fail: Int = 0, waived: Int = 0, insufficientData: Int = 0) {
        self.pass = pass
        self.fail = fail
        self.waived = waived
        self.insufficientData = insufficientData
      }

      /// The total number of findings.
      public var total: Int { pass + fail + waived + insufficientData }
    }

    /// The number of failed findings at each severity.
    public struct SeverityCounts: Codable, Sendable, Equatable {
      /// Failures of severity error.
      public var error: Int
      /// Failures of severity warning.
      public var warning: Int
      /// Failures of severity info.
      public var info: Int

      /// Creates severity counts.
      public init(error: Int = 0, warning: Int = 0, info: Int = 0) {
        self.error = error
        self.warning = warning
        self.info = info
      }
    }

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
