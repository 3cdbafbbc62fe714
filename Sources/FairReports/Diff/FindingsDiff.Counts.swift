extension FindingsDiff {
  /// The number of entries in each list of a diff.
  public struct Counts: Codable, Sendable, Equatable {
    /// New failures.
    public var newFailures: Int
    /// Resolved failures.
    public var resolvedFailures: Int
    /// Verdict changes of findings present in both audits.
    public var verdictChanges: Int
    /// Values that moved beyond an interval.
    public var metricMoves: Int
    /// Rules only the current audit applied.
    public var rulesAdded: Int
    /// Rules only the baseline applied.
    public var rulesRemoved: Int
    /// Subjects only the current audit has.
    public var subjectsAdded: Int
    /// Subjects only the baseline has.
    public var subjectsRemoved: Int

    /// Creates counts.
    public init(
      newFailures: Int = 0, resolvedFailures: Int = 0, verdictChanges: Int = 0,
      metricMoves: Int = 0, rulesAdded: Int = 0, rulesRemoved: Int = 0, subjectsAdded: Int = 0,
      subjectsRemoved: Int = 0
    ) {
      self.newFailures = newFailures
      self.resolvedFailures = resolvedFailures
      self.verdictChanges = verdictChanges
      self.metricMoves = metricMoves
      self.rulesAdded = rulesAdded
      self.rulesRemoved = rulesRemoved
      self.subjectsAdded = subjectsAdded
      self.subjectsRemoved = subjectsRemoved
    }

    /// The sum of all counts: 0 when nothing changed.
    public var total: Int {
      newFailures + resolvedFailures + verdictChanges + metricMoves + rulesAdded + rulesRemoved
        + subjectsAdded + subjectsRemoved
    }
  }
}
