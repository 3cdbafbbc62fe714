extension StarterWriter {
  /// The shipped packs, for the comment under `policies`.
  static let shippedPacks = [
    "eeoc-four-fifths", "nyc-ll144", "ecoa-reg-b", "eu-ai-act", "attribution-guardrails",
  ]

  mutating func attributions() {
    let hasModel = modelPath != nil || (analysis.scoreColumn == nil && analysis.decision == nil)
    comment(
      "Attributions (SHAP and related methods), computed only when a rule needs them."
        + (hasModel ? "" : " They need a model."))
    let prefix = hasModel ? "" : "# "
    line(prefix + "attributions:")
    line(
      prefix
        + "  method: auto          # auto | tree-path | tree-interventional | linear | kernel |")
    line(prefix + "                        # permutation | lime | integrated-gradients")
    line(prefix + "  output: margin        # margin (log-odds) | probability")
    line(prefix + "  background: {rows: 100}   # sampled from the data, or {file: background.csv}")
    line()
  }

  mutating func proxies() {
    comment(
      "Proxies: features associated with a protected attribute at or above the threshold "
        + "(Cramér's V, correlation ratio), plus features declared to be proxies.")
    line("proxies:")
    line("  threshold: 0.3")
    if analysis.proxies.isEmpty {
      line("  declared: []            # such as a ZIP code")
    } else {
      comment("check: named like a usual proxy", indent: 2)
      flowList("declared", analysis.proxies, indent: 2)
    }
    line()
  }

  mutating func statistics() {
    comment("Intervals and tests. The seed makes the bootstrap and sampling methods repeatable.")
    line("statistics:")
    line("  bootstrap: 1000         # Poisson-bootstrap replicates (0 = none)")
    line("  confidence: 0.95")
    line("  seed: 1")
    line("  test: auto              # auto | z | fisher")
    line()
  }

  mutating func policies() {
    let names = Set(analysis.attributes.map(\.name))
    let hasLL144Attributes = names.contains("sex") && names.contains("race")
    var chosen: [String]
    let reason: String
    switch analysis.domain {
    case .hiring:
      chosen = ["eeoc-four-fifths"] + (hasLL144Attributes ? ["nyc-ll144"] : [])
      reason = "The column names suggest hiring"
    case .credit:
      chosen = ["ecoa-reg-b"]
      reason = "The column names suggest credit"
    case .unknown:
      chosen = ["eeoc-four-fifths"]
      reason = "check: the column names suggest neither hiring nor credit"
    }
    if modelPath != nil, analysis.domain == .credit { chosen.append("attribution-guardrails") }
    comment(
      "Policies: shipped pack ids, or paths to your own policy files (a path contains '/' or "
        + "ends in '.yaml'). The shipped packs: "
        + StarterWriter.shippedPacks.joined(separator: ", ") + ".")
    comment(reason + ".")
    if analysis.domain == .hiring, !hasLL144Attributes {
      comment("nyc-ll144 needs attributes named 'sex' and 'race'.")
    }
    line("policies: " + YAMLScalar.flowList(chosen))
    line()
  }

  mutating func waivers() {
    comment("Waivers: approved, dated exceptions to a rule. An expired waiver no longer applies.")
    line("# waivers:")
    line("#   - rule: eeoc.impact-ratio")
    line("#     subject: {grouping: sex, slice: Female}")
    line("#     reason: \"validated job requirement; see memo 2026-14\"")
    line("#     approver: \"J. Rivera (Model Risk)\"")
    line("#     expires: 2026-12-31")
    line()
  }

  mutating func report() {
    comment("Facts for regulator-facing reports that the data cannot tell.")
    line("# report:")
    line("#   data_source: \"historical applicant data, 2025\"")
    line("#   data_kind: historical        # historical | test")
    line("#   audit_date: 2026-01-10")
    line("#   distribution_date: 2026-01-15")
    line("#   auditor: \"Independent Audits LLC\"")
  }
}
