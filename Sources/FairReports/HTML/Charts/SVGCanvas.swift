/// Helpers shared by the SVG charts: coordinates in one fixed format, linear scales, label
/// shortening, and the `<svg>` frame.
enum SVGCanvas {
  /// A coordinate with one decimal, the same on every platform.
  static func number(_ value: Double) -> String { ReportNumber.fixed(value, 1) }

  /// Maps `value` from `domain` onto `range` linearly, clamping to the range.
  static func scale(
    _ value: Double, from domain: ClosedRange<Double>, to range: ClosedRange<Double>
  ) -> Double {
    guard value.isFinite else { return range.lowerBound }
    let span = domain.upperBound - domain.lowerBound
    let fraction = span > 0 ? (value - domain.lowerBound) / span : 0
    let clamped = min(1, max(0, fraction))
    return range.lowerBound + clamped * (range.upperBound - range.lowerBound)
  }

  /// `text` cut to `limit` characters with `…`; the full text goes in the mark's tooltip.
  static func shortened(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// The smallest multiple of `step` at or above `value`.
  static func roundedUp(_ value: Double, step: Double) -> Double {
    (value / step).rounded(.up) * step
  }

  /// Writes `<figure>` with a caption and an `<svg>` of the given size; `label` is the
  /// chart's accessible name.
  static func figure(
    caption: String, label: String, width: Double, height: Double, _ body: inout Markup,
    _ content: (inout Markup) -> Void
  ) {
    body.element("figure") { figure in
      figure.element("figcaption", text: caption)
      figure.element(
        "svg",
        [
          ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"),
          ("viewBox", "0 0 \(number(width)) \(number(height))"),
          ("width", number(width)), ("height", number(height)),
          ("role", "img"), ("aria-label", label),
        ]
      ) { svg in
        svg.element("title", text: label)
        content(&svg)
      }
    }
    body.newline()
  }

  /// Writes a vertical line from `top` to `bottom` at `x`.
  static func verticalLine(
    x: Double, top: Double, bottom: Double, className: String, _ body: inout Markup
  ) {
    body.empty(
      "line",
      [
        ("x1", number(x)), ("y1", number(top)), ("x2", number(x)), ("y2", number(bottom)),
        ("class", className),
      ])
  }

  /// Writes a text label.
  static func text(
    _ value: String, x: Double, y: Double, anchor: String = "start", className: String = "label",
    _ body: inout Markup
  ) {
    body.element(
      "text",
      [
        ("x", number(x)), ("y", number(y)), ("text-anchor", anchor), ("class", className),
        ("dominant-baseline", "middle"),
      ], text: value)
  }

  /// Writes tick marks and labels along the bottom axis of a horizontal scale.
  static func axis(
    ticks: [Double], domain: ClosedRange<Double>, range: ClosedRange<Double>, top: Double,
    bottom: Double, format: (Double) -> String, _ body: inout Markup
  ) {
    for tick in ticks {
      let x = scale(tick, from: domain, to: range)
      verticalLine(x: x, top: top, bottom: bottom, className: "grid", &body)
      text(format(tick), x: x, y: bottom + 10, anchor: "middle", className: "tick", &body)
    }
    body.empty(
      "line",
      [
        ("x1", number(range.lowerBound)), ("y1", number(bottom)),
        ("x2", number(range.upperBound)), ("y2", number(bottom)), ("class", "axis"),
      ])
  }

  /// Evenly spaced ticks from the domain's lower bound to its upper bound.
  static func ticks(_ domain: ClosedRange<Double>, step: Double) -> [Double] {
    guard step > 0, domain.upperBound > domain.lowerBound else { return [domain.lowerBound] }
    let count = Int(((domain.upperBound - domain.lowerBound) / step).rounded()) + 1
    return (0..<min(count, 41)).map { domain.lowerBound + Double($0) * step }
  }

  /// A tick step that gives about five to ten ticks over `span`.
  static func tickStep(_ span: Double) -> Double {
    guard span > 0, span.isFinite else { return 1 }
    let raw = span / 6
    let magnitude = pow10(Int((log10(raw)).rounded(.down)))
    for multiple in [1.0, 2.0, 2.5, 5.0, 10.0] where raw <= multiple * magnitude {
      return multiple * magnitude
    }
    return 10 * magnitude
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
      for _ in 0..<exponent { result *= 10 }
    } else {
      for _ in 0..<(-exponent) { result /= 10 }
    }
    return result
  }

  private static func log10(_ value: Double) -> Double {
    // Enough for choosing a tick magnitude; avoids importing Foundation's math here.
    var exponent = 0.0
    var scaled = value
    while scaled >= 10 {
      scaled /= 10
      exponent += 1
    }
    while scaled < 1 && scaled > 0 {
      scaled *= 10
      exponent -= 1
    }
    return exponent + (scaled - 1) / 9
  }
}
