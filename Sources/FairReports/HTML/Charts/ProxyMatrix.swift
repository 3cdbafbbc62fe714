/// A matrix of features (rows) by protected attributes (columns) whose cells show the
/// association between them; cells the audit treats as proxies are outlined.
enum ProxyMatrix {
  static let featureLimit = 25

  /// Writes the matrix, or nothing when there are no associations.
  static func write(_ proxies: [FindingsDocument.ProxyAssociation], _ body: inout Markup) {
    guard !proxies.isEmpty else { return }
    var attributes: [String] = []
    var strongest: [String: Double] = [:]
    for proxy in proxies {
      if !attributes.contains(proxy.attribute) { attributes.append(proxy.attribute) }
      strongest[proxy.feature] = max(strongest[proxy.feature] ?? 0, proxy.association)
    }
    let ordered = strongest.keys.sorted { left, right in
      let (a, b) = (strongest[left] ?? 0, strongest[right] ?? 0)
      return a != b ? a > b : left < right
    }
    let features = Array(ordered.prefix(featureLimit))
    let labelWidth = 200.0
    let headerHeight = 40.0
    let cellWidth = max(70, min(130, 560 / Double(attributes.count)))
    let cellHeight = 22.0
    let width = labelWidth + cellWidth * Double(attributes.count) + 8
    let height = headerHeight + cellHeight * Double(features.count) + 8
    var caption =
      "Association of each feature with each protected attribute; outlined cells are proxies"
    if ordered.count > features.count {
      caption += "; strongest \(features.count) of \(ordered.count) features"
    }
    SVGCanvas.figure(
      caption: caption, label: "Proxy association matrix", width: width, height: height, &body
    ) { svg in
      for (column, attribute) in attributes.enumerated() {
        SVGCanvas.text(
          SVGCanvas.shortened(attribute, Int(cellWidth / 7)),
          x: labelWidth + (Double(column) + 0.5) * cellWidth, y: headerHeight - 10,
          anchor: "middle", &svg)
      }
      for (row, feature) in features.enumerated() {
        let y = headerHeight + Double(row) * cellHeight
        SVGCanvas.text(
          SVGCanvas.shortened(feature, 30), x: labelWidth - 8, y: y + cellHeight / 2,
          anchor: "end", &svg)
        for (column, attribute) in attributes.enumerated() {
          let x = labelWidth + Double(column) * cellWidth
          let entry = proxies.first { $0.feature == feature && $0.attribute == attribute }
          let opacity = entry.map { 0.06 + 0.94 * min(1, max(0, $0.association)) } ?? 0
          svg.element("g", [("class", "cell-group")]) { group in
            group.element("title", text: tooltip(entry, feature: feature, attribute: attribute))
            group.empty(
              "rect",
              [
                ("x", SVGCanvas.number(x + 2)), ("y", SVGCanvas.number(y + 2)),
                ("width", SVGCanvas.number(cellWidth - 4)),
                ("height", SVGCanvas.number(cellHeight - 4)),
                ("class", entry?.isProxy == true ? "cell proxy" : "cell"),
                ("fill-opacity", ReportNumber.fixed(opacity, 3)),
              ])
            SVGCanvas.text(
              entry.map { ReportNumber.fixed($0.association, 2) + ($0.isProxy ? " proxy" : "") }
                ?? "—",
              x: x + cellWidth / 2, y: y + cellHeight / 2, anchor: "middle",
              className: opacity > 0.55 ? "value on-dark" : "value", &group)
          }
        }
      }
    }
  }

  private static func tooltip(
    _ entry: FindingsDocument.ProxyAssociation?, feature: String, attribute: String
  ) -> String {
    guard let entry else { return "\(feature) × \(attribute): not computed" }
    let measure = entry.measure == .cramersV ? "Cramér's V" : "correlation ratio"
    var parts = ["\(feature) × \(attribute)", "\(measure) \(entry.association)"]
    if let nmi = entry.nmi { parts.append("NMI \(nmi)") }
    if let auc = entry.auc { parts.append("AUC \(auc)") }
    if let share = entry.attributionShare { parts.append("attribution share \(share)") }
    parts.append(entry.isProxy ? "treated as a proxy" : "not a proxy")
    return parts.joined(separator: "; ")
  }
}
