/// A PMML `Interval`: a range of numbers whose ends may be open, closed or infinite.
struct PMMLInterval: Sendable, Hashable {
  /// The left margin; `-infinity` when absent.
  var left: Double
  /// The right margin; `+infinity` when absent.
  var right: Double
  /// Whether `left` itself is inside.
  var isLeftClosed: Bool
  /// Whether `right` itself is inside.
  var isRightClosed: Bool

  /// Whether `value` lies in the interval (never for NaN).
  func contains(_ value: Double) -> Bool {
    let aboveLeft = isLeftClosed ? value >= left : value > left
    let belowRight = isRightClosed ? value <= right : value < right
    return aboveLeft && belowRight
  }
}
