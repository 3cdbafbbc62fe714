extension HTMLReportRenderer {
  static let lossesTitle = "Loss and decision costs"
  static let lossGapsTitle = "Which features make the model worse for a group"

  /// Writes the loss section: the declared loss and cost matrix, then per grouping each
  /// slice's mean loss and decision cost against the reference slice.
  static func writeLosses(_ document: FindingsDocument, _ body: inout Markup) {
    let losses = document.evidence.losses
    // The declarations are the audit's, so every grouping normally repeats them; show them
    // once unless they differ.
    let shared = losses.allSatisfy { $0.loss == losses[0].loss && $0.costs == losses[0].costs }
    section("losses", lossesTitle, &body) { section in
      section.element(
        "p",
        text: "How much of the model's error each slice bears: its mean loss under the declared"
          + " loss and its mean decision cost under the declared cost matrix, against the"
          + " reference slice. A slice whose share of the loss exceeds its share of the rows"
          + " (a ratio above 1) carries more than its part of the errors. Intervals are at the"
          + " \(ReportNumber.level(document.provenance.confidenceLevel)) level.")
      if shared { declarations(losses[0], &section) }
      for grouping in losses {
        if !shared { declarations(grouping, &section) }
        writeLossTable(grouping, document, &section)
        section.newline()
      }
    }
  }

  private static func declarations(
    _ grouping: FindingsDocument.LossEvidence, _ body: inout Markup
  ) {
    facts(
      [
        ("Declared loss", grouping.loss ?? "none declared"),
        ("Cost matrix", grouping.costs ?? "none declared"),
      ], &body)
  }

  private static func writeLossTable(
    _ grouping: FindingsDocument.LossEvidence, _ document: FindingsDocument,
    _ body: inout Markup
  ) {
    typealias Column = OptionalColumn<FindingsDocument.LossEvidence.Slice>
    // Each figure kept on its side of the bounds the loss rules on this grouping judge it by.
    let bounds = document.requirementBounds(grouping: grouping.grouping)
    let value = { (metric: String) in
      { (value: Double?) in value.map { ReportNumber.value($0, beside: bounds[metric] ?? []) } }
    }
    // The reference's ratio and difference intervals are the points 1 and 0; leave them out.
    let unlessReference = {
      (slice: FindingsDocument.LossEvidence.Slice, interval: FindingsDocument.Interval?) in
      slice.slice == grouping.reference ? nil : interval.map(ReportNumber.interval)
    }
    optionalTable(
      [
        Column(title: "Slice", numeric: false) { slice in
          slice.slice + (slice.slice == grouping.reference ? " (reference)" : "")
        },
        Column(title: "Rows", numeric: true) { ReportNumber.count($0.count) },
        Column(title: "Row share", numeric: true) { ReportNumber.percent($0.rowShare) },
        Column(title: "Mean loss", numeric: true) { value("mean_loss")($0.meanLoss) },
        Column(title: "Interval", numeric: false) {
          $0.meanLossInterval.map(ReportNumber.interval)
        },
        Column(title: "Share of loss", numeric: true) { $0.lossShare.map(ReportNumber.percent) },
        Column(title: "Share of loss / share of rows", numeric: true) {
          value("loss_share_ratio")($0.lossShareRatio)
        },
        Column(title: "Loss ratio", numeric: true) { value("loss_ratio")($0.lossRatio) },
        Column(title: "Ratio interval", numeric: false) {
          unlessReference($0, $0.lossRatioInterval)
        },
        Column(title: "Loss difference", numeric: true) {
          value("loss_difference")($0.lossDifference)
        },
        Column(title: "Difference interval", numeric: false) {
          unlessReference($0, $0.lossDifferenceInterval)
        },
      ], grouping.slices, &body,
      caption: "\(grouping.grouping) (reference \(grouping.reference)): loss")
    // The costs in a table of their own, so that each fits a printed page.
    guard grouping.slices.contains(where: { $0.meanCost != nil }) else { return }
    optionalTable(
      [
        Column(title: "Slice", numeric: false) { slice in
          slice.slice + (slice.slice == grouping.reference ? " (reference)" : "")
        },
        Column(title: "Mean cost", numeric: true) { value("mean_cost")($0.meanCost) },
        Column(title: "Interval", numeric: false) {
          $0.meanCostInterval.map(ReportNumber.interval)
        },
        Column(title: "Share of cost", numeric: true) { $0.costShare.map(ReportNumber.percent) },
        Column(title: "Share of cost / share of rows", numeric: true) {
          value("cost_share_ratio")($0.costShareRatio)
        },
        Column(title: "Cost ratio", numeric: true) { value("expected_cost_ratio")($0.costRatio) },
        Column(title: "Ratio interval", numeric: false) {
          unlessReference($0, $0.costRatioInterval)
        },
        Column(title: "Cost difference", numeric: true) {
          value("expected_cost_difference")($0.costDifference)
        },
        Column(title: "Difference interval", numeric: false) {
          unlessReference($0, $0.costDifferenceInterval)
        },
      ], grouping.slices, &body,
      caption: "\(grouping.grouping) (reference \(grouping.reference)): decision cost")
  }

  /// Writes the loss-gap section: per slice, its mean-loss gap to the reference as a
  /// waterfall and a table of feature contributions, then the outcome mix set apart.
  static func writeLossGaps(_ document: FindingsDocument, _ body: inout Markup) {
    section("loss-gaps", lossGapsTitle, &body) { section in
      section.element(
        "p",
        text: "Each slice's mean loss minus the reference's, split into what each feature"
          + " contributes (the difference of the slices' mean loss attributions) and the outcome"
          + " mix. A positive contribution raises the slice's loss above the reference's: the"
          + " model does worse for the slice through that feature. The parts add up to the gap."
          + " Intervals are at the \(ReportNumber.level(document.provenance.confidenceLevel))"
          + " level.")
      for gap in document.evidence.lossGaps {
        section.element("details", [("open", "open")]) { details in
          details.element(
            "summary",
            text: "\(gap.grouping) = \(gap.slice) vs \(gap.reference):"
              + " mean loss gap \(ReportNumber.value(gap.gap))")
          writeLossGap(gap, document, &details)
        }
        section.newline()
      }
    }
  }

  private static func writeLossGap(
    _ gap: FindingsDocument.GapEvidence, _ document: FindingsDocument, _ body: inout Markup
  ) {
    let mixFeature = FindingsDocument.GapEvidence.outcomeMixFeature
    let features = gap.contributions.filter { $0.feature != mixFeature }
    let mix = gap.contributions.filter { $0.feature == mixFeature }
    GapWaterfall.write(
      gap, features: features, trailing: mix, title: "Loss gap decomposition",
      harms: { $0 > 0 }, &body)
    typealias Column = OptionalColumn<FindingsDocument.GapEvidence.Contribution>
    optionalTable(
      [
        Column(title: "Feature", numeric: false) { $0.feature },
        Column(title: "Contribution", numeric: true) { ReportNumber.value($0.contribution) },
        Column(title: "Interval", numeric: false) { $0.interval.map(ReportNumber.interval) },
      ], features, &body, caption: "Feature contributions to the mean loss gap")
    // The same gap measured directly, with its interval, when the loss table holds it.
    let difference = document.evidence.losses.first { $0.grouping == gap.grouping }?
      .slices.first { $0.slice == gap.slice }?.lossDifferenceInterval
    let featureSum = features.reduce(0) { $0 + $1.contribution }
    var rows = [["Features together", ReportNumber.value(featureSum), "—"]]
    for part in mix {
      rows.append(
        [
          "Outcome mix", ReportNumber.value(part.contribution),
          part.interval.map(ReportNumber.interval) ?? "—",
        ])
    }
    rows.append(
      ["Mean loss gap", ReportNumber.value(gap.gap), difference.map(ReportNumber.interval) ?? "—"])
    table(
      [("Part", false), ("Loss", true), ("Interval", false)], rows, &body,
      caption: "The gap: features and outcome mix", compact: true)
    if let part = mix.first {
      body.element(
        "p", [("class", "muted")],
        text: "The outcome mix (\(ReportNumber.value(part.contribution))) is the part of the gap"
          + " due to the two slices' labels alone: the background's expected loss at each row's"
          + " own label, averaged over \(gap.slice) minus averaged over \(gap.reference);"
          + " no feature accounts for it.")
      body.newline()
    }
  }
}
