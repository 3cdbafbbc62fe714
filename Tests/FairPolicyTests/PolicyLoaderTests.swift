import FairPolicy
import Testing
import _FairSupport
import _FairTestSupport

/// Parsing of valid policies, `extends`, overrides and the comparison grammar.
@Suite struct PolicyLoaderTests {
  let base = PolicySource(
    file: "dir/base.yaml",
    text: """
      policy: base
      title: Base
      version: "2"
      rules:
        - id: ir
          title: Impact ratio
          metric: impact_ratio
          over: [sex, race, sex x race, [age, race]]
          require: ">= 0.8"
          test: fisher
          alpha: 0.01
          min_group_size: 5
          citation: {text: "29 CFR 1607.4(D)", kind: regulation}
        - id: sr
          metric: selection_rate
          severity: info
      """)

  @Test func readsEveryRuleKey() throws {
    let policy = try #require(try PolicyLoader().load([base]).first)
    let rule = try #require(policy.rules.first)
    #expect(policy.id == "base")
    #expect(policy.version == "2")
    #expect(
      rule.over
        == .groupings([
          Grouping("sex"), Grouping("race"), Grouping(["sex", "race"]), Grouping(["age", "race"]),
        ]))
    #expect(rule.requirement == Requirement(.atLeast, 0.8))
    #expect(rule.test == .fisher)
    #expect(rule.alpha == 0.01)
    #expect(rule.minimumGroupSize == 5)
    #expect(rule.citation == Citation(text: "29 CFR 1607.4(D)", kind: .regulation))
    #expect(rule.features == nil)
    #expect(rule.location?.line == 5)
    #expect(policy.rules[1].over == .all)
    #expect(policy.rules[1].title == "sr")
    #expect(policy.rules[1].severity == .info)
  }

  @Test func childOverridesAndDisablesInheritedRules() throws {
    let child = PolicySource(
      file: "dir/child.yaml",
      text: """
        policy: child
        title: Child
        version: "1"
        extends: base.yaml
        rules:
          - id: ir
            require: ">= 0.9"
          - id: sr
            enabled: false
          - id: extra
            metric: attribution_share
            features: {group: address}
            require: "< 0.1"
        """)
    let policies = try PolicyLoader().load([child, base])
    let policy = try #require(policies.first)
    #expect(policy.extends == ["base"])
    #expect(policy.rules.map(\.id) == ["ir", "sr", "extra"])
    #expect(policy.rules[0].requirement == Requirement(.atLeast, 0.9))
    #expect(policy.rules[0].test == .fisher)
    #expect(policy.rules[0].declaredIn == "child")
    #expect(policy.rules[1].declaredIn == "child")
    #expect(policy.rules[1].metric == "selection_rate")
    #expect(policy.enabledRules.map(\.id) == ["ir", "extra"])
    #expect(policy.rules[2].features == .group("address"))
  }

  /// Every policy whose rules a policy inherits is recorded once, each parent followed by
  /// its own ancestors, so that provenance can hash every file behind the rules.
  @Test func recordsEveryAncestorOnce() throws {
    func source(_ id: String, title: String, extends parents: String) -> PolicySource {
      PolicySource(
        file: "dir/\(id).yaml",
        text: """
          policy: \(id)
          title: \(title)
          version: "1.\(id.count)"
          extends: [\(parents)]
          rules:
            - id: \(id).sr
              metric: selection_rate
              severity: info
          """)
    }
    let sources = [
      source("top", title: "Top", extends: "mid.yaml, other.yaml"),
      source("mid", title: "Mid rules", extends: "base.yaml"),
      source("other", title: "Other", extends: "base.yaml"), base,
    ]
    let policies = try PolicyLoader().load(sources)
    #expect(policies.map(\.id) == ["top", "mid", "other", "base"])
    let ancestors = policies[0].ancestors
    #expect(ancestors.map(\.id) == ["mid", "base", "other"])
    #expect(ancestors.map(\.file) == ["dir/mid.yaml", "dir/base.yaml", "dir/other.yaml"])
    #expect(ancestors[0].title == "Mid rules")
    #expect(ancestors[0].version == "1.3")
    #expect(ancestors[1].version == "2")
    #expect(policies[1].ancestors.map(\.id) == ["base"])
    #expect(policies[3].ancestors.isEmpty)
  }

  @Test func extendsByIDFromASearchDirectory() throws {
    let loader = PolicyLoader(searchDirectories: [FixturePaths.repositoryRoot() + "/policies"])
    let policy = try loader.load(
      text: """
        policy: strict-eeoc
        title: Stricter
        version: "1"
        extends: [eeoc-four-fifths]
        rules:
          - id: eeoc.impact-ratio
            alpha: 0.1
        """, file: "strict.yaml")
    #expect(policy.rules.first?.alpha == 0.1)
    #expect(policy.rules.first?.requirement == Requirement(.atLeast, 0.8))
    #expect(policy.rules.count == 3)
  }

  @Test(arguments: [
    (">= 0.8", Requirement(.atLeast, 0.8)),
    ("<0.05", Requirement(.lessThan, 0.05)),
    ("<= 0.1", Requirement(.atMost, 0.1)),
    ("> 0", Requirement(.greaterThan, 0)),
    ("== 0", Requirement(.equal, 0)),
    ("!= 1", Requirement(.notEqual, 1)),
    ("between 0.67 and 1.5", Requirement(.between, 0.67, 1.5)),
    ("  outside  0.8 and 1.25 ", Requirement(.outside, 0.8, 1.25)),
  ])
  func parsesTheComparisonGrammar(text: String, expected: Requirement) throws {
    let policy = try PolicyLoader().load(
      text: """
        policy: p
        title: P
        version: "1"
        rules:
          - id: a
            metric: impact_ratio_to_reference
            require: "\(text)"
        """, file: "p.yaml")
    #expect(policy.rules.first?.requirement == expected)
  }

  @Test func comparisonsDecideAsWritten() {
    #expect(Requirement(.between, 0.5, 2).isSatisfied(by: 2))
    #expect(!Requirement(.between, 0.5, 2).isSatisfied(by: 2.01))
    #expect(Requirement(.outside, 0.8, 1.25).isSatisfied(by: 0.79))
    #expect(!Requirement(.outside, 0.8, 1.25).isSatisfied(by: 0.8))
    #expect(!Requirement(.atLeast, 0.8).isSatisfied(by: .nan))
    #expect(Requirement(.notEqual, 1).description == "!= 1")
    #expect(Requirement(.between, 0.67, 1.5).description == "between 0.67 and 1.5")
  }

  @Test func catalogHasEveryRequiredMetric() {
    let names = [
      "count", "share", "base_rate", "selection_rate", "scoring_rate", "impact_ratio",
      "impact_ratio_to_reference", "scoring_impact_ratio", "selection_rate_difference",
      "true_positive_rate", "false_positive_rate", "false_negative_rate", "true_negative_rate",
      "precision", "true_positive_rate_difference", "false_positive_rate_difference", "auc",
      "log_loss", "brier_score", "expected_calibration_error", "shortfall", "mean_score",
      "demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference",
      "equal_opportunity_difference", "unknown_count", "unknown_share", "excluded_slice_count",
      "minimum_slice_share", "attribution_share", "attribution_rank", "is_model_input",
      "proxy_association", "proxy_auc", "proxy_attribution_share", "counterfactual_flip_rate",
      "slice_attribution_share", "attribution_ratio", "gap_contribution",
      "gap_contribution_share", "reasons_missing_share", "reasons_over_four_share",
      "prohibited_reason_count", "elderly_age_reason_count", "generic_reason_count",
      "reason_instability", "reason_sensitivity", "mean_loss", "loss_ratio", "loss_difference",
      "loss_share_ratio", "mean_cost", "expected_cost_ratio", "expected_cost_difference",
      "cost_share_ratio", "loss_gap_contribution", "loss_gap_contribution_share",
    ]
    #expect(MetricCatalog.standard.names.sorted() == names.sorted())
    let testable = MetricCatalog.standard.metrics.filter(\.isTestable).map(\.name)
    #expect(testable == ["impact_ratio", "impact_ratio_to_reference"])
  }

  @Test func aNewMetricIsOneCatalogEntry() throws {
    var catalog = MetricCatalog.standard
    catalog.add(
      MetricDefinition(
        name: "reasons_per_notice", summary: "principal reasons per adverse action notice",
        subject: .dataset, domain: .count, needs: .reasons))
    let policy = try PolicyLoader(catalog: catalog).load(
      text: """
        policy: p
        title: P
        version: "1"
        rules:
          - {id: a, metric: reasons_per_notice, require: "<= 4", severity: warning}
        """, file: "p.yaml")
    var environment = FakeEnvironment()
    environment.measurements["reasons_per_notice|the data set"] = .value(MeasuredValue(5))
    let evaluation = RulesEngine(catalog: catalog).evaluate(
      [policy], in: environment, asOf: testDate)
    #expect(evaluation.findings.map(\.verdict) == [.fail])
  }
}
