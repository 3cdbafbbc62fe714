/// What changed between two audits: a versioned document (`fairgate.diff/1`) comparing a
/// baseline findings document with a current one.
///
/// Findings are matched by their policy id, rule id and subject (as displayed, such as
/// `race = Black or African American`). The diff lists
///
/// - **new failures**: findings that fail in the current audit and did not fail in the
///   baseline (they passed, were waived, had insufficient data, or were absent);
/// - **resolved failures**: findings that failed in the baseline and no longer fail;
/// - **verdict changes**: every finding present in both whose verdict differs, including
///   the transitions to and from `waived` and `insufficient-data` (so a new or resolved
///   failure of a finding present in both is listed here as well);
/// - **metric moves**: findings present in both whose value moved beyond an interval: the
///   current value outside the baseline's interval, the baseline value outside the current
///   interval, or both (``MetricMove/Crossing`` says which);
/// - **rules added and removed** (by policy and rule id), and **subjects added and
///   removed** under the rules both audits applied.
///
/// Every list is in a fixed order: the current audit's finding order (the baseline's for
/// what only the baseline has), with new and resolved failures most serious first. The
/// same two documents always give the same diff, and ``DiffFormat`` renders it as text,
/// Markdown or JSON.
///
/// ```swift
/// let diff = FindingsDiff(
///   baseline: try FindingsDocument.read(path: "baseline/findings.json"),
///   current: try FindingsDocument.read(path: "reports/findings.json"),
///   baselineFile: "baseline/findings.json", currentFile: "reports/findings.json")
/// let regressions = diff.regressions(failOn: .error)
/// ```
public struct FindingsDiff: Codable, Sendable, Equatable {
  /// The schema identifier written in every diff document of this version.
  public static let schemaVersion = "fairgate.diff/1"

  /// The schema identifier, ``schemaVersion``.
  public private(set) var schema = FindingsDiff.schemaVersion
  /// The baseline audit.
  public var baseline: AuditReference
  /// The current audit.
  public var current: AuditReference
  /// The number of entries in each list.
  public var summary: Counts
  /// Findings failing now that did not fail in the baseline, most serious first.
  public var newFailures: [FindingChange]
  /// Findings that failed in the baseline and no longer fail, most serious first.
  public var resolvedFailures: [FindingChange]
  /// Every finding present in both audits whose verdict differs.
  public var verdictChanges: [FindingChange]
  /// Findings present in both audits whose value moved beyond an interval.
  public var metricMoves: [MetricMove]
  /// Rules only the current audit applied.
  public var rulesAdded: [RuleChange]
  /// Rules only the baseline applied.
  public var rulesRemoved: [RuleChange]
  /// Findings only the current audit has, under rules both applied.
  public var subjectsAdded: [FindingChange]
  /// Findings only the baseline has, under rules both applied.
  public var subjectsRemoved: [FindingChange]
  /// The regression gate of `fairgate audit --baseline`, when the diff was written by it.
  public var regressionGate: RegressionGate?

  /// Creates a diff from its parts; ``init(baseline:current:baselineFile:currentFile:)``
  /// computes one from two documents.
  public init(
    baseline: AuditReference, current: AuditReference, newFailures: [FindingChange],
    resolvedFailures: [FindingChange], verdictChanges: [FindingChange],
    metricMoves: [MetricMove], rulesAdded: [RuleChange], rulesRemoved: [RuleChange],
    subjectsAdded: [FindingChange], subjectsRemoved: [FindingChange],
    regressionGate: RegressionGate? = nil
  ) {
    self.baseline = baseline
    self.current = current
    self.newFailures = newFailures
    self.resolvedFailures = resolvedFailures
    self.verdictChanges = verdictChanges
    self.metricMoves = metricMoves
    self.rulesAdded = rulesAdded
    self.rulesRemoved = rulesRemoved
    self.subjectsAdded = subjectsAdded
    self.subjectsRemoved = subjectsRemoved
    self.regressionGate = regressionGate
    summary = Counts(
      newFailures: newFailures.count, resolvedFailures: resolvedFailures.count,
      verdictChanges: verdictChanges.count, metricMoves: metricMoves.count,
      rulesAdded: rulesAdded.count, rulesRemoved: rulesRemoved.count,
      subjectsAdded: subjectsAdded.count, subjectsRemoved: subjectsRemoved.count)
  }

  /// Whether the two audits have the same rules and subjects with the same verdicts, and
  /// no value moved beyond an interval.
  public var isEmpty: Bool { summary.total == 0 }

  /// The new failures that fail a gate at `failOn`: not advisory, and of a severity at or
  /// above `failOn`.
  ///
  /// These are the findings that got worse relative to the baseline: failing now at or
  /// above the threshold, and passing, waived (or with an expired waiver's failure now
  /// standing), insufficient-data or absent in the baseline. A finding that failed in both
  /// audits is not a regression, whatever its severity.
  ///
  /// - Parameter failOn: The lowest severity that fails the gate.
  /// - Returns: The regressions, most serious first.
  /// - Complexity: O(*n*) for *n* new failures.
  public func regressions(failOn: FindingsDocument.Gate.Threshold) -> [FindingChange] {
    newFailures.filter { change in
      guard let current = change.current else { return false }
      return current.verdict == .fail && !current.advisory
        && failOn.isReached(by: current.severity)
    }
  }
}
