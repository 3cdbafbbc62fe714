public import FairTabular

extension DatasetProfile {
  /// Renders the profile as an aligned plain-text table.
  ///
  /// One line per column, with the top values of categorical columns indented beneath
  /// them. Lines end in `\n`.
  public func renderText() -> String {
    let nameWidth = max(4, columns.map { $0.name.count }.max() ?? 0)
    var lines = [
      "\(file): \(rows) row\(rows == 1 ? "" : "s"), \(columns.count) column\(columns.count == 1 ? "" : "s")",
      "",
      pad("#", 4, right: true) + "  " + pad("name", nameWidth) + "  " + pad("type", 11)
        + "  " + pad("missing", 8, right: true) + "  " + pad("distinct", 8, right: true)
        + "  summary",
    ]
    for column in columns {
      var summary = ""
      if let minimum = column.minimum, let maximum = column.maximum, let mean = column.mean {
        summary =
          "min \(formatNumber(minimum))  max \(formatNumber(maximum))  mean \(formatNumber(mean))"
      }
      lines.append(
        pad(String(column.index), 4, right: true) + "  " + pad(column.name, nameWidth) + "  "
          + pad(column.type.rawValue, 11) + "  " + pad(String(column.missing), 8, right: true)
          + "  " + pad(String(column.distinct), 8, right: true)
          + (summary.isEmpty ? "" : "  " + summary))
      for level in column.top ?? [] {
        lines.append(
          String(repeating: " ", count: 6) + pad(String(level.count), 8, right: true) + "  '"
            + level.value + "'")
      }
    }
    return lines.map { $0.trailingSpacesRemoved() }.joined(separator: "\n") + "\n"
  }

  private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
  }
}

/// Formats a number for people: integers without a fraction, others with up to six
/// significant digits.
func formatNumber(_ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
  var digits = 6 - Int((abs(value)).log10Floor) - 1
  digits = min(max(digits, 0), 12)
  var scaled = (value * power10(digits)).rounded() / power10(digits)
  if scaled == 0 { scaled = 0 }
  var text = String(scaled)
  if text.contains("e") { return text }
  while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
  return text
}

private func power10(_ exponent: Int) -> Double {
  var result = 1.0
  for _ in 0..<exponent { result *= 10 }
  return result
}

extension Double {
  fileprivate var log10Floor: Double {
    guard self > 0 else { return 0 }
    var exponent = 0.0
    var value = self
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1 {
      value *= 10
      exponent -= 1
    }
    return exponent
  }
}

extension String {
  fileprivate func trailingSpacesRemoved() -> String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
