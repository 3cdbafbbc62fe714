extension HTMLReportRenderer {
  /// A column of an evidence table that shows only when some row has a value.
  struct OptionalColumn<Row> {
    var title: String
    var numeric: Bool
    var value: (Row) -> String?
  }

  /// Writes a table of the columns that have a value in some row; other cells show `—`.
  static func optionalTable<Row>(
    _ columns: [OptionalColumn<Row>], _ rows: [Row], _ body: inout Markup, caption: String
  ) {
    let shown = columns.filter { column in rows.contains { column.value($0) != nil } }
    table(
      shown.map { ($0.title, $0.numeric) },
      rows.map { row in shown.map { $0.value(row) ?? "—" } }, &body, caption: caption)
  }

  static func writeEvidence(_ document: FindingsDocument, _ body: inout Markup) {
    let evidence = document.evidence
    section("evidence", "Evidence", &body) { section in
      section.element(
        "p",
        text: "The tables behind the verdicts and charts. Intervals are at the"
          + " \(ReportNumber.level(document.provenance.confidenceLevel)) level.")
      if evidence.groups.isEmpty && evidence.attributions.isEmpty && evidence.gaps.isEmpty
        && evidence.proxies.isEmpty && evidence.flips.isEmpty
      {
        section.element(
          "p",
          text: evidence.losses.isEmpty && evidence.lossGaps.isEmpty
            ? "No evidence tables were computed for this audit."
            : "No evidence tables besides the loss tables above were computed for this audit.")
      }
      for grouping in evidence.groups {
        section.element("details", [("open", "open")]) { details in
          details.element("summary", text: "Group metrics: \(grouping.grouping)")
          writeGroupMetrics(grouping, document, &details)
        }
        section.newline()
      }
      for attribution in evidence.attributions {
        // Kept on its side of the bounds of the attribution-ratio rules on this grouping.
        let ratioBounds =
          document.requirementBounds(grouping: attribution.grouping)["attribution_ratio"] ?? []
        section.element("details") { details in
          details.element("summary", text: "Attributions by slice: \(attribution.grouping)")
          for slice in attribution.slices {
            optionalTable(
              [
                OptionalColumn(title: "Rank", numeric: true) { String($0.rank) },
                OptionalColumn(title: "Feature", numeric: false) { $0.feature },
                OptionalColumn(title: "Mean |φ|", numeric: true) { ReportNumber.value($0.meanAbs) },
                OptionalColumn(title: "Interval", numeric: false) {
                  $0.meanAbsInterval.map(ReportNumber.interval)
                },
                OptionalColumn(title: "Mean φ", numeric: true) { ReportNumber.value($0.mean) },
                OptionalColumn(title: "Share", numeric: true) { ReportNumber.percent($0.share) },
                OptionalColumn(title: "Ratio to \(attribution.reference)", numeric: true) {
                  $0.ratioToReference.map { ReportNumber.value($0, beside: ratioBounds) }
                },
                OptionalColumn(title: "Ratio interval", numeric: false) {
                  $0.ratioInterval.map(ReportNumber.interval)
                },
              ], slice.features, &details,
              caption: "\(attribution.grouping) = \(slice.slice) (\(attribution.space) space)")
          }
        }
        section.newline()
      }
      for gap in evidence.gaps {
        section.element("details") { details in
          details.element(
            "summary",
            text: "Gap decomposition: \(gap.grouping) = \(gap.slice) vs \(gap.reference)")
          optionalTable(
            [
              OptionalColumn(title: "Feature", numeric: false) { $0.feature },
              OptionalColumn(title: "Contribution", numeric: true) {
                ReportNumber.value($0.contribution)
              },
              OptionalColumn(title: "Interval", numeric: false) {
                $0.interval.map(ReportNumber.interval)
              },
            ], gap.contributions, &details,
            caption: "Mean \(gap.space) gap \(ReportNumber.value(gap.gap))")
        }
        section.newline()
      }
      if !evidence.proxies.isEmpty {
        section.element("details") { details in
          details.element("summary", text: "Proxy associations")
          optionalTable(
            [
              OptionalColumn(title: "Feature", numeric: false) { $0.feature },
              OptionalColumn(title: "Attribute", numeric: false) { $0.attribute },
              OptionalColumn(title: "Measure", numeric: false) { $0.measure.rawValue },
              OptionalColumn(title: "Association", numeric: true) {
                ReportNumber.value($0.association)
              },
              OptionalColumn(title: "NMI", numeric: true) { $0.nmi.map(ReportNumber.value) },
              OptionalColumn(title: "AUC", numeric: true) { $0.auc.map(ReportNumber.value) },
              OptionalColumn(title: "Attribution share", numeric: true) {
                $0.attributionShare.map(ReportNumber.percent)
              },
              OptionalColumn(title: "Proxy", numeric: false) { $0.isProxy ? "yes" : "no" },
            ], evidence.proxies, &details, caption: "Feature × attribute associations")
        }
        section.newline()
      }
      if !evidence.flips.isEmpty {
        section.element("details") { details in
          details.element("summary", text: "Counterfactual flip rates")
          optionalTable(
            [
              OptionalColumn(title: "Attribute changed", numeric: false) { $0.attribute },
              OptionalColumn(title: "Flip rate", numeric: true) { ReportNumber.percent($0.rate) },
              OptionalColumn(title: "Interval", numeric: false) {
                $0.interval.map {
                  "[\(ReportNumber.percent($0.lower)), \(ReportNumber.percent($0.upper))]"
                }
              },
              OptionalColumn(title: "Rows", numeric: true) { ReportNumber.count($0.rows) },
            ], evidence.flips, &details,
            caption: "Decisions that change when only the attribute does")
        }
        section.newline()
      }
    }
  }

  private static func writeGroupMetrics(
    _ grouping: FindingsDocument.GroupingEvidence, _ document: FindingsDocument,
    _ body: inout Markup
  ) {
    typealias Column = OptionalColumn<FindingsDocument.SliceEvidence>
    // Every figure kept on its side of the bounds the rules on this grouping judge its
    // metric against (the four-fifths screen for the ratios, 1 for a shortfall), and every
    // p-value on its side of each significance level used.
    let bounds = document.requirementBounds(grouping: grouping.grouping)
    let kept = { (metric: String, screens: [Double]) in
      let bounds = screens + (bounds[metric] ?? [])
      return { (value: Double?) in value.map { ReportNumber.value($0, beside: bounds) } }
    }
    let rate = { (metric: String) in kept(metric, []) }
    let alphas = document.alphas(grouping: grouping.grouping)
    let pValue = { (value: Double?) in value.map { ReportNumber.pValue($0, besideAll: alphas) } }
    // Impact ratios, their tests and shortfalls compare each slice with the most selected
    // one (ratio 1); only "ratio to reference" compares with the declared reference.
    let mostSelected = grouping.mostSelectedSlice
    var caption = "\(grouping.grouping): ratio to reference against \(grouping.reference)"
    if let mostSelected {
      caption += "; impact ratio, p and shortfall against the most selected slice, \(mostSelected)"
    }
    optionalTable(
      [
        Column(title: "Slice", numeric: false) { slice in
          let marks =
            (slice.slice == grouping.reference ? ["reference"] : [])
            + (slice.slice == mostSelected ? ["most selected"] : [])
            + (slice.unknown == true ? ["unknown"] : [])
          return slice.slice + (marks.isEmpty ? "" : " (" + marks.joined(separator: ", ") + ")")
        },
        Column(title: "n", numeric: true) { ReportNumber.count($0.count) },
        Column(title: "Weight", numeric: true) {
          $0.weight == Double($0.count) ? nil : ReportNumber.weight($0.weight)
        },
        Column(title: "Share", numeric: true) { ReportNumber.percent($0.share) },
        Column(title: "Selected", numeric: true) { ReportNumber.weight($0.selected) },
        Column(title: "Selection rate", numeric: true) { rate("selection_rate")($0.selectionRate) },
        Column(title: "Rate interval", numeric: false) {
          $0.selectionRateInterval.map(ReportNumber.interval)
        },
        Column(title: "Scoring rate", numeric: true) { rate("scoring_rate")($0.scoringRate) },
        Column(title: "Impact ratio", numeric: true) {
          kept("impact_ratio", [ImpactRatioChart.threshold])($0.impactRatio)
        },
        Column(title: "IR interval", numeric: false) {
          $0.impactRatioInterval.map(ReportNumber.interval)
        },
        Column(title: "Ratio to reference", numeric: true) {
          kept("impact_ratio_to_reference", [ImpactRatioChart.threshold])(
            $0.impactRatioToReference)
        },
        Column(title: "p", numeric: true) { pValue($0.pValue) },
        Column(title: "Adjusted p", numeric: true) { pValue($0.adjustedPValue) },
        Column(title: "Test", numeric: false) { $0.test?.rawValue },
        // One decimal, as the findings show it.
        Column(title: "Shortfall", numeric: true) { slice in
          slice.shortfall.map {
            ReportNumber.fixed($0, 1, beside: [1] + (bounds["shortfall"] ?? []))
          }
        },
        Column(title: "Base rate", numeric: true) { rate("base_rate")($0.baseRate) },
        Column(title: "TPR", numeric: true) { rate("true_positive_rate")($0.tpr) },
        Column(title: "FPR", numeric: true) { rate("false_positive_rate")($0.fpr) },
        Column(title: "FNR", numeric: true) { rate("false_negative_rate")($0.fnr) },
        Column(title: "TNR", numeric: true) { rate("true_negative_rate")($0.tnr) },
        Column(title: "Precision", numeric: true) { rate("precision")($0.precision) },
        Column(title: "AUC", numeric: true) { rate("auc")($0.auc) },
        Column(title: "Log loss", numeric: true) { rate("log_loss")($0.logLoss) },
        Column(title: "Brier", numeric: true) { rate("brier_score")($0.brier) },
        Column(title: "ECE", numeric: true) { rate("expected_calibration_error")($0.ece) },
        Column(title: "Excluded", numeric: false) { slice in
          slice.excluded ? (slice.excludedReason ?? "excluded") : nil
        },
      ], grouping.slices, &body, caption: caption)
    facts(
      [
        (
          "Demographic parity difference",
          rate("demographic_parity_difference")(grouping.demographicParityDifference)
        ),
        (
          "Demographic parity ratio",
          rate("demographic_parity_ratio")(grouping.demographicParityRatio)
        ),
        (
          "Equalized odds difference",
          rate("equalized_odds_difference")(grouping.equalizedOddsDifference)
        ),
        (
          "Equal opportunity difference",
          rate("equal_opportunity_difference")(grouping.equalOpportunityDifference)
        ),
      ], &body)
  }
}
