/// Bars of each slice's selection rate with its interval, for an intersection of
/// attributes (such as `sex × race`), where small slices make intervals matter most.
enum SelectionRateChart {
  /// Writes the chart of `grouping`, or nothing when it has no slices.
  static func write(_ grouping: FindingsDocument.GroupingEvidence, _ body: inout Markup) {
    let rows = grouping.slices
    guard !rows.isEmpty else { return }
    let labelWidth = 260.0
    let valueWidth = 60.0
    let width = 760.0
    let rowHeight = 22.0
    let top = 12.0
    let plotBottom = top + Double(rows.count) * rowHeight
    let height = plotBottom + 28
    var largest = 0.0
    for slice in rows {
      largest = max(largest, slice.selectionRate, slice.selectionRateInterval?.upper ?? 0)
    }
    let domain = 0.0...min(1, max(0.1, SVGCanvas.roundedUp(largest * 1.05, step: 0.1)))
    let range = labelWidth...(width - valueWidth)
    let x = { (value: Double) in SVGCanvas.scale(value, from: domain, to: range) }
    SVGCanvas.figure(
      caption: "Selection rate by \(grouping.grouping), with intervals",
      label: "Selection rate by \(grouping.grouping)", width: width, height: height, &body
    ) { svg in
      SVGCanvas.axis(
        ticks: SVGCanvas.ticks(domain, step: domain.upperBound > 0.5 ? 0.1 : 0.05),
        domain: domain, range: range, top: top, bottom: plotBottom,
        format: { ReportNumber.fixed($0, 2) }, &svg)
      for (index, slice) in rows.enumerated() {
        let y = top + Double(index) * rowHeight
        let isReference = slice.slice == grouping.reference
        var label = SVGCanvas.shortened(slice.slice, 40)
        if isReference { label += " (ref.)" }
        if slice.excluded { label += " (excluded)" }
        SVGCanvas.text(label, x: labelWidth - 8, y: y + rowHeight / 2, anchor: "end", &svg)
        svg.element("g", [("class", "slice")]) { group in
          group.element(
            "title",
            text: "\(grouping.grouping) = \(slice.slice); selection rate \(slice.selectionRate)"
              + (slice.selectionRateInterval.map {
                "; \(ReportNumber.level($0.level)) interval [\($0.lower), \($0.upper)]"
              } ?? "")
              + "; selected \(ReportNumber.weight(slice.selected)) of"
              + " \(ReportNumber.count(slice.count))"
              + (slice.excluded ? "; excluded: \(slice.excludedReason ?? "")" : ""))
          group.empty(
            "rect",
            [
              ("x", SVGCanvas.number(range.lowerBound)), ("y", SVGCanvas.number(y + 4)),
              ("width", SVGCanvas.number(x(slice.selectionRate) - range.lowerBound)),
              ("height", SVGCanvas.number(rowHeight - 8)),
              ("class", isReference ? "bar reference" : "bar"),
            ])
          if let interval = slice.selectionRateInterval {
            group.empty(
              "line",
              [
                ("x1", SVGCanvas.number(x(interval.lower))),
                ("y1", SVGCanvas.number(y + rowHeight / 2)),
                ("x2", SVGCanvas.number(x(interval.upper))),
                ("y2", SVGCanvas.number(y + rowHeight / 2)), ("class", "whisker"),
              ])
          }
        }
        SVGCanvas.text(
          ReportNumber.percent(slice.selectionRate), x: width - valueWidth + 8,
          y: y + rowHeight / 2, className: "value", &svg)
      }
    }
  }
}
