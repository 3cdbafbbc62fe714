import FairPolicy
import Testing
import _FairSupport
import _FairTestSupport

/// The rules engine against a fake environment: verdicts, the significance decision matrix,
/// insufficient data, waivers and the gate.
@Suite struct RulesEngineTests {
  let engine = RulesEngine()
  let impactRule = PolicyRule(
    id: "ir", title: "Impact ratio", metric: "impact_ratio", over: .groupings([Grouping("sex")]),
    requirement: Requirement(.atLeast, 0.8), severity: .error, test: .auto, alpha: 0.05,
    citations: [Citation(text: "29 CFR 1607.4(D)", kind: .regulation)])

  func findings(
    _ rule: PolicyRule, _ female: MeasuredValue?, waivers: [Waiver] = []
  ) -> Evaluation {
    var environment = FakeEnvironment()
    environment.set(rule.metric, "male", MeasuredValue(1, groupSize: 100, referenceSize: 100))
    if let female { environment.set(rule.metric, "female", female) }
    return engine.evaluate([policy(rule)], in: environment, waivers: waivers, asOf: testDate)
  }

  func female(_ evaluation: Evaluation) -> Finding? {
    evaluation.findings.first { $0.subject.slice?.name == "female" }
  }

  @Test func passesAValueThatMeetsTheRequirement() throws {
    let rule = PolicyRule(
      id: "sr", title: "SR", metric: "selection_rate", over: .groupings([Grouping("sex")]),
      requirement: Requirement(.atLeast, 0.3))
    let finding = try #require(female(findings(rule, MeasuredValue(0.42))))
    #expect(finding.verdict == .pass)
    #expect(finding.message == "sex=female: selection_rate 0.42 meets '>= 0.3'")
    #expect(finding.subject.grouping == Grouping("sex"))
    #expect(finding.policyVersion == "7")
  }

  @Test func failsABreachWithoutTest() throws {
    let rule = PolicyRule(
      id: "sr", title: "SR", metric: "selection_rate", over: .all,
      requirement: Requirement(.atLeast, 0.5), severity: .warning)
    let finding = try #require(female(findings(rule, MeasuredValue(0.42))))
    #expect(finding.verdict == .fail)
    #expect(finding.severity == .warning)
    #expect(finding.qualifier == nil)
    #expect(finding.requirementText == ">= 0.5")
  }

  @Test func recordsABookkeepingValue() throws {
    let rule = PolicyRule(
      id: "sr", title: "SR", metric: "selection_rate", over: .all, severity: .info)
    let finding = try #require(female(findings(rule, MeasuredValue(0.42))))
    #expect(finding.verdict == .pass)
    #expect(finding.message == "sex=female: selection_rate 0.42 (recorded)")
  }

  @Test func significantBreachFailsAtTheRuleSeverity() throws {
    let value = MeasuredValue(
      0.72, significance: SignificanceResult(test: .z, pValue: 0.003), groupSize: 400,
      referenceSize: 800, shortfall: 40)
    let finding = try #require(female(findings(impactRule, value)))
    #expect(finding.verdict == .fail)
    #expect(finding.severity == .error)
    #expect(finding.qualifier == "statistically significant")
    #expect(
      finding.message
        == "sex=female: impact_ratio 0.72 does not meet '>= 0.8'; p = 0.003 (z test, alpha "
        + "0.05); statistically significant")
  }

  /// A figure rounded for its message must not contradict the verdict: a ratio just under
  /// the bound, or a p-value just under alpha, keeps the digits that show which side it is on.
  @Test(arguments: [
    (0.79996, 0.04996, "impact_ratio 0.79996 does not meet '>= 0.8'; p = 0.04996"),
    (0.8000004, 0.0500004, "impact_ratio 0.8000004 meets '>= 0.8'; p = 0.0500004"),
    (0.7212, 0.0312, "impact_ratio 0.7212 does not meet '>= 0.8'; p = 0.031"),
  ])
  func figuresNeverRoundAcrossTheirBounds(value: Double, pValue: Double, text: String) throws {
    let measured = MeasuredValue(
      value, significance: SignificanceResult(test: .z, pValue: pValue), groupSize: 400,
      referenceSize: 800, shortfall: 40)
    let finding = try #require(female(findings(impactRule, measured)))
    #expect(finding.message.contains(text), "\(finding.message)")
  }

  @Test func insignificantBreachIsAnInconclusiveWarning() throws {
    let value = MeasuredValue(
      0.65, significance: SignificanceResult(test: .fisher, pValue: 0.163), groupSize: 24,
      referenceSize: 28)
    let finding = try #require(female(findings(impactRule, value)))
    #expect(finding.verdict == .fail)
    #expect(finding.severity == .warning)
    #expect(finding.ruleSeverity == .error)
    #expect(finding.qualifier == "inconclusive: not statistically significant")
  }

  @Test func significantDifferenceAboveThresholdWithShortfallWarns() throws {
    // DCWP's selection example: Black vs White, IR 0.843, z p = 0.0087, shortfall 31.6.
    let value = MeasuredValue(
      0.843, significance: SignificanceResult(test: .z, pValue: 0.0087), groupSize: 390,
      referenceSize: 797, shortfall: 31.6)
    let finding = try #require(female(findings(impactRule, value)))
    #expect(finding.verdict == .fail)
    #expect(finding.severity == .warning)
    #expect(finding.qualifier == "possible adverse impact despite the threshold")
  }

  @Test func significantDifferenceWithoutShortfallPasses() throws {
    let value = MeasuredValue(
      0.9, significance: SignificanceResult(test: .z, pValue: 0.01), shortfall: 0.4)
    let finding = try #require(female(findings(impactRule, value)))
    #expect(finding.verdict == .pass)
    #expect(finding.qualifier == nil)
  }

  @Test func usesTheHolmAdjustedPValue() throws {
    let value = MeasuredValue(
      0.7, significance: SignificanceResult(test: .z, pValue: 0.03, adjustedPValue: 0.09))
    let finding = try #require(female(findings(impactRule, value)))
    #expect(finding.severity == .warning)
    #expect(finding.qualifier == "inconclusive: not statistically significant")
  }

  @Test func breachWithoutTestResultFailsOnTheThreshold() throws {
    let finding = try #require(female(findings(impactRule, MeasuredValue(0.7))))
    #expect(finding.verdict == .fail)
    #expect(finding.severity == .error)
    #expect(finding.qualifier == "no significance test result; threshold only")
  }

  @Test func smallGroupIsInsufficientData() throws {
    var rule = impactRule
    rule.minimumGroupSize = 30
    let finding = try #require(
      female(findings(rule, MeasuredValue(0.2, groupSize: 12, referenceSize: 100))))
    #expect(finding.verdict == .insufficientData)
    #expect(
      finding.message == "sex=female: 12 rows, below the minimum group size of 30 for impact_ratio")
    let reference = try #require(
      female(findings(rule, MeasuredValue(0.2, groupSize: 50, referenceSize: 10))))
    #expect(reference.verdict == .insufficientData)
  }

  @Test func notComputableIsInsufficientData() throws {
    let evaluation = findings(impactRule, nil)
    let finding = try #require(female(evaluation))
    #expect(finding.verdict == .insufficientData)
    #expect(
      finding.message == "sex=female: impact_ratio cannot be computed: no evidence for impact_ratio"
    )
    #expect(finding.value == nil)
    #expect(evaluation.outcome(failOn: .warning).passed)
  }

  @Test func undefinedValueIsInsufficientData() throws {
    let finding = try #require(female(findings(impactRule, MeasuredValue(.nan))))
    #expect(finding.verdict == .insufficientData)
  }

  @Test func activeWaiverWaivesTheFailure() throws {
    let waiver = Waiver(
      rule: "ir", subject: SubjectMatch(grouping: "sex", slice: "female"), reason: "memo 14",
      approver: "J. Rivera", expires: CalendarDate(year: 2026, month: 6, day: 1) ?? testDate)
    let evaluation = findings(impactRule, MeasuredValue(0.5), waivers: [waiver])
    let finding = try #require(female(evaluation))
    #expect(finding.verdict == .waived)
    #expect(finding.waiver == waiver)
    #expect(finding.message.hasSuffix("; waived by J. Rivera until 2026-06-01: memo 14"))
    #expect(evaluation.unmatchedWaivers.isEmpty)
    #expect(evaluation.outcome(failOn: .warning).passed)
  }

  @Test func expiredWaiverDoesNotApply() throws {
    let waiver = Waiver(
      rule: "ir", reason: "memo 14", approver: "J. Rivera",
      expires: CalendarDate(year: 2026, month: 5, day: 31) ?? testDate)
    let evaluation = findings(impactRule, MeasuredValue(0.5), waivers: [waiver])
    let finding = try #require(female(evaluation))
    #expect(finding.verdict == .fail)
    #expect(finding.isWaiverExpired)
    #expect(finding.message.hasSuffix("; waiver by J. Rivera expired on 2026-05-31"))
    #expect(evaluation.expiredWaivers == [waiver])
    #expect(!evaluation.outcome(failOn: .error).passed)
  }

  /// An expired waiver and its renewal both cover the finding: the renewal applies, and
  /// neither is said to match no finding.
  @Test func anActiveWaiverAppliesBeforeAnExpiredOneThatAlsoCovers() throws {
    let expired = Waiver(
      rule: "ir", reason: "memo 9", approver: "J. Rivera",
      expires: CalendarDate(year: 2026, month: 3, day: 31) ?? testDate)
    let renewal = Waiver(
      rule: "ir", subject: SubjectMatch(grouping: "sex", slice: "female"), reason: "memo 14",
      approver: "J. Rivera", expires: CalendarDate(year: 2026, month: 12, day: 31) ?? testDate)
    let evaluation = findings(impactRule, MeasuredValue(0.5), waivers: [expired, renewal])
    let finding = try #require(female(evaluation))
    #expect(finding.verdict == .waived)
    #expect(finding.waiver == renewal)
    #expect(evaluation.unmatchedWaivers.isEmpty)
    #expect(evaluation.expiredWaivers.isEmpty)
  }

  @Test func unmatchedWaiverIsReported() throws {
    let location = PolicyLocation(file: "fairgate.yaml", line: 12, column: 5)
    let waivers = [
      Waiver(
        rule: "ir", subject: SubjectMatch(slice: "nonbinary"), reason: "r", approver: "a",
        expires: testDate, location: location),
      Waiver(rule: "iir", reason: "r", approver: "a", expires: testDate, location: location),
    ]
    let evaluation = findings(impactRule, MeasuredValue(0.9), waivers: waivers)
    #expect(evaluation.unmatchedWaivers == waivers)
    #expect(
      evaluation.diagnostics.map(\.description) == [
        "fairgate.yaml:12:5: warning: waiver for rule 'ir' (slice nonbinary) matches no finding",
        "fairgate.yaml:12:5: warning: waiver for rule 'iir' matches no finding: no policy has "
          + "that rule",
      ])
    #expect(evaluation.diagnostics.last?.notes.first?.message == "did you mean 'ir'?")
  }

  @Test(arguments: [
    (GateThreshold.error, [Severity.warning], true),
    (GateThreshold.error, [Severity.error], false),
    (GateThreshold.warning, [Severity.info, .warning], false),
    (GateThreshold.warning, [Severity.info], true),
    (GateThreshold.never, [Severity.error], true),
  ])
  func gateComparesEffectiveSeverity(
    threshold: GateThreshold, severities: [Severity], passes: Bool
  ) {
    var environment = FakeEnvironment()
    var rules: [PolicyRule] = []
    for (index, severity) in severities.enumerated() {
      let metric = ["selection_rate", "base_rate"][index]
      rules.append(
        PolicyRule(
          id: "r\(index)", title: "R", metric: metric, over: .groupings([Grouping("sex")]),
          requirement: Requirement(.atLeast, 0.5), severity: severity))
      environment.set(metric, "male", MeasuredValue(0.6))
      environment.set(metric, "female", MeasuredValue(0.4))
    }
    let evaluation = engine.evaluate(
      [Policy(id: "p", title: "P", version: "1", rules: rules)], in: environment, asOf: testDate)
    let outcome = evaluation.outcome(failOn: threshold)
    #expect(outcome.passed == passes)
    #expect(outcome.failingFindings.allSatisfy { $0.verdict == .fail })
  }

  @Test func gateIgnoresWaivedAndInsufficientFindings() {
    var finding = female(findings(impactRule, MeasuredValue(0.5)))
    #expect(GateOutcome(findings: finding.map { [$0] } ?? [], failOn: .error).passed == false)
    finding?.verdict = .waived
    #expect(GateOutcome(findings: finding.map { [$0] } ?? [], failOn: .warning).passed)
    finding?.verdict = .insufficientData
    #expect(GateOutcome(findings: finding.map { [$0] } ?? [], failOn: .warning).passed)
  }

  /// An advisory rule (a heuristic the law does not set) never fails the gate, whatever its
  /// severity and the threshold.
  @Test func advisoryFailuresDoNotFailTheGate() throws {
    var advisory = impactRule
    advisory.severity = .warning
    advisory.isAdvisory = true
    let finding = try #require(female(findings(advisory, MeasuredValue(0.5))))
    #expect(finding.verdict == .fail)
    #expect(GateOutcome(findings: [finding], failOn: .warning).passed)
    var binding = finding
    binding.isAdvisory = false
    #expect(!GateOutcome(findings: [binding], failOn: .warning).passed)
  }

  @Test func skipsDisabledRulesAndCoversEveryScope() {
    var environment = FakeEnvironment()
    environment.measurements["attribution_share|feature 'sex'"] = .value(MeasuredValue(0.01))
    environment.measurements["attribution_share|feature 'race'"] = .value(MeasuredValue(0.2))
    var disabled = impactRule
    disabled.id = "off"
    disabled.isEnabled = false
    let rules = [
      disabled,
      PolicyRule(
        id: "share", title: "S", metric: "attribution_share", features: .protected,
        requirement: Requirement(.atMost, 0.05)),
      PolicyRule(
        id: "ratio", title: "R", metric: "attribution_ratio", over: .groupings([Grouping("sex")]),
        features: .names(["income", "zip"]), requirement: Requirement(.between, 0.5, 2)),
      PolicyRule(id: "dp", title: "D", metric: "demographic_parity_difference", over: .all),
    ]
    let evaluation = engine.evaluate(
      [Policy(id: "p", title: "P", version: "1", rules: rules)], in: environment, asOf: testDate)
    let subjects = evaluation.findings.map { "\($0.ruleID) \($0.subject)" }
    #expect(
      subjects == [
        "share feature 'sex'", "share feature 'race'",
        "ratio feature 'income' in sex=male", "ratio feature 'zip' in sex=male",
        "ratio feature 'income' in sex=female", "ratio feature 'zip' in sex=female",
        "dp grouping sex", "dp grouping race", "dp grouping sex x race",
      ])
    #expect(evaluation.findings.map(\.verdict).prefix(2) == [.pass, .fail])
  }

  @Test func validationLocatesUnknownGroupingsAndFeatures() throws {
    let marked = MarkedText(
      """
      policy: p
      title: P
      version: "1"
      rules:
        - id: a
          metric: selection_rate
          over: [sex, 1️⃣sxe, 2️⃣sex x age]
        - id: b
          metric: attribution_share
          features: [income, 3️⃣incme]
        - id: c
          metric: attribution_share
          features: {group: 4️⃣adress}
        - id: d
          metric: selection_rate
          over: [5️⃣[race, sex]]
      """)
    let policies = try PolicyLoader().load([PolicySource(file: "p.yaml", text: marked.text)])
    var environment = FakeEnvironment()
    environment.groupings = [Grouping("sex"), Grouping("race"), Grouping("age")]
    let diagnostics = engine.validate(policies, against: environment)
    expect(
      diagnostics,
      match: [
        Expected("1️⃣", "unknown grouping 'sxe'", notes: ["did you mean 'sex'?"]),
        Expected(
          "2️⃣",
          "the audit declares no intersection 'sex x age'; add it to the manifest's "
            + "intersections"),
        Expected("3️⃣", "unknown feature 'incme'", notes: ["did you mean 'income'?"]),
        Expected("4️⃣", "unknown feature group 'adress'", notes: ["did you mean 'address'?"]),
        Expected(
          "5️⃣",
          "the audit declares no intersection 'race x sex'; add it to the manifest's "
            + "intersections"),
      ], in: marked, file: "p.yaml")
    #expect(diagnostics.first?.sourceLine == "    over: [sex, sxe, sex x age]")
  }
}
