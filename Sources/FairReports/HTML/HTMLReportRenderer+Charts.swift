extension HTMLReportRenderer {
  static func writeCharts(_ document: FindingsDocument, _ body: inout Markup) {
    let evidence = document.evidence
    section("charts", "Charts", &body) { section in
      section.element(
        "p",
        text: "Hover over a mark for its exact values; the tables under Evidence hold the"
          + " same figures.")
      var drew = false
      for grouping in evidence.groups
      where grouping.slices.contains(where: { $0.impactRatio != nil }) {
        ImpactRatioChart.write(
          grouping,
          bounds: document.requirementBounds(grouping: grouping.grouping)["impact_ratio"] ?? [],
          &section)
        drew = true
      }
      let intersections = Set(
        document.scope.groupings.filter { $0.attributes.count > 1 }.map(\.name))
      for grouping in evidence.groups where intersections.contains(grouping.grouping) {
        SelectionRateChart.write(grouping, &section)
        drew = true
      }
      for attribution in evidence.attributions {
        AttributionHeatmap.write(attribution, &section)
        drew = true
      }
      for gap in evidence.gaps {
        GapWaterfall.write(gap, favourable: document.method.decisionRule.favourable, &section)
        drew = true
      }
      if !evidence.proxies.isEmpty {
        ProxyMatrix.write(evidence.proxies, &section)
        drew = true
      }
      if !drew {
        section.element(
          "p",
          text: evidence.lossGaps.isEmpty
            ? "This audit computed no evidence that the charts draw."
            : "This audit computed no evidence that the charts draw besides the loss gaps,"
              + " whose charts are in \(lossGapsTitle).")
      }
    }
  }
}
