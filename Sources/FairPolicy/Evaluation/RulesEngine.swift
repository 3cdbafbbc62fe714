import _FairSupport

/// Evaluates resolved policies against a ``PolicyEnvironment``.
///
/// For every enabled rule, the engine asks the environment for the rule's subjects and each
/// subject's measurement (by metric name only), decides a verdict, and applies waivers. The
/// engine holds no metric-specific code: what a metric is comes from the ``MetricCatalog``.
///
/// ```swift
/// let engine = RulesEngine()
/// let evaluation = engine.evaluate(policies, in: environment, waivers: waivers, asOf: today)
/// let gate = evaluation.outcome(failOn: .error)
/// ```
public struct RulesEngine: Sendable {
  /// The metrics the engine knows.
  public var catalog: MetricCatalog

  /// Creates an engine.
  public init(catalog: MetricCatalog = .standard) {
    self.catalog = catalog
  }

  /// Evaluates every enabled rule of `policies` for every subject in its scope.
  ///
  /// - Parameters:
  ///   - policies: Resolved policies, from ``PolicyLoader``.
  ///   - environment: The audit's evidence.
  ///   - waivers: Approved exceptions.
  ///   - date: The evaluation date: a waiver applies through its `expires` day.
  /// - Returns: The findings, and the waivers that matched nothing or had expired.
  /// - Complexity: O(*r*·*s*·*w*) for *r* rules, *s* subjects per rule and *w* waivers, plus the
  ///   environment's measurement cost.
  public func evaluate(
    _ policies: [Policy], in environment: some PolicyEnvironment, waivers: [Waiver] = [],
    asOf date: CalendarDate
  ) -> Evaluation {
    var findings: [Finding] = []
    var matched = Array(repeating: false, count: waivers.count)
    var expired: [Int] = []
    for policy in policies {
      for rule in policy.enabledRules {
        guard let metric = catalog.definition(named: rule.metric) else { continue }
        let groupings = resolvedGroupings(rule.over, in: environment)
        let subjects = environment.subjects(
          for: metric, groupings: groupings, features: rule.features)
        for subject in subjects {
          let request = MeasurementRequest(
            metric: rule.metric, subject: subject,
            test: metric.isTestable ? rule.test : .none, confidence: 1 - rule.alpha)
          var finding = decide(
            rule, of: policy, metric: metric, subject: subject,
            measurement: environment.measure(request))
          // Every waiver that covers the finding has matched one; the first active one
          // applies (a renewal beside the waiver it renews), else the first expired one.
          let covering = waivers.indices.filter { waivers[$0].matches(finding) }
          for index in covering { matched[index] = true }
          if let index = covering.first(where: { waivers[$0].isActive(on: date) })
            ?? covering.first
          {
            if apply(waivers[index], to: &finding, asOf: date), !expired.contains(index) {
              expired.append(index)
            }
          }
          findings.append(finding)
        }
      }
    }
    let ruleIDs = Array(Set(policies.flatMap { $0.rules.map(\.id) })).sorted()
    var diagnostics: [Diagnostic] = []
    var unmatched: [Waiver] = []
    for (index, waiver) in waivers.enumerated() where !matched[index] {
      unmatched.append(waiver)
      diagnostics.append(unmatchedDiagnostic(waiver, ruleIDs: ruleIDs))
    }
    return Evaluation(
      findings: findings, unmatchedWaivers: unmatched, expiredWaivers: expired.map { waivers[$0] },
      diagnostics: diagnostics)
  }

  /// The environment's groupings that a rule's `over` names (matched by attribute set); those
  /// the environment does not declare are skipped here and reported by ``validate(_:against:)``.
  func resolvedGroupings(
    _ scope: GroupingScope?, in environment: some PolicyEnvironment
  ) -> [Grouping] {
    switch scope {
    case nil: return []
    case .all: return environment.groupings
    case .groupings(let wanted):
      return wanted.compactMap { grouping in
        environment.groupings.first { $0.hasSameAttributes(as: grouping) }
      }
    }
  }

  /// Applies a matching waiver; returns whether it had expired.
  private func apply(_ waiver: Waiver, to finding: inout Finding, asOf date: CalendarDate) -> Bool {
    guard finding.verdict == .fail else { return false }
    finding.waiver = waiver
    if waiver.isActive(on: date) {
      finding.verdict = .waived
      finding.message += FindingText.waived(waiver)
      return false
    }
    finding.isWaiverExpired = true
    finding.message += FindingText.expired(waiver)
    return true
  }

  private func unmatchedDiagnostic(_ waiver: Waiver, ruleIDs: [String]) -> Diagnostic {
    var notes: [Diagnostic.Note] = []
    if !ruleIDs.contains(waiver.rule),
      let suggestion = Suggestion.candidate(for: waiver.rule, among: ruleIDs)
    {
      notes.append(Diagnostic.Note(YAMLReader.Message.didYouMean(suggestion)))
    }
    return Diagnostic(
      .warning, file: waiver.location?.file, line: waiver.location?.line,
      column: waiver.location?.column,
      message: FindingText.unmatchedWaiver(waiver, ruleExists: ruleIDs.contains(waiver.rule)),
      notes: notes, sourceLine: waiver.location?.sourceLine)
  }
}
