public import Testing

/// Whether `actual` is within tolerance of `expected`.
///
/// Follows swift-numerics' `isApproximatelyEqual`: the values match when
/// `|actual - expected| <= max(absolute, relative · max(|actual|, |expected|))`. NaN matches
/// only NaN, and infinities match only the same infinity.
public func isClose(
  _ actual: Double, _ expected: Double, absolute: Double = 0, relative: Double = 0
) -> Bool {
  if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
  if expected.isInfinite || actual.isInfinite { return expected == actual }
  let scale = max(abs(actual), abs(expected))
  return abs(actual - expected) <= max(absolute, relative * scale)
}

/// Records an issue unless `actual` is within tolerance of `expected` (see ``isClose``).
///
/// Every call site states where its tolerance comes from.
public func expectClose(
  _ actual: Double, _ expected: Double, absolute: Double = 0, relative: Double = 0,
  _ comment: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard !isClose(actual, expected, absolute: absolute, relative: relative) else { return }
  let note = comment()
  let text =
    "\(actual) is not within (absolute \(absolute), relative \(relative)) of \(expected)"
    + "; difference \(abs(actual - expected))" + (note.isEmpty ? "" : " — \(note)")
  Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
}

/// Records one issue describing the worst cells unless every pair is within tolerance.
///
/// - Returns: The largest absolute difference found.
@discardableResult
public func expectAllClose(
  _ actual: [Double], _ expected: [Double], absolute: Double = 0, relative: Double = 0,
  _ comment: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
  guard actual.count == expected.count else {
    Issue.record(
      "count \(actual.count) differs from expected \(expected.count) — \(comment())",
      sourceLocation: sourceLocation)
    return .infinity
  }
  var worst = 0.0
  var failures: [String] = []
  for index in actual.indices {
    let difference = abs(actual[index] - expected[index])
    if !difference.isNaN { worst = max(worst, difference) }
    if !isClose(actual[index], expected[index], absolute: absolute, relative: relative) {
      if failures.count < 5 {
        failures.append("[\(index)] \(actual[index]) vs \(expected[index])")
      }
    }
  }
  if !failures.isEmpty {
    let text =
      "values differ (absolute \(absolute), relative \(relative)): "
      + failures.joined(separator: "; ") + " — \(comment())"
    Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
  }
  return worst
}
