extension HTMLReportRenderer {
  /// Writes the summary of results of 6 RCNY § 5-303: the audit date, the data's source,
  /// the unknown counts, and per category the applicants, selection or scoring rate and
  /// impact ratio, excluded categories with their justification (§ 5-301(d)).
  static func writeLL144(_ summary: FindingsDocument.LL144Summary, _ body: inout Markup) {
    let rateName = summary.rateKind == .selection ? "Selection rate" : "Scoring rate"
    section("ll144", "NYC Local Law 144: summary of results", &body) { section in
      section.element(
        "p",
        text: "The fields 6 RCNY § 5-303 requires in the published summary of the bias audit."
          + " Local Law 144 sets no pass or fail threshold; impact ratios below 0.8 are an"
          + " advisory screen from the EEOC Uniform Guidelines, not a breach of the law.")
      if !summary.missing.isEmpty {
        section.element(
          "p", [("class", "caution")],
          text: FindingsDocument.ll144IncompleteHeading)
        section.element("ul", [("class", "caution")]) { list in
          for field in summary.missing { list.element("li", text: field) }
        }
      }
      facts(
        [
          ("Date of the bias audit", summary.auditDate),
          ("Source and explanation of the data", summary.dataSource),
          (
            "Kind of data",
            summary.dataKind.map {
              $0 == .historical
                ? "historical data from the tool's use" : "test data (§ 5-302(b))"
            } ?? "not stated"
          ),
          ("Test data", summary.testDataExplanation),
          ("Distribution date of the tool", summary.distributionDate ?? "not stated"),
          (
            "Rates",
            summary.rateKind == .selection
              ? "selection rates (share selected to move forward)"
              : "scoring rates (share scoring strictly above the full sample's median)"
          ),
          (
            "Sample median score",
            summary.sampleMedian.map {
              $0 == $0.rounded() ? ReportNumber.plain($0) : ReportNumber.value($0)
            }
          ),
          ("Scores tied at the median", summary.tiedAtMedianShare.map(ReportNumber.percent)),
        ], &section)
      section.element("h3", text: "Individuals of unknown category")
      section.element(
        "p",
        text: "They are not included in the calculations below.")
      table(
        [("Dimension", false), ("Unknown", true)],
        summary.unknownCounts.map { [$0.dimension, ReportNumber.count($0.count)] }, &section,
        compact: true)
      var dimensions: [String] = []
      for category in summary.categories where !dimensions.contains(category.dimension) {
        dimensions.append(category.dimension)
      }
      for dimension in dimensions {
        let rows = summary.categories.filter { $0.dimension == dimension }
        var columns: [(title: String, numeric: Bool)] = [("Category", false), ("Applicants", true)]
        if summary.rateKind == .selection { columns.append(("Selected", true)) }
        columns += [(rateName, true), ("Impact ratio", true), ("Excluded", false)]
        table(
          columns,
          rows.map { category in
            var cells = [category.category, ReportNumber.count(category.applicants)]
            if summary.rateKind == .selection {
              cells.append(category.selected.map(ReportNumber.count) ?? "—")
            }
            cells.append(ReportNumber.percent(category.rate))
            // Three decimals as in DCWP's example tables, never rounded across the 0.8 screen;
            // none for an excluded category, which § 5-301(d) leaves out of the impact ratios.
            cells.append(
              category.excluded
                ? "—" : category.impactRatio.map { ReportNumber.fixed($0, 3, beside: [0.8]) } ?? "—"
            )
            cells.append(
              category.excluded
                ? "excluded: " + (category.exclusionJustification ?? "no justification given")
                : "")
            return cells
          }, &section, caption: dimension)
      }
    }
  }
}
