import FairReports

extension SampleDocuments {
  /// An audit of a decision column without a model, labels, attributions or evidence:
  /// every renderer must cope with the empty parts.
  static var minimal: FindingsDocument {
    let findings = [
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(grouping: "sex", slice: "Female"), verdict: .pass, severity: .error,
        value: 0.95, requirement: ">= 0.8", citations: [ugespCitation],
        message: "Female applicants are selected at 0.950 of the Male rate, above 0.8.")
    ]
    return FindingsDocument(
      tool: .init(version: "0.4.0"), generatedAt: context.generatedAtText,
      asOf: context.generatedOnText,
      provenance: .init(
        model: nil,
        data: .init(path: "decisions.csv", sha256: digest("decisions"), rows: 200, rowsUsed: 200),
        manifest: nil, policies: [], seed: nil, bootstrapReplicates: 0, confidenceLevel: 0.95),
      method: .init(
        decisionRule: .init(
          source: .decisionColumn, space: nil, threshold: nil, favourable: .above),
        attribution: nil, tests: .init(alpha: 0.05, multipleComparison: .none)),
      scope: .init(
        protectedAttributes: [
          .init(name: "sex", kind: .column, columns: ["sex"], reference: nil, unknownCount: 0)
        ],
        groupings: [.init(name: "sex", attributes: ["sex"], reference: "Male", unknownCount: 0)],
        labelColumn: nil, favourableLabel: nil, rows: 200),
      summary: .init(findings: findings, failOn: .error), findings: findings)
  }

  /// Hostile text in every place data reaches a report.
  static let script = "<script>alert(1)</script>"
  static let pipes = "| x |"
  static let quote = "\" onmouseover=\"alert(1)"

  /// The hiring audit with hostile names in slices, rules, policies, citations and messages.
  static var hostile: FindingsDocument {
    var document = hiring
    let nasty =
      "\(script) \(pipes) \(quote) @octocat #1 [link](javascript:alert(1)) \u{1B}[31m\u{0}&amp;"
    document.findings[3].subject = .init(grouping: "race", slice: script)
    document.findings[3].message = nasty
    document.findings[3].rule = .init(id: "rule" + pipes, title: quote)
    document.findings[3].policy.title = quote
    document.findings[3].citations = [
      .init(text: script, kind: .law, status: .withdrawn, url: "javascript:alert(1)", note: nasty)
    ]
    document.findings[2].subject = .init(grouping: "race", slice: nasty)
    document.findings[6].waiver?.reason = nasty
    document.evidence.groups[1].slices[1].slice = script
    document.evidence.groups[1].reference = script
    document.evidence.ll144?.categories[2].category = script
    document.evidence.ll144?.dataSource = nasty
    document.evidence.ll144?.missing = [nasty]
    document.provenance.data.path = "data/\(script).csv"
    document.waivers[0].reason = nasty
    document.method.notes.append(nasty)
    return document
  }

  /// A very large audit: `count` findings over many slices with long names, for size
  /// limits and timing.
  static func huge(findings count: Int = 5_000) -> FindingsDocument {
    var document = hiring
    let base = document.findings
    document.findings = (0..<count).map { index in
      var finding = base[index % base.count]
      let slice = "Category \(index) with a long self-described name | and <markup>"
      finding.subject = .init(grouping: "sex × race × age", slice: slice)
      finding.verdict = index % 3 == 0 ? .fail : index % 3 == 1 ? .pass : .insufficientData
      finding.severity = index % 2 == 0 ? .error : .warning
      finding.waiver = nil
      finding.message = "Finding \(index): \(slice) is selected at a ratio of 0.7."
      return finding
    }
    document.summary = .init(findings: document.findings, failOn: .error)
    return document
  }
}
