/// The comparison a measured value must satisfy, such as `>= 0.8` or `between 0.67 and 1.5`.
public struct Requirement: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The comparison operator.
  public enum Comparison: String, Hashable, Sendable, Codable, CaseIterable {
    /// `>= bound`
    case atLeast = ">="
    /// `> bound`
    case greaterThan = ">"
    /// `<= bound`
    case atMost = "<="
    /// `< bound`
    case lessThan = "<"
    /// `== bound`
    case equal = "=="
    /// `!= bound`
    case notEqual = "!="
    /// `between lower and upper`, both ends included.
    case between
    /// `outside lower and upper`: below `lower` or above `upper`, ends excluded.
    case outside
  }

  /// The comparison.
  public var comparison: Comparison
  /// The bound, or the lower bound of a range.
  public var bound: Double
  /// The upper bound of `between` and `outside`; `nil` for the other comparisons.
  public var upperBound: Double?

  /// Creates a one-bound requirement such as `>= 0.8`.
  ///
  /// - Precondition: `comparison` is neither `between` nor `outside`.
  public init(_ comparison: Comparison, _ bound: Double) {
    precondition(
      comparison != .between && comparison != .outside,
      "'comparison' \(comparison) needs two bounds; use init(_:_:_:)")
    self.comparison = comparison
    self.bound = bound
    self.upperBound = nil
  }

  /// Creates a range requirement: `between lower and upper` or `outside lower and upper`.
  ///
  /// - Precondition: `comparison` is `between` or `outside`.
  public init(_ comparison: Comparison, _ lower: Double, _ upper: Double) {
    precondition(
      comparison == .between || comparison == .outside,
      "'comparison' \(comparison) takes one bound; use init(_:_:)")
    self.comparison = comparison
    self.bound = lower
    self.upperBound = upper
  }

  /// Whether `value` meets the requirement; NaN never does.
  public func isSatisfied(by value: Double) -> Bool {
    guard !value.isNaN else { return false }
    switch comparison {
    case .atLeast: return value >= bound
    case .greaterThan: return value > bound
    case .atMost: return value <= bound
    case .lessThan: return value < bound
    case .equal: return value == bound
    case .notEqual: return value != bound
    case .between: return value >= bound && value <= (upperBound ?? bound)
    case .outside: return value < bound || value > (upperBound ?? bound)
    }
  }

  /// The bounds: one, or the lower and upper bound of a range.
  public var bounds: [Double] {
    upperBound.map { [bound, $0] } ?? [bound]
  }

  /// The requirement in the policy grammar, with numbers in their shortest form: `>= 0.8`.
  public var description: String {
    switch comparison {
    case .between, .outside:
      return "\(comparison.rawValue) \(Requirement.format(bound)) and "
        + Requirement.format(upperBound ?? bound)
    default:
      return "\(comparison.rawValue) \(Requirement.format(bound))"
    }
  }

  /// A number without a trailing `.0`.
  static func format(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
