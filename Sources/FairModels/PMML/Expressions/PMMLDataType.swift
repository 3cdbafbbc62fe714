/// The data type of a PMML field, as `DataField@dataType` declares it.
///
/// Dates, times and the other temporal types are not evaluated; a model that reads one is
/// refused when it loads.
public enum PMMLDataType: String, Sendable, Hashable, Codable, CaseIterable {
  /// Text, compared exactly.
  case string
  /// A whole number; a value with a fraction is invalid.
  case integer
  /// A 32-bit floating-point number: values are rounded to `Float` precision.
  case float
  /// A 64-bit floating-point number.
  case double
  /// `true` or `false` (also written `1` and `0`).
  case boolean

  /// Whether values of this type are numbers.
  public var isNumeric: Bool { self == .integer || self == .float || self == .double }

  /// Parses `text` as a value of this type, for numeric and boolean types.
  ///
  /// - Returns: The number (`1`/`0` for booleans; rounded to `Float` for `float`), or `nil`
  ///   when `text` is not a value of the type. Strings return `nil`.
  public func parseNumber(_ text: String) -> Double? {
    let trimmed = text.trimmingWhitespace()
    switch self {
    case .string:
      return nil
    case .boolean:
      switch trimmed.lowercased() {
      case "true", "1": return 1
      case "false", "0": return 0
      default: return nil
      }
    case .integer:
      guard let value = PMMLDataType.parseDouble(trimmed), value == value.rounded() else {
        return nil
      }
      return value
    case .float:
      return PMMLDataType.parseDouble(trimmed).map { Double(Float($0)) }
    case .double:
      return PMMLDataType.parseDouble(trimmed)
    }
  }

  /// Parses a decimal number the way PMML writes it: `1`, `-2.5`, `1E-3`, `NaN`, `INF`.
  static func parseDouble(_ text: String) -> Double? {
    switch text {
    case "NaN": return .nan
    case "INF", "Infinity", "+INF": return .infinity
    case "-INF", "-Infinity": return -.infinity
    default: break
    }
    guard let first = text.utf8.first, first != UInt8(ascii: " ") else { return nil }
    if text.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") }) {
      return nil
    }
    return Double(text)
  }
}
