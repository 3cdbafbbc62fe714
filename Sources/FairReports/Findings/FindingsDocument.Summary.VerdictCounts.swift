extension FindingsDocument.Summary {
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
}
