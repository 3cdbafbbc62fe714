public import _FairSupport

/// Everything one evaluation produced: the findings and what happened to the waivers.
public struct Evaluation: Hashable, Sendable {
  /// Every finding, in policy, rule and subject order.
  public var findings: [Finding]
  /// Waivers that matched no finding.
  public var unmatchedWaivers: [Waiver]
  /// Waivers that matched a failing finding but had expired on the evaluation date.
  public var expiredWaivers: [Waiver]
  /// Warnings about the waivers (one per unmatched waiver), located in their files.
  public var diagnostics: [Diagnostic]

  /// Creates an evaluation.
  public init(
    findings: [Finding], unmatchedWaivers: [Waiver] = [], expiredWaivers: [Waiver] = [],
    diagnostics: [Diagnostic] = []
  ) {
    self.findings = findings
    self.unmatchedWaivers = unmatchedWaivers
    self.expiredWaivers = expiredWaivers
    self.diagnostics = diagnostics
  }

  /// The gate's outcome for these findings (see ``GateOutcome/init(findings:failOn:)``).
  public func outcome(failOn threshold: GateThreshold) -> GateOutcome {
    GateOutcome(findings: findings, failOn: threshold)
  }
}
