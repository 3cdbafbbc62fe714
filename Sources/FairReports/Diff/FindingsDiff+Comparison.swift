extension FindingsDiff {
  /// A finding's identity across audits: policy id, rule id, subject as displayed, and the
  /// occurrence of that triple (1 for the first), so that a document that repeats a triple
  /// still matches finding for finding.
  private struct Key: Hashable {
    var policy: String
    var rule: String
    var subject: String
    var occurrence: Int
  }

  private struct RuleKey: Hashable {
    var policy: String
    var rule: String
  }

  /// Compares two findings documents.
  ///
  /// - Parameters:
  ///   - baseline: The earlier audit, the one to compare against.
  ///   - current: The audit under review.
  ///   - baselineFile: The baseline's file, for the report.
  ///   - currentFile: The current audit's file, for the report.
  /// - Complexity: O(*n* log *n*) for *n* findings in the two documents.
  public init(
    baseline: FindingsDocument, current: FindingsDocument, baselineFile: String? = nil,
    currentFile: String? = nil
  ) {
    let before = Self.keyed(baseline.findings)
    let after = Self.keyed(current.findings)
    let beforeIndex = Dictionary(
      before.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    let afterIndex = Dictionary(
      after.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    let beforeRules = Set(before.map { RuleKey(policy: $0.key.policy, rule: $0.key.rule) })
    let afterRules = Set(after.map { RuleKey(policy: $0.key.policy, rule: $0.key.rule) })

    var newFailures: [(rank: Int, change: FindingChange)] = []
    var resolvedFailures: [(rank: Int, change: FindingChange)] = []
    var verdictChanges: [FindingChange] = []
    var metricMoves: [MetricMove] = []
    var subjectsAdded: [FindingChange] = []
    var subjectsRemoved: [FindingChange] = []

    for (index, entry) in after.enumerated() {
      let finding = entry.finding
      let previous = beforeIndex[entry.key].map { before[$0].finding }
      let change = FindingChange(
        policy: finding.policy.id, rule: finding.rule.id, title: finding.rule.title,
        subject: finding.subject.display, metric: finding.metric,
        baseline: previous.map(FindingState.init), current: FindingState(finding))
      if finding.verdict == .fail && previous?.verdict != .fail {
        newFailures.append((Self.rank(finding.severity, index), change))
      }
      guard let previous else {
        let rule = RuleKey(policy: entry.key.policy, rule: entry.key.rule)
        if beforeRules.contains(rule) { subjectsAdded.append(change) }
        continue
      }
      if previous.verdict == .fail && finding.verdict != .fail {
        resolvedFailures.append((Self.rank(previous.severity, index), change))
      }
      if previous.verdict != finding.verdict { verdictChanges.append(change) }
      if let move = Self.move(from: previous, to: finding) { metricMoves.append(move) }
    }
    for (index, entry) in before.enumerated() where afterIndex[entry.key] == nil {
      let finding = entry.finding
      let change = FindingChange(
        policy: finding.policy.id, rule: finding.rule.id, title: finding.rule.title,
        subject: finding.subject.display, metric: finding.metric,
        baseline: FindingState(finding), current: nil)
      if finding.verdict == .fail {
        // After every finding of the current audit, in the baseline's order.
        resolvedFailures.append((Self.rank(finding.severity, after.count + index), change))
      }
      if afterRules.contains(RuleKey(policy: entry.key.policy, rule: entry.key.rule)) {
        subjectsRemoved.append(change)
      }
    }
    self.init(
      baseline: AuditReference(baseline, file: baselineFile),
      current: AuditReference(current, file: currentFile),
      newFailures: newFailures.sorted { $0.rank < $1.rank }.map(\.change),
      resolvedFailures: resolvedFailures.sorted { $0.rank < $1.rank }.map(\.change),
      verdictChanges: verdictChanges, metricMoves: metricMoves,
      rulesAdded: Self.rules(of: current.findings, absentFrom: beforeRules),
      rulesRemoved: Self.rules(of: baseline.findings, absentFrom: afterRules),
      subjectsAdded: subjectsAdded, subjectsRemoved: subjectsRemoved)
  }

  /// The findings with their keys, numbering repeated triples.
  private static func keyed(
    _ findings: [FindingsDocument.Finding]
  ) -> [(key: Key, finding: FindingsDocument.Finding)] {
    var seen: [Key: Int] = [:]
    return findings.map { finding in
      var key = Key(
        policy: finding.policy.id, rule: finding.rule.id, subject: finding.subject.display,
        occurrence: 0)
      let occurrence = (seen[key] ?? 0) + 1
      seen[key] = occurrence
      key.occurrence = occurrence
      return (key, finding)
    }
  }

  /// A sort key that puts more serious findings first and keeps document order within a
  /// severity.
  private static func rank(_ severity: FindingsDocument.Severity, _ index: Int) -> Int {
    let severityRank =
      switch severity {
      case .error: 0
      case .warning: 1
      case .info: 2
      }
    return severityRank * (1 << 40) + index
  }

  /// The move of a finding's value beyond an interval, if it moved beyond one.
  private static func move(
    from previous: FindingsDocument.Finding, to finding: FindingsDocument.Finding
  ) -> MetricMove? {
    guard previous.metric == finding.metric, let before = previous.value,
      let after = finding.value,
      let crossing = MetricMove.crossing(
        baselineValue: before, currentValue: after, baselineInterval: previous.interval,
        currentInterval: finding.interval)
    else { return nil }
    return MetricMove(
      policy: finding.policy.id, rule: finding.rule.id, title: finding.rule.title,
      subject: finding.subject.display, metric: finding.metric, baselineValue: before,
      currentValue: after, baselineInterval: previous.interval,
      currentInterval: finding.interval, crossing: crossing, baselineVerdict: previous.verdict,
      currentVerdict: finding.verdict)
  }

  /// The rules of `findings` that `known` lacks, in order of first appearance, with their
  /// subject and failure counts.
  private static func rules(
    of findings: [FindingsDocument.Finding], absentFrom known: Set<RuleKey>
  ) -> [RuleChange] {
    var order: [RuleKey] = []
    var changes: [RuleKey: RuleChange] = [:]
    for finding in findings {
      let key = RuleKey(policy: finding.policy.id, rule: finding.rule.id)
      guard !known.contains(key) else { continue }
      if changes[key] == nil {
        order.append(key)
        changes[key] = RuleChange(
          policy: finding.policy.id, policyVersion: finding.policy.version,
          rule: finding.rule.id, title: finding.rule.title, subjects: 0, failures: 0)
      }
      changes[key]?.subjects += 1
      if finding.verdict == .fail { changes[key]?.failures += 1 }
    }
    return order.compactMap { changes[$0] }
  }
}
