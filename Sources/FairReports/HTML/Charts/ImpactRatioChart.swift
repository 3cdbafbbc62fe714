/// A dot plot of each slice's impact ratio with its interval as whiskers, against the 0.8
/// line of the four-fifths screen and the parity line at 1.
enum ImpactRatioChart {
  static let threshold = 0.8

  /// Writes the chart of `grouping`, or nothing when no slice has an impact ratio; its labels
  /// keep each ratio on its side of the 0.8 line and of each of `bounds`.
  static func write(
    _ grouping: FindingsDocument.GroupingEvidence, bounds: [Double], _ body: inout Markup
  ) {
    let rows = grouping.slices.filter { !$0.excluded && $0.impactRatio != nil }
    guard !rows.isEmpty else { return }
    let labelWidth = 230.0
    let valueWidth = 60.0
    let width = 760.0
    let rowHeight = 24.0
    let top = 12.0
    let plotBottom = top + Double(rows.count) * rowHeight
    let height = plotBottom + 28
    var largest = 1.2
    for slice in rows {
      largest = max(largest, slice.impactRatio ?? 0, slice.impactRatioInterval?.upper ?? 0)
    }
    let domain = 0.0...SVGCanvas.roundedUp(min(largest, 5), step: 0.2)
    let range = labelWidth...(width - valueWidth)
    let x = { (value: Double) in SVGCanvas.scale(value, from: domain, to: range) }
    // The ratios compare each slice with the most selected one, not with the reference.
    let mostSelected = grouping.mostSelectedSlice
    SVGCanvas.figure(
      caption: "Impact ratio by \(grouping.grouping)"
        + (mostSelected.map { " (selection rate over that of the most selected slice, \($0))" }
          ?? "") + ", with intervals; dashed line at 0.8",
      label: "Impact ratio by \(grouping.grouping)", width: width, height: height, &body
    ) { svg in
      SVGCanvas.axis(
        ticks: SVGCanvas.ticks(domain, step: domain.upperBound > 2 ? 0.5 : 0.2), domain: domain,
        range: range, top: top, bottom: plotBottom, format: { ReportNumber.fixed($0, 1) }, &svg)
      SVGCanvas.verticalLine(x: x(1), top: top, bottom: plotBottom, className: "parity", &svg)
      svg.element("g") { group in
        group.element("title", text: "four-fifths screen: impact ratio 0.8")
        SVGCanvas.verticalLine(
          x: x(threshold), top: top, bottom: plotBottom, className: "threshold", &group)
      }
      for (index, slice) in rows.enumerated() {
        let y = top + (Double(index) + 0.5) * rowHeight
        let value = slice.impactRatio ?? 0
        let isReference = slice.slice == grouping.reference
        let marks =
          (isReference ? ["ref."] : []) + (slice.slice == mostSelected ? ["most selected"] : [])
        let suffix = marks.isEmpty ? "" : " (" + marks.joined(separator: ", ") + ")"
        SVGCanvas.text(
          SVGCanvas.shortened(slice.slice, 34 - suffix.count) + suffix, x: labelWidth - 8,
          y: y, anchor: "end", &svg)
        svg.element("g", [("class", "slice")]) { group in
          group.element("title", text: tooltip(slice, grouping: grouping.grouping))
          if let interval = slice.impactRatioInterval {
            group.empty(
              "line",
              [
                ("x1", SVGCanvas.number(x(interval.lower))), ("y1", SVGCanvas.number(y)),
                ("x2", SVGCanvas.number(x(interval.upper))), ("y2", SVGCanvas.number(y)),
                ("class", "whisker"),
              ])
          }
          let markClass =
            isReference ? "mark reference" : value < threshold ? "mark below" : "mark"
          group.empty(
            "circle",
            [
              ("cx", SVGCanvas.number(x(value))), ("cy", SVGCanvas.number(y)), ("r", "5"),
              ("class", markClass),
            ])
        }
        SVGCanvas.text(
          ReportNumber.value(value, beside: [threshold] + bounds), x: width - valueWidth + 8, y: y,
          className: "value", &svg)
      }
    }
  }

  private static func tooltip(_ slice: FindingsDocument.SliceEvidence, grouping: String) -> String {
    var parts = ["\(grouping) = \(slice.slice)"]
    if let ratio = slice.impactRatio { parts.append("impact ratio \(ratio)") }
    if let interval = slice.impactRatioInterval {
      parts.append(
        ReportNumber.level(interval.level) + " interval [\(interval.lower), \(interval.upper)]")
    }
    parts.append("selection rate \(slice.selectionRate)")
    parts.append(
      "selected \(ReportNumber.weight(slice.selected)) of \(ReportNumber.count(slice.count))")
    if let pValue = slice.pValue { parts.append("p \(pValue)") }
    if let adjusted = slice.adjustedPValue { parts.append("adjusted p \(adjusted)") }
    return parts.joined(separator: "; ")
  }
}
