extension PMMLRowContext {
  /// Evaluates `predicate` for the current row in three-valued logic.
  ///
  /// Compound predicates stop at the first child that decides them (`and` at `false`, `or`
  /// at `true`, `surrogate` at the first known value).
  mutating func truth(of predicate: PMMLPredicate) -> PMMLTruth {
    switch predicate {
    case .constant(let value):
      return value ? .true : .false
    case .compare(let expression, let comparison, let constant):
      let value = evaluate(expression)
      if value.isNaN { return .unknown }
      return comparison.holds(value, constant) ? .true : .false
    case .missing(let expression, let isMissing):
      return evaluate(expression).isNaN == isMissing ? .true : .false
    case .member(let expression, let values, let isIn):
      let value = evaluate(expression)
      if value.isNaN { return .unknown }
      return PMMLRowContext.sortedContains(values, value) == isIn ? .true : .false
    case .compound(let op, let children):
      return truth(of: children, op)
    }
  }

  /// Whether `predicate` is true; unknown counts as not true.
  mutating func holds(_ predicate: PMMLPredicate) -> Bool {
    truth(of: predicate) == .true
  }

  private mutating func truth(of children: [PMMLPredicate], _ op: PMMLBooleanOperator)
    -> PMMLTruth
  {
    switch op {
    case .and:
      var sawUnknown = false
      for child in children {
        switch truth(of: child) {
        case .false: return .false
        case .unknown: sawUnknown = true
        case .true: break
        }
      }
      return sawUnknown ? .unknown : .true
    case .or:
      var sawUnknown = false
      for child in children {
        switch truth(of: child) {
        case .true: return .true
        case .unknown: sawUnknown = true
        case .false: break
        }
      }
      return sawUnknown ? .unknown : .false
    case .xor:
      var parity = false
      for child in children {
        switch truth(of: child) {
        case .unknown: return .unknown
        case .true: parity.toggle()
        case .false: break
        }
      }
      return parity ? .true : .false
    case .surrogate:
      for child in children {
        let value = truth(of: child)
        if value != .unknown { return value }
      }
      return .unknown
    }
  }

  private static func sortedContains(_ values: [Double], _ value: Double) -> Bool {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < values.count && values[low] == value
  }
}
