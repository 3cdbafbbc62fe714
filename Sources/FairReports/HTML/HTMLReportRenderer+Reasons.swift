extension HTMLReportRenderer {
  /// The metrics of the adverse-action reason checks, whose findings the section lists.
  static let reasonMetrics: Set<String> = [
    "reasons_missing_share", "reasons_over_four_share", "prohibited_reason_count",
    "elderly_age_reason_count", "generic_reason_count", "reason_instability",
    "reason_sensitivity",
  ]

  /// Writes the adverse-action reason section: how reasons were derived, every reason
  /// check's verdict, which reasons each slice receives, stability, and the dictionary.
  static func writeReasons(
    _ reasons: FindingsDocument.ReasonEvidence, _ document: FindingsDocument,
    _ body: inout Markup
  ) {
    section("reasons", "Adverse-action reasons", &body) { section in
      section.element(
        "p",
        text: "Principal reasons (at most \(reasons.top) per adverse decision) from "
          + "\(reasons.source), measured against \(reasons.reference). "
          + "\(ReportNumber.count(reasons.adverse)) adverse decisions"
          + (reasons.table.map { "; reason codes from \($0)." } ?? "; each feature is its own code.")
      )
      let checks = document.findings.filter { reasonMetrics.contains($0.metric) }
      if !checks.isEmpty {
        table(
          [
            ("Check", false), ("Subject", false), ("Verdict", false), ("Value", true),
            ("Interval", false), ("Requirement", false),
          ],
          checks.map { finding in
            [
              finding.ruleIdentifier, finding.subject.display, finding.verdict.label,
              finding.valueText,
              finding.interval.map(ReportNumber.interval) ?? "—", finding.requirement,
            ]
          }, &section, caption: "Reason checks and their verdicts")
      }
      table(
        [("Reasons given", true), ("Adverse decisions", true)],
        reasons.reasonCounts.enumerated().map { ["\($0.offset)", ReportNumber.count($0.element)] },
        &section, caption: "Number of principal reasons per adverse decision", compact: true)
      for grouping in reasons.groupings {
        let columns =
          [("Reason", false)]
          + grouping.slices.map { ("\($0.slice) (n \(ReportNumber.count($0.adverse)))", true) }
        let rows = grouping.codes.enumerated().map { index, code in
          [code]
            + grouping.slices.map { slice in
              let share = slice.codes[index]
              return share.share.isNaN
                ? "—" : "\(ReportNumber.percent(share.share)) (\(share.count))"
            }
        }
        section.element("details", [("open", "open")]) { details in
          details.element("summary", text: "Principal reasons by slice: \(grouping.grouping)")
          table(
            columns, rows, &details,
            caption: "Share of each slice's adverse decisions given the reason (count)")
        }
        section.newline()
      }
      if !reasons.stability.isEmpty {
        table(
          [
            ("Measurement", false), ("Top-\(reasons.top) reasons changed", true),
            ("Interval", false), ("Replicates", true), ("Seed", true),
            ("Unstable applicants", true),
          ],
          reasons.stability.map { stability in
            [
              stability.kind, ReportNumber.percent(stability.changedShare),
              ReportNumber.interval(stability.interval), "\(stability.replicates)",
              "\(stability.seed)",
              "\(stability.unstableCount) (changed in more than "
                + "\(ReportNumber.percent(stability.unstableAbove)) of replicates)",
            ]
          }, &section, caption: "Stability of the principal reasons")
      }
      section.element("details") { details in
        details.element("summary", text: "Reason-code dictionary")
        table(
          [
            ("Code", false), ("Statement", false), ("Features", false), ("Prohibited basis", false),
          ],
          reasons.codes.map {
            [$0.code, $0.text, $0.features.joined(separator: ", "), $0.prohibitedBasis ?? "—"]
          }, &details)
      }
      section.newline()
    }
  }
}
