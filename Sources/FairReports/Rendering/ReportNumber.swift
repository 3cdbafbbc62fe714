import Foundation
import _FairSupport

/// The one number format of the human-readable reports (text, Markdown, JUnit, HTML).
///
/// Formatting goes through the C library's `%f`/`%e` in the POSIX locale, whose rounding is
/// exact, so every platform prints the same digits. JSON keeps full precision instead.
enum ReportNumber {
  /// A metric value in the reports' precision.
  ///
  /// Four decimals (`0.8432`), five below 0.01 (`0.00451`), scientific notation below 0.0001
  /// (`3.2e-05`), one decimal from 1000 up (`1520.5`); `nan`, `inf` and `-inf` for the values
  /// that have no digits. A value shown beside the bounds it is judged against takes
  /// ``value(_:beside:)``.
  static func value(_ value: Double) -> String {
    self.value(value, extraDigits: 0)
  }

  /// A metric value beside the bounds of its requirement: ``value(_:)``, with as many more
  /// digits as keep it on its side of each bound (0.79996 against `>= 0.8` reads `0.79996`,
  /// never `0.8000`).
  static func value(_ value: Double, beside bounds: [Double]) -> String {
    if let special = special(value) { return special }
    return SideKeepingRounding.text(value, beside: bounds, precisions: 0...17) {
      self.value(value, extraDigits: $0)
    }
  }

  private static func value(_ value: Double, extraDigits: Int) -> String {
    if let special = special(value) { return special }
    let magnitude = abs(value)
    if magnitude >= 1000 { return fixed(value, 1 + extraDigits) }
    if magnitude >= 0.01 || magnitude == 0 { return fixed(value, 4 + extraDigits) }
    if magnitude >= 0.0001 { return fixed(value, 5 + extraDigits) }
    return String(format: "%.\(1 + extraDigits)e", locale: nil, value)
  }

  /// A p-value: four decimals (`0.0087`), `< 0.0001` below that.
  static func pValue(_ value: Double) -> String {
    if let special = special(value) { return special }
    return value < 0.0001 ? "< 0.0001" : fixed(value, 4)
  }

  /// A p-value beside the significance level it was compared with: ``pValue(_:)``, with as
  /// many more decimals as keep it on its side of `alpha` (0.04996 beside 0.05 reads
  /// `0.04996`, never `0.0500`).
  static func pValue(_ value: Double, beside alpha: Double?) -> String {
    pValue(value, besideAll: alpha.map { [$0] } ?? [])
  }

  /// A p-value beside every significance level it may be compared with, as
  /// ``pValue(_:beside:)`` keeps it on its side of one.
  static func pValue(_ value: Double, besideAll alphas: [Double]) -> String {
    let alphas = alphas.filter { !$0.isNaN }
    guard !alphas.isEmpty, special(value) == nil else { return pValue(value) }
    guard value >= 0.0001 else {
      if alphas.allSatisfy({ $0 >= 0.0001 }) { return "< 0.0001" }
      // An alpha this small needs the digits: scientific notation, widened as needed.
      return SideKeepingRounding.text(value, beside: alphas, precisions: 1...17) {
        String(format: "%.\($0)e", locale: nil, value)
      }
    }
    return SideKeepingRounding.text(value, beside: alphas, precisions: 4...21) {
      fixed(value, $0)
    }
  }

  /// A share as a percentage with one decimal: `54.3%`.
  static func percent(_ value: Double) -> String {
    if let special = special(value) { return special }
    return fixed(value * 100, 1) + "%"
  }

  /// A count with thousands separators: `12,000`.
  static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
      grouped.append(character)
    }
    return (value < 0 ? "-" : "") + grouped
  }

  /// A weighted count: a whole number like ``count(_:)``, otherwise one decimal.
  static func weight(_ value: Double) -> String {
    if let special = special(value) { return special }
    if value == value.rounded(), abs(value) < 1e15 { return count(Int(value)) }
    return fixed(value, 1)
  }

  /// A number as the policy or manifest wrote it: the shortest text that reads back as the
  /// same `Double` (`0.5`, `0.8`).
  static func plain(_ value: Double) -> String {
    if let special = special(value) { return special }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// A confidence level as a percentage without needless decimals: `95%`, `99.9%`.
  static func level(_ value: Double) -> String {
    let percent = value * 100
    if percent == percent.rounded() { return String(Int64(percent)) + "%" }
    return plain(percent) + "%"
  }

  /// An interval: `[0.620, 0.800]` with the values' format.
  static func interval(_ interval: FindingsDocument.Interval) -> String {
    "[\(value(interval.lower)), \(value(interval.upper))]"
  }

  /// An interval with its level: `95% CI [0.620, 0.800]`.
  static func intervalWithLevel(_ interval: FindingsDocument.Interval) -> String {
    "\(level(interval.level)) CI \(self.interval(interval))"
  }

  /// An interval with its level, each end printed on its side of `value` (an end never
  /// reads as the value it is compared with).
  static func intervalWithLevel(_ interval: FindingsDocument.Interval, beside value: Double)
    -> String
  {
    "\(level(interval.level)) CI [\(self.value(interval.lower, beside: [value])), "
      + "\(self.value(interval.upper, beside: [value]))]"
  }

  /// A value with fixed decimals in the POSIX locale.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    if let special = special(value) { return special }
    let text = String(format: "%.\(decimals)f", locale: nil, value)
    // "-0.000" reads as a negative number that is not there.
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
      return String(text.dropFirst())
    }
    return text
  }

  /// A value with at least `decimals` decimals, and as many more as keep it on its side of
  /// each of `bounds` (0.79996 with three decimals beside 0.8 reads `0.79996`, not `0.800`).
  static func fixed(_ value: Double, _ decimals: Int, beside bounds: [Double]) -> String {
    if let special = special(value) { return special }
    return SideKeepingRounding.text(value, beside: bounds, precisions: decimals...(decimals + 17)) {
      fixed(value, $0)
    }
  }

  private static func special(_ value: Double) -> String? {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return nil
  }
}
