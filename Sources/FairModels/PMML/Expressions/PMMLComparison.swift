/// A comparison operator of `SimplePredicate`.
enum PMMLComparison: String, Sendable, CaseIterable {
  case equal, notEqual, lessThan, lessOrEqual, greaterThan, greaterOrEqual

  /// Compares two present values.
  func holds(_ x: Double, _ y: Double) -> Bool {
    switch self {
    case .equal: x == y
    case .notEqual: x != y
    case .lessThan: x < y
    case .lessOrEqual: x <= y
    case .greaterThan: x > y
    case .greaterOrEqual: x >= y
    }
  }

  /// Whether the operator orders values (and so needs numbers, not categories).
  var isOrdering: Bool { self != .equal && self != .notEqual }
}
