/// Rounded text for a number shown beside the bounds it is judged against.
///
/// A rounded figure must not contradict its verdict: an impact ratio of 0.79996 that fails
/// `>= 0.8` must not print as `0.8`, nor a p-value of 0.04996 as `0.05` beside an alpha of
/// 0.05. Printing starts at the usual precision and adds digits until the text, read back,
/// lies on the same side of every bound as the value itself (and equals a bound only when
/// the value does). At most 17 significant digits are ever needed: that text reads back as
/// the value itself.
package enum SideKeepingRounding {
  /// The text of `value` at the first precision from `precisions` whose reading keeps the
  /// value's side of each bound, or Swift's shortest round-trip text if none does.
  ///
  /// - Parameters:
  ///   - value: A finite value.
  ///   - bounds: The values it is compared with; NaN bounds are ignored.
  ///   - precisions: The precisions to try, in order, such as `4...17`.
  ///   - format: The text of `value` at a precision, in the POSIX locale.
  /// - Returns: The text.
  package static func text(
    _ value: Double, beside bounds: [Double], precisions: ClosedRange<Int>,
    format: (Int) -> String
  ) -> String {
    let bounds = bounds.filter { !$0.isNaN }
    guard value.isFinite, !bounds.isEmpty else { return format(precisions.lowerBound) }
    let sides = bounds.map { side(of: value, $0) }
    for precision in precisions {
      let text = format(precision)
      guard let reading = Double(text) else { continue }
      if zip(bounds, sides).allSatisfy({ side(of: reading, $0) == $1 }) { return text }
    }
    return "\(value)"
  }

  /// −1, 0 or 1 as `value` is below, at or above `bound`.
  private static func side(of value: Double, _ bound: Double) -> Int {
    value < bound ? -1 : (value > bound ? 1 : 0)
  }
}
