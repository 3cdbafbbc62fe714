/// The values a metric can take, used to reject thresholds of the wrong kind.
public enum ValueDomain: String, Hashable, Sendable, Codable, CaseIterable {
  /// A rate, share or ratio bounded by 0 and 1.
  case unitInterval
  /// Zero or more, unbounded above (ratios to a reference, losses).
  case nonNegative
  /// Any real number (signed differences, contributions).
  case real
  /// A whole number of people, slices or positions, zero or more.
  case count
  /// A probability from a significance test, in [0, 1].
  case pValue
  /// Yes (1) or no (0).
  case boolean

  /// Whether `value` can be a bound of a requirement on such a metric.
  public func admits(_ value: Double) -> Bool {
    switch self {
    case .unitInterval, .pValue: return value >= 0 && value <= 1
    case .nonNegative, .count: return value >= 0
    case .real: return true
    case .boolean: return value == 0 || value == 1
    }
  }

  /// A phrase for messages: "a rate in [0, 1]".
  var phrase: String {
    switch self {
    case .unitInterval: return "a rate in [0, 1]"
    case .nonNegative: return "never negative"
    case .real: return "a real number"
    case .count: return "a count, never negative"
    case .pValue: return "a p-value in [0, 1]"
    case .boolean: return "a yes/no value (1 or 0)"
    }
  }
}
