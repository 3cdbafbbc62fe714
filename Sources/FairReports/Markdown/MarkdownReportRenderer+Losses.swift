extension MarkdownReportRenderer {
  /// The loss tables of the comment, or `""` when the document has no loss evidence: per
  /// grouping each slice's mean loss and cost against the reference, then per slice its
  /// mean-loss gap with the largest feature contributions and the outcome mix.
  ///
  /// - Complexity: O(*s* + *c*) for *s* slices and *c* gap contributions.
  func lossTables(_ document: FindingsDocument) -> String {
    let evidence = document.evidence
    var text = ""
    if !evidence.losses.isEmpty {
      text += "\n#### Loss and decision costs\n"
      var declared: [String] = []
      for grouping in evidence.losses {
        let line =
          "Loss \(grouping.loss.map { MarkdownText.escaped($0) } ?? "not declared")"
          + " · costs \(grouping.costs.map { MarkdownText.escaped($0) } ?? "not declared")"
        if !declared.contains(line) { declared.append(line) }
      }
      text += "\n" + declared.joined(separator: "\n\n") + "\n"
      for grouping in evidence.losses { text += lossTable(grouping, document) }
    }
    if !evidence.lossGaps.isEmpty {
      text += "\n#### Which features make the model worse for a group\n\n"
      text += "| Slice | Mean loss gap | Largest feature contributions | Outcome mix |\n"
      text += "|---|---:|---|---:|\n"
      let mixFeature = FindingsDocument.GapEvidence.outcomeMixFeature
      for gap in evidence.lossGaps {
        let features = gap.contributions.filter { $0.feature != mixFeature }
        let mix = gap.contributions.first { $0.feature == mixFeature }
        let largest = features.prefix(Self.lossGapFeatureLimit).map {
          "\(MarkdownText.escaped($0.feature)) \(signed($0.contribution))"
        }
        let others = features.count - largest.count
        text +=
          "| \(MarkdownText.escaped("\(gap.grouping) = \(gap.slice) vs \(gap.reference)"))"
          + " | \(ReportNumber.value(gap.gap))"
          + " | \((largest + (others > 0 ? ["\(others) more"] : [])).joined(separator: ", "))"
          + " | \(mix.map { withInterval($0.contribution, $0.interval) } ?? "—") |\n"
      }
      text +=
        "\n_The outcome mix is the part of the gap due to the two slices' labels alone"
        + " (the background's expected loss at each row's label); no feature accounts for it._\n"
    }
    return text
  }

  static let lossGapFeatureLimit = 3

  private func lossTable(_ grouping: FindingsDocument.LossEvidence, _ document: FindingsDocument)
    -> String
  {
    let hasCost = grouping.slices.contains { $0.meanCost != nil }
    // Each figure kept on its side of the bounds the loss rules on this grouping judge it by.
    let bounds = document.requirementBounds(grouping: grouping.grouping)
    let figure = { (metric: String, value: Double?, interval: FindingsDocument.Interval?) in
      value.map { withInterval($0, interval, beside: bounds[metric] ?? []) } ?? "—"
    }
    var text = "\n| \(MarkdownText.escaped(grouping.grouping)) | Rows | Mean loss"
    text += " | Loss share / row share | Loss ratio | Loss difference"
    text += hasCost ? " | Mean cost | Cost ratio |\n" : " |\n"
    text += "|---|---:|---:|---:|---:|---:|" + (hasCost ? "---:|---:|\n" : "\n")
    for slice in grouping.slices {
      let isReference = slice.slice == grouping.reference
      // The reference's ratio and difference intervals are the points 1 and 0.
      let against = { (metric: String, value: Double?, interval: FindingsDocument.Interval?) in
        figure(metric, value, isReference ? nil : interval)
      }
      text +=
        "| \(MarkdownText.escaped(slice.slice))\(isReference ? " (reference)" : "")"
        + " | \(ReportNumber.count(slice.count)) (\(ReportNumber.percent(slice.rowShare)))"
        + " | \(figure("mean_loss", slice.meanLoss, slice.meanLossInterval))"
        + " | \(figure("loss_share_ratio", slice.lossShareRatio, nil))"
        + " | \(against("loss_ratio", slice.lossRatio, slice.lossRatioInterval))"
        + " | \(against("loss_difference", slice.lossDifference, slice.lossDifferenceInterval))"
      if hasCost {
        text +=
          " | \(figure("mean_cost", slice.meanCost, slice.meanCostInterval))"
          + " | \(against("expected_cost_ratio", slice.costRatio, slice.costRatioInterval))"
      }
      text += " |\n"
    }
    return text
  }

  private func withInterval(
    _ value: Double, _ interval: FindingsDocument.Interval?, beside bounds: [Double] = []
  ) -> String {
    ReportNumber.value(value, beside: bounds)
      + (interval.map { " " + ReportNumber.interval($0) } ?? "")
  }

  private func signed(_ value: Double) -> String {
    (value > 0 ? "+" : "") + ReportNumber.value(value)
  }
}
