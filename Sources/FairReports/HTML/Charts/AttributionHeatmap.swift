/// A heatmap of features (rows) by slices (columns) whose cells show each feature's share
/// of the slice's mean |φ|: which features drive decisions for which groups.
enum AttributionHeatmap {
  static let featureLimit = 15

  /// Writes the heatmap of `attribution`, or nothing when it has no features.
  static func write(_ attribution: FindingsDocument.AttributionEvidence, _ body: inout Markup) {
    let slices = attribution.slices
    guard !slices.isEmpty else { return }
    // Features ordered by their largest share in any slice, then by name.
    var largestShare: [String: Double] = [:]
    for slice in slices {
      for feature in slice.features {
        largestShare[feature.feature] = max(largestShare[feature.feature] ?? 0, feature.share)
      }
    }
    let ordered = largestShare.keys.sorted { left, right in
      let (a, b) = (largestShare[left] ?? 0, largestShare[right] ?? 0)
      return a != b ? a > b : left < right
    }
    guard !ordered.isEmpty else { return }
    let features = Array(ordered.prefix(featureLimit))
    let maximum = max(features.compactMap { largestShare[$0] }.max() ?? 1, 1e-12)
    let labelWidth = 200.0
    let headerHeight = 40.0
    let cellWidth = max(44, min(110, (760 - labelWidth) / Double(slices.count)))
    let cellHeight = 22.0
    let width = labelWidth + cellWidth * Double(slices.count) + 8
    let height = headerHeight + cellHeight * Double(features.count) + 8
    var caption =
      "Share of mean |φ| by feature and slice of \(attribution.grouping) (\(attribution.space) space)"
    if ordered.count > features.count {
      caption += "; top \(features.count) of \(ordered.count) features"
    }
    SVGCanvas.figure(
      caption: caption, label: "Attribution heatmap for \(attribution.grouping)", width: width,
      height: height, &body
    ) { svg in
      for (column, slice) in slices.enumerated() {
        let x = labelWidth + (Double(column) + 0.5) * cellWidth
        svg.element(
          "text",
          [
            ("x", SVGCanvas.number(x)), ("y", SVGCanvas.number(headerHeight - 10)),
            ("text-anchor", "middle"), ("class", "label"),
          ]
        ) { label in
          label.element("title", text: slice.slice)
          label.text(SVGCanvas.shortened(slice.slice, Int(cellWidth / 7)))
        }
      }
      for (row, feature) in features.enumerated() {
        let y = headerHeight + Double(row) * cellHeight
        SVGCanvas.text(
          SVGCanvas.shortened(feature, 30), x: labelWidth - 8, y: y + cellHeight / 2,
          anchor: "end", &svg)
        for (column, slice) in slices.enumerated() {
          let x = labelWidth + Double(column) * cellWidth
          let entry = slice.features.first { $0.feature == feature }
          svg.element("g", [("class", "cell-group")]) { group in
            group.element(
              "title", text: tooltip(entry, feature: feature, slice: slice.slice, attribution))
            let opacity = entry.map { 0.06 + 0.94 * min(1, max(0, $0.share / maximum)) } ?? 0
            group.empty(
              "rect",
              [
                ("x", SVGCanvas.number(x + 1)), ("y", SVGCanvas.number(y + 1)),
                ("width", SVGCanvas.number(cellWidth - 2)),
                ("height", SVGCanvas.number(cellHeight - 2)),
                ("class", "cell"), ("fill-opacity", ReportNumber.fixed(opacity, 3)),
              ])
            SVGCanvas.text(
              entry.map { ReportNumber.percent($0.share) } ?? "—", x: x + cellWidth / 2,
              y: y + cellHeight / 2, anchor: "middle",
              className: opacity > 0.55 ? "value on-dark" : "value", &group)
          }
        }
      }
    }
  }

  private static func tooltip(
    _ entry: FindingsDocument.FeatureAttribution?, feature: String, slice: String,
    _ attribution: FindingsDocument.AttributionEvidence
  ) -> String {
    guard let entry else { return "\(feature), \(attribution.grouping) = \(slice): not computed" }
    var parts = [
      "\(feature), \(attribution.grouping) = \(slice)",
      "mean |φ| \(entry.meanAbs)", "share \(entry.share)", "mean φ \(entry.mean)",
      "rank \(entry.rank)",
    ]
    if let ratio = entry.ratioToReference {
      parts.append("ratio to \(attribution.reference) \(ratio)")
    }
    if let interval = entry.ratioInterval {
      parts.append("ratio interval [\(interval.lower), \(interval.upper)]")
    }
    return parts.joined(separator: "; ")
  }
}
