import FairReports

/// A small hand-built pair of findings documents with one example of every kind of change
/// a diff reports.
///
/// | finding | baseline | current | what the diff says |
/// |---|---|---|---|
/// | four-fifths, sex = Female | pass 0.85 [0.80, 0.90] | fail (error) 0.74 [0.70, 0.78] | new failure, verdict change, both values outside |
/// | four-fifths, sex = Male | pass 0.90, no interval | pass 1.00 [0.95, 1.05] | baseline value outside the current interval |
/// | four-fifths, race = Black | fail (error) 0.70 [0.62, 0.78] | pass 0.83 [0.66, 0.95] | resolved, current value outside the baseline's |
/// | four-fifths, race = Asian | waived | fail, waiver expired | new failure |
/// | four-fifths, race = Hispanic | fail | waived | resolved |
/// | four-fifths, race = Two or More | pass | insufficient data | other verdict change |
/// | four-fifths, race = White | fail 0.72 [0.68, 0.76] | fail 0.73 [0.69, 0.77] | nothing (a baselined failure) |
/// | four-fifths, race = Native Hawaiian | pass | absent | subject removed |
/// | four-fifths, race = Middle Eastern | absent | fail (error) | subject added, new failure |
/// | significance (warning), sex = Female | pass | fail | new failure (a regression at warning) |
/// | ll144 advisory (warning), race = Black | pass | fail, advisory | new failure, never a regression |
/// | ll144 impact ratio (info) | two subjects | absent | rule removed |
/// | guard protected share (error) | absent | fail, pass | rule added, one new failure |
enum DiffSamples {
  typealias Finding = FindingsDocument.Finding

  static let ugespBefore = FindingsDocument.PolicyReference(
    id: "us-eeoc-ugesp", version: "2026.1", title: "EEOC Uniform Guidelines")
  static let ugespAfter = FindingsDocument.PolicyReference(
    id: "us-eeoc-ugesp", version: "2026.2", title: "EEOC Uniform Guidelines")
  static let ll144 = FindingsDocument.PolicyReference(
    id: "us-nyc-ll144", version: "2026.1", title: "NYC Local Law 144")
  static let guardrails = FindingsDocument.PolicyReference(
    id: "attribution-guardrails", version: "2026.1", title: "Attribution guardrails")
  static let fourFifths = FindingsDocument.RuleReference(
    id: "four-fifths", title: "Impact ratio of at least four-fifths")
  static let significance = FindingsDocument.RuleReference(
    id: "significance", title: "No significant shortfall")
  static let advisory = FindingsDocument.RuleReference(
    id: "advisory-four-fifths", title: "Four-fifths screen (advisory)")
  static let impactRatio = FindingsDocument.RuleReference(
    id: "impact-ratio", title: "Impact ratio per category")
  static let protectedShare = FindingsDocument.RuleReference(
    id: "protected-attribution-share", title: "Protected attributes carry little attribution")
  static let citation = FindingsDocument.Citation(
    text: "29 CFR 1607.4(D)", kind: .law, status: .inForce)

  /// A 95% interval.
  static func interval(_ lower: Double, _ upper: Double) -> FindingsDocument.Interval {
    FindingsDocument.Interval(lower: lower, upper: upper, level: 0.95)
  }

  /// A finding with the parts a diff reads; the rest is filler.
  static func finding(
    _ policy: FindingsDocument.PolicyReference, _ rule: FindingsDocument.RuleReference,
    _ subject: FindingsDocument.Subject, _ verdict: FindingsDocument.Verdict,
    severity: FindingsDocument.Severity = .error, advisory: Bool = false,
    value: Double? = nil, requirement: String = ">= 0.8",
    interval: FindingsDocument.Interval? = nil,
    waiver: FindingsDocument.FindingWaiver.Status? = nil, metric: String = "impact_ratio"
  ) -> Finding {
    Finding(
      policy: policy, rule: rule, metric: metric, subject: subject, verdict: verdict,
      severity: severity, advisory: advisory, value: value, requirement: requirement,
      interval: interval, citations: [citation],
      waiver: waiver.map {
        FindingsDocument.FindingWaiver(
          reason: "Remediation plan REM-7", approver: "J. Alvarez", expires: "2026-11-30",
          status: $0)
      },
      message: "\(subject.display): \(verdict.rawValue)")
  }

  static func race(_ slice: String) -> FindingsDocument.Subject {
    FindingsDocument.Subject(grouping: "race", slice: slice)
  }

  static func sex(_ slice: String) -> FindingsDocument.Subject {
    FindingsDocument.Subject(grouping: "sex", slice: slice)
  }

  static var baseline: FindingsDocument {
    let p = ugespBefore
    let findings = [
      finding(p, fourFifths, sex("Female"), .pass, value: 0.85, interval: interval(0.80, 0.90)),
      finding(p, fourFifths, sex("Male"), .pass, value: 0.90),
      finding(p, fourFifths, race("Black"), .fail, value: 0.70, interval: interval(0.62, 0.78)),
      finding(p, fourFifths, race("Asian"), .waived, value: 0.76, waiver: .applied),
      finding(p, fourFifths, race("Hispanic"), .fail, value: 0.78),
      finding(p, fourFifths, race("Two or More Races"), .pass, value: 0.92),
      finding(p, fourFifths, race("White"), .fail, value: 0.72, interval: interval(0.68, 0.76)),
      finding(p, fourFifths, race("Native Hawaiian"), .pass, value: 0.95),
      finding(p, significance, sex("Female"), .pass, severity: .warning, requirement: "p >= 0.05"),
      finding(
        ll144, advisory, race("Black"), .pass, severity: .warning, advisory: true, value: 0.81),
      finding(
        ll144, impactRatio, race("Black"), .pass, severity: .info, value: 0.81,
        requirement: "reported"),
      finding(
        ll144, impactRatio, race("White"), .pass, severity: .info, value: 0.95,
        requirement: "reported"),
    ]
    return document(
      findings, generatedAt: "2026-11-20T09:30:00Z", model: "model-v1",
      policies: [policyFile(ugespBefore), policyFile(ll144)])
  }

  static var current: FindingsDocument {
    let p = ugespAfter
    let findings = [
      finding(p, fourFifths, sex("Female"), .fail, value: 0.74, interval: interval(0.70, 0.78)),
      finding(p, fourFifths, sex("Male"), .pass, value: 1.0, interval: interval(0.95, 1.05)),
      finding(p, fourFifths, race("Black"), .pass, value: 0.83, interval: interval(0.66, 0.95)),
      finding(p, fourFifths, race("Asian"), .fail, value: 0.75, waiver: .expired),
      finding(p, fourFifths, race("Hispanic"), .waived, value: 0.78, waiver: .applied),
      finding(p, fourFifths, race("Two or More Races"), .insufficientData),
      finding(p, fourFifths, race("White"), .fail, value: 0.73, interval: interval(0.69, 0.77)),
      finding(p, fourFifths, race("Middle Eastern"), .fail, value: 0.61),
      finding(p, significance, sex("Female"), .fail, severity: .warning, requirement: "p >= 0.05"),
      finding(
        ll144, advisory, race("Black"), .fail, severity: .warning, advisory: true, value: 0.79),
      finding(
        guardrails, protectedShare, FindingsDocument.Subject(feature: "sex"), .fail,
        value: 0.12, requirement: "<= 0.05", metric: "attribution_share"),
      finding(
        guardrails, protectedShare, FindingsDocument.Subject(feature: "age"), .pass,
        value: 0.01, requirement: "<= 0.05", metric: "attribution_share"),
    ]
    return document(
      findings, generatedAt: "2026-11-27T09:30:00Z", model: "model-v2",
      policies: [policyFile(ugespAfter), policyFile(ll144), policyFile(guardrails)])
  }

  static func policyFile(_ policy: FindingsDocument.PolicyReference) -> FindingsDocument.PolicyFile
  {
    FindingsDocument.PolicyFile(
      id: policy.id, title: policy.title, version: policy.version, path: "builtin:\(policy.id)",
      sha256: SampleDocuments.digest(policy.id + policy.version))
  }

  /// A document around `findings`, with the gate judged at `error`.
  static func document(
    _ findings: [Finding], generatedAt: String = "2026-11-20T09:30:00Z",
    model: String = "model-v1", policies: [FindingsDocument.PolicyFile] = []
  ) -> FindingsDocument {
    FindingsDocument(
      tool: .init(version: "0.2.0"), generatedAt: generatedAt,
      asOf: String(generatedAt.prefix(10)),
      provenance: .init(
        model: .init(
          path: "model.json", sha256: SampleDocuments.digest(model),
          summary: "XGBoost gbtree, 100 trees", format: "xgboost-json"),
        data: .init(
          path: "applicants.csv", sha256: SampleDocuments.digest("applicants"), rows: 2_000,
          rowsUsed: 2_000),
        manifest: .init(path: "fairgate.yaml", sha256: SampleDocuments.digest("manifest")),
        policies: policies, seed: 7, bootstrapReplicates: 1_000, confidenceLevel: 0.95),
      method: .init(
        decisionRule: .init(
          source: .model, space: .probability, threshold: 0.5, favourable: .above),
        attribution: nil, tests: .init(alpha: 0.05)),
      scope: .init(
        protectedAttributes: [], groupings: [], labelColumn: nil, favourableLabel: nil,
        rows: 2_000),
      summary: .init(findings: findings, failOn: .error), findings: findings)
  }
}
