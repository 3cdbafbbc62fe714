import _FairSupport

/// Checks a complete rule (after `extends`) against the metric catalog and fills in defaults.
///
/// Errors point at the keys the current file writes; a problem that comes only from inherited
/// keys is reported at the rule.
struct RuleChecker {
  let reader: YAMLReader
  let catalog: MetricCatalog

  /// Checks `rule`, declared or overridden by `declaration`, and returns it with defaults for
  /// `over` and `features`.
  func check(_ rule: PolicyRule, _ declaration: RuleDeclaration) -> PolicyRule {
    var rule = rule
    guard let metric = catalog.definition(named: rule.metric) else { return rule }
    let subject = metric.subject
    if let over = declaration.over, !subject.takesGroupings {
      reader.error(Message.scopeDoesNotApply("over", metric), at: over.position)
    }
    if let features = declaration.features, !subject.takesFeatures {
      reader.error(Message.scopeDoesNotApply("features", metric), at: features.position)
    }
    if subject.takesGroupings {
      rule.over = rule.over ?? .all
    } else {
      rule.over = nil
    }
    if subject.takesFeatures {
      rule.features = rule.features ?? .all
    } else {
      rule.features = nil
    }
    if rule.test != .none, !metric.isTestable {
      reader.error(
        Message.notTestable(metric.name, example: testableExample()),
        at: declaration.test?.position ?? declaration.position)
    } else if rule.test != .none, rule.requirement == nil {
      reader.error(
        Message.testNeedsRequirement, at: declaration.test?.position ?? declaration.position)
    }
    if let alpha = declaration.alpha, !metric.isTestable {
      reader.error(Message.alphaNotTestable(metric.name), at: alpha.position)
    }
    if rule.isAdvisory, rule.severity == .error {
      reader.error(
        Message.advisoryError,
        at: declaration.advisory?.position ?? declaration.severity?.position
          ?? declaration.position)
    }
    if let requirement = rule.requirement {
      checkDomain(requirement, of: metric, declaration: declaration)
    }
    return rule
  }

  private func testableExample() -> String {
    catalog.metrics.first { $0.isTestable }?.name ?? "impact_ratio"
  }

  private func checkDomain(
    _ requirement: Requirement, of metric: MetricDefinition, declaration: RuleDeclaration
  ) {
    let written = declaration.requirement != nil
    func position(_ index: Int) -> SourcePosition {
      if written, index < declaration.boundPositions.count {
        return declaration.boundPositions[index]
      }
      return declaration.metric?.position ?? declaration.position
    }
    if metric.domain == .boolean {
      let isEquality = requirement.comparison == .equal || requirement.comparison == .notEqual
      if !isEquality || !metric.domain.admits(requirement.bound) {
        reader.error(Message.booleanComparison(metric.name), at: position(0))
      }
      return
    }
    for (index, bound) in requirement.bounds.enumerated() where !metric.domain.admits(bound) {
      reader.error(Message.outOfDomain(metric, bound), at: position(index))
    }
  }
}

extension RuleChecker {
  /// The texts of the checker's diagnostics.
  enum Message {
    /// An advisory rule with severity error.
    static let advisoryError =
      "an advisory rule cannot have severity 'error'; use 'warning' or 'info'"
    /// `test` without `require`.
    static let testNeedsRequirement =
      "'test' needs 'require': the significance decision compares a threshold"

    /// `over` or `features` on a metric that does not take it.
    static func scopeDoesNotApply(_ key: String, _ metric: MetricDefinition) -> String {
      "'\(key)' does not apply to '\(metric.name)', which is measured \(metric.subject.phrase)"
    }

    /// `test` on a metric without significance support.
    static func notTestable(_ metric: String, example: String) -> String {
      "'\(metric)' cannot be tested for significance; 'test' applies to testable metrics such "
        + "as '\(example)'"
    }

    /// `alpha` on a metric without significance support.
    static func alphaNotTestable(_ metric: String) -> String {
      "'alpha' does not apply to '\(metric)', which cannot be tested for significance"
    }

    /// A comparison of a yes/no metric that is not `== 0|1` or `!= 0|1`.
    static func booleanComparison(_ metric: String) -> String {
      "'\(metric)' is a yes/no value (1 or 0); compare it with '== 0' or '== 1'"
    }

    /// A bound the metric can never take.
    static func outOfDomain(_ metric: MetricDefinition, _ bound: Double) -> String {
      let text = Requirement.format(bound)
      let head = "'\(metric.name)' is \(metric.domain.phrase)"
      if metric.domain == .unitInterval || metric.domain == .pValue, bound > 1, bound <= 100 {
        return head + "; did you mean \(Requirement.format(bound / 100))?"
      }
      return head + "; \(text) is out of range"
    }
  }
}
