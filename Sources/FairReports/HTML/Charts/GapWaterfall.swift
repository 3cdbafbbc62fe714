/// A waterfall of a slice's mean score gap to the reference: each feature's contribution
/// as a step from the running total, ending in the whole gap.
///
/// It draws score gaps and loss gaps alike.
enum GapWaterfall {
  static let featureLimit = 12

  /// Writes the waterfall of `gap`; `favourable` colours steps that lower the slice's
  /// chance of a favourable decision as harmful.
  static func write(
    _ gap: FindingsDocument.GapEvidence, favourable: FindingsDocument.DecisionRule.Side,
    _ body: inout Markup
  ) {
    write(
      gap, features: gap.contributions, trailing: [], title: "Gap decomposition",
      harms: { favourable == .above ? $0 < 0 : $0 > 0 }, &body)
  }

  /// Writes the waterfall of `gap` drawn from `features` (at most ``featureLimit`` of them,
  /// the rest summed into one step), then the `trailing` steps, which are never summed
  /// away; `harms` tells which step values are harmful to the slice.
  static func write(
    _ gap: FindingsDocument.GapEvidence, features: [FindingsDocument.GapEvidence.Contribution],
    trailing: [FindingsDocument.GapEvidence.Contribution], title: String,
    harms: (Double) -> Bool, _ body: inout Markup
  ) {
    var steps = features.prefix(featureLimit).map {
      (label: $0.feature, value: $0.contribution, interval: $0.interval)
    }
    let rest = features.dropFirst(featureLimit)
    if !rest.isEmpty {
      steps.append(
        (
          label: "other \(rest.count) features",
          value: rest.reduce(0) { $0 + $1.contribution }, interval: nil
        ))
    }
    steps += trailing.map { (label: $0.feature, value: $0.contribution, interval: $0.interval) }
    guard !steps.isEmpty else { return }
    var running = 0.0
    var low = 0.0
    var high = 0.0
    var spans: [(start: Double, end: Double)] = []
    for step in steps {
      let start = running
      running += step.value
      spans.append((start, running))
      low = min(low, running)
      high = max(high, running)
    }
    low = min(low, gap.gap)
    high = max(high, gap.gap)
    let pad = max((high - low) * 0.05, 1e-9)
    let domain = (low - pad)...(high + pad)
    let labelWidth = 220.0
    let valueWidth = 70.0
    let width = 760.0
    let rowHeight = 22.0
    let top = 12.0
    let plotBottom = top + Double(steps.count + 1) * rowHeight
    let height = plotBottom + 28
    let range = labelWidth...(width - valueWidth)
    let x = { (value: Double) in SVGCanvas.scale(value, from: domain, to: range) }
    SVGCanvas.figure(
      caption: "\(title): \(gap.grouping) = \(gap.slice) vs \(gap.reference)"
        + " (mean \(gap.space) gap \(ReportNumber.value(gap.gap)))",
      label: "\(title) for \(gap.grouping) = \(gap.slice)", width: width,
      height: height, &body
    ) { svg in
      SVGCanvas.axis(
        ticks: ticks(domain), domain: domain, range: range, top: top, bottom: plotBottom,
        format: { ReportNumber.fixed($0, 2) }, &svg)
      SVGCanvas.verticalLine(x: x(0), top: top, bottom: plotBottom, className: "parity", &svg)
      for (index, step) in steps.enumerated() {
        let y = top + Double(index) * rowHeight
        let span = spans[index]
        SVGCanvas.text(
          SVGCanvas.shortened(step.label, 32), x: labelWidth - 8, y: y + rowHeight / 2,
          anchor: "end", &svg)
        svg.element("g", [("class", "step")]) { group in
          group.element(
            "title",
            text: "\(step.label): contribution \(step.value)"
              + (step.interval.map { "; interval [\($0.lower), \($0.upper)]" } ?? "")
              + "; running total \(span.end)")
          bar(
            from: x(span.start), to: x(span.end), y: y, height: rowHeight,
            className: harms(step.value) ? "bar up" : "bar down", &group)
        }
        SVGCanvas.text(
          ReportNumber.value(step.value), x: width - valueWidth + 8, y: y + rowHeight / 2,
          className: "value", &svg)
      }
      let y = top + Double(steps.count) * rowHeight
      SVGCanvas.text("total gap", x: labelWidth - 8, y: y + rowHeight / 2, anchor: "end", &svg)
      svg.element("g", [("class", "step")]) { group in
        group.element("title", text: "total \(gap.space) gap \(gap.gap)")
        bar(from: x(0), to: x(gap.gap), y: y, height: rowHeight, className: "bar total", &group)
      }
      SVGCanvas.text(
        ReportNumber.value(gap.gap), x: width - valueWidth + 8, y: y + rowHeight / 2,
        className: "value", &svg)
    }
  }

  private static func bar(
    from start: Double, to end: Double, y: Double, height: Double, className: String,
    _ body: inout Markup
  ) {
    body.empty(
      "rect",
      [
        ("x", SVGCanvas.number(min(start, end))), ("y", SVGCanvas.number(y + 4)),
        ("width", SVGCanvas.number(max(1, abs(end - start)))),
        ("height", SVGCanvas.number(height - 8)), ("class", className),
      ])
  }

  private static func ticks(_ domain: ClosedRange<Double>) -> [Double] {
    let step = SVGCanvas.tickStep(domain.upperBound - domain.lowerBound)
    let first = (domain.lowerBound / step).rounded(.up) * step
    var ticks: [Double] = []
    var tick = first
    while tick <= domain.upperBound && ticks.count < 20 {
      ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
      tick += step
    }
    return ticks
  }
}
