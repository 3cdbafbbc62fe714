import FairPolicy
import Testing
import _FairSupport
import _FairTestSupport

/// Marker-text tests of rule diagnostics: comparisons, thresholds of the wrong kind, scopes,
/// tests, duplicate ids and `extends`.
@Suite struct RuleDiagnosticTests {
  @Test func pointsIntoTheComparisonAtABadOperator() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: impact_ratio
          require: "1️⃣=> 0.8"
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "expected a comparison ('>=', '>', '<=', '<', '==', '!=', 'between' or 'outside'), "
            + "found '=>'",
          notes: ["did you mean '>='?"])
      ])
  }

  @Test func pointsIntoTheComparisonAtABadNumber() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: impact_ratio
          require: ">=  1️⃣0.8x"
        """)
    expectPolicy(marked, diagnoses: [Expected("1️⃣", "expected a number, found '0.8x'")])
  }

  @Test func explainsAnUnquotedComparison() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: impact_ratio
          require: >1️⃣= 0.8
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "invalid YAML: did not find expected comment or line break",
          notes: [
            "a value starting with '>' begins a folded block in YAML; quote it: \">= 0.8\"",
            "while scanning a block scalar",
          ])
      ])
  }

  @Test func reportsMissingAndInRange() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: impact_ratio_to_reference
          require: 'between 0.67 1️⃣to 1.5'
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected("1️⃣", "expected 'and' after the lower bound of 'between', found 'to'")
      ])
  }

  @Test func suggestsARateForAPercentageThreshold() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: selection_rate
          require: ">= 1️⃣80"
        """)
    expectPolicy(
      marked,
      diagnoses: [Expected("1️⃣", "'selection_rate' is a rate in [0, 1]; did you mean 0.8?")])
  }

  @Test func rejectsAnEmptyRange() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: attribution_ratio
          require: between 1️⃣2 and 1
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected("1️⃣", "'between 2 and 1' is an empty range: 2 is greater than 1")
      ])
  }

  @Test func rejectsNegativeBoundOnNonNegativeMetric() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: log_loss
          require: "outside 1️⃣-1 and 2"
        """)
    expectPolicy(
      marked,
      diagnoses: [Expected("1️⃣", "'log_loss' is never negative; -1 is out of range")])
  }

  @Test func rejectsOrderingComparisonOnYesNoMetric() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: is_model_input
          require: "<= 1️⃣0.5"
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "'is_model_input' is a yes/no value (1 or 0); compare it with '== 0' or '== 1'")
      ])
  }

  @Test func rejectsTestOnUntestableMetric() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: selection_rate
          require: ">= 0.1"
          test: 1️⃣fisher
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "'selection_rate' cannot be tested for significance; 'test' applies to testable "
            + "metrics such as 'impact_ratio'")
      ])
  }

  @Test func rejectsTestWithoutRequirement() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: impact_ratio
          test: 1️⃣auto
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected("1️⃣", "'test' needs 'require': the significance decision compares a threshold")
      ])
  }

  @Test func rejectsFeaturesOnSliceMetric() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: selection_rate
          features: 1️⃣[income]
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "'features' does not apply to 'selection_rate', which is measured per slice")
      ])
  }

  @Test func rejectsOverOnFeatureMetric() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: attribution_share
          over: 1️⃣sex
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "'over' does not apply to 'attribution_share', which is measured per feature")
      ])
  }

  @Test func rejectsAllAmongOtherGroupings() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: selection_rate
          over: [1️⃣all, sex]
        - id: b
          metric: selection_rate
          over: 2️⃣sex x
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected("1️⃣", "'all' cannot be combined with other groupings; write 'over: all'"),
        Expected(
          "2️⃣",
          "expected an attribute name or an intersection such as 'sex x race', found 'sex x'"),
      ])
  }

  @Test func reportsDuplicateRuleIDsWithTheFirstPlace() {
    let marked = MarkedText(
      policyHeader + """
        - id: same
          metric: selection_rate
        - id: 1️⃣same
          metric: impact_ratio
        """)
    let diagnostics = policyDiagnostics(marked)
    expect(
      diagnostics,
      match: [Expected("1️⃣", "duplicate rule id 'same'", notes: ["first declared here"])],
      in: marked, file: "policy.yaml")
    #expect(diagnostics.first?.notes.first?.line == 5)
    #expect(diagnostics.first?.notes.first?.column == 7)
  }

  @Test func rejectsAdvisoryRuleWithErrorSeverity() {
    let marked = MarkedText(
      policyHeader + """
        - id: a
          metric: impact_ratio
          require: ">= 0.8"
          severity: error
          advisory: 1️⃣true
        - id: b
          metric: impact_ratio
          enabled: 2️⃣maybe
        """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected("1️⃣", "an advisory rule cannot have severity 'error'; use 'warning' or 'info'"),
        Expected("2️⃣", "expected true or false, found a string 'maybe'"),
      ])
  }

  @Test func namesTheExtendsCycle() {
    let marked = MarkedText(
      """
      policy: b
      title: B
      version: "1"
      extends: [1️⃣test-policy]
      """)
    let child = MarkedText(
      """
      policy: test-policy
      title: A
      version: "1"
      extends: [b]
      """)
    expect(
      policyDiagnostics(child, others: [PolicySource(file: "b.yaml", text: marked.text)]),
      match: [Expected("1️⃣", "'extends' forms a cycle: test-policy -> b -> test-policy")],
      in: marked, file: "b.yaml")
  }

  @Test func suggestsAKnownPolicyForAnUnknownExtends() {
    let parent = PolicySource(
      file: "base.yaml", text: "policy: eeoc-four-fifths\ntitle: B\nversion: \"1\"\n")
    let marked = MarkedText(
      """
      policy: child
      title: A
      version: "1"
      extends: 1️⃣eeoc-four-fiths
      """)
    expectPolicy(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "no policy 'eeoc-four-fiths' to extend",
          notes: ["did you mean 'eeoc-four-fifths'?"])
      ], others: [parent])
  }
}
