extension PMMLRowContext {
  /// Evaluates `expression` for the current row; NaN means missing.
  mutating func evaluate(_ expression: PMMLExpression) -> Double {
    switch expression {
    case .constant(let value):
      return value
    case .slot(let slot):
      return value(ofSlot: slot)
    case .cast(let inner, let cast):
      return convert(evaluate(inner), cast)
    case .lookup(let inner, let table, let unknown, let message):
      let value = evaluate(inner)
      if value.isNaN { return .nan }
      if let mapped = table[value] { return mapped }
      if unknown.isNaN { fail(.undefinedResult, field: nil, message) }
      return unknown
    case .apply(let apply):
      return evaluate(apply)
    case .normContinuous(let inner, let norm):
      return normalize(evaluate(inner), norm)
    case .normDiscrete(let inner, let target, let mapMissingTo):
      let value = evaluate(inner)
      if value.isNaN { return mapMissingTo ?? .nan }
      return value == target ? 1 : 0
    case .discretize(let inner, let discretize):
      let value = evaluate(inner)
      if value.isNaN { return discretize.mapMissingTo ?? .nan }
      for bin in discretize.bins where bin.interval.contains(value) { return bin.value }
      return discretize.defaultValue ?? .nan
    case .mapValues(let map):
      return evaluate(map)
    case .treatment(let inner, let treatment):
      return treat(evaluate(inner), treatment)
    }
  }

  private mutating func convert(_ value: Double, _ cast: PMMLCast) -> Double {
    if value.isNaN { return value }
    switch cast {
    case .float:
      return Double(Float(value))
    case .integer:
      if value != value.rounded() {
        fail(.undefinedResult, field: nil, "value \(value) is not an integer")
        return .nan
      }
      return value
    case .symbolToNumber:
      let number = program.symbols.number(of: value)
      if number.isNaN {
        fail(
          .undefinedResult, field: nil,
          "a category the model does not list is used where a number is needed")
      }
      return number
    case .numberToSymbol:
      return program.symbols.id(ofNumber: value) ?? PMMLSymbolTable.otherSymbol
    case .boolean:
      return value != 0 ? 1 : 0
    }
  }

  /// Evaluates an `Apply`: `mapMissingTo` when an argument is missing, then the function,
  /// then the treatment of an undefined result, then `defaultValue` for a missing result
  /// (jpmml-evaluator's order).
  private mutating func evaluate(_ apply: PMMLApply) -> Double {
    let function = apply.function
    if function == .if {
      let condition = evaluate(apply.arguments[0])
      if condition.isNaN { return apply.mapMissingTo ?? apply.defaultValue ?? .nan }
      if condition != 0 { return finish(evaluate(apply.arguments[1]), apply) }
      if apply.arguments.count > 2 { return finish(evaluate(apply.arguments[2]), apply) }
      return finish(.nan, apply)
    }
    if !function.isVariadic && !function.acceptsMissing && !apply.comparesSymbols {
      // Both arguments are evaluated even when the first is missing, as jpmml-evaluator
      // does, so that an undefined second argument still fails the row.
      let x = evaluate(apply.arguments[0])
      let y = apply.arguments.count > 1 ? evaluate(apply.arguments[1]) : 0
      if x.isNaN || y.isNaN { return apply.mapMissingTo ?? finish(.nan, apply) }
      return finish(checked(function.evaluate(x, y), apply), apply)
    }
    var arguments: [Double] = []
    arguments.reserveCapacity(apply.arguments.count)
    var anyMissing = false
    for argument in apply.arguments {
      let value = evaluate(argument)
      if value.isNaN { anyMissing = true }
      arguments.append(value)
    }
    if anyMissing, let mapMissingTo = apply.mapMissingTo { return mapMissingTo }
    switch function {
    case .isMissing:
      return arguments[0].isNaN ? 1 : 0
    case .isNotMissing:
      return arguments[0].isNaN ? 0 : 1
    case .min, .max, .sum, .avg, .median, .product:
      let present = arguments.filter { !$0.isNaN }
      if present.isEmpty { return finish(.nan, apply) }
      return finish(checked(function.evaluate(present), apply), apply)
    default:
      if anyMissing { return finish(.nan, apply) }
      if apply.comparesSymbols && function.isEquality {
        let unknown = PMMLSymbolTable.otherSymbol
        if arguments[0] == unknown && arguments.dropFirst().contains(unknown) {
          fail(.undefinedResult, field: nil, "two categories the model does not list are compared")
          return .nan
        }
      }
      return finish(checked(function.evaluate(arguments), apply), apply)
    }
  }

  /// Applies the `Apply` element's treatment of an undefined (NaN or infinite) result.
  private mutating func checked(_ result: Double, _ apply: PMMLApply) -> Double {
    guard result.isNaN || result.isInfinite else { return result }
    switch apply.invalidTreatment {
    case .returnInvalid:
      fail(
        .undefinedResult, field: nil,
        "function '\(apply.function.rawValue)' has no defined result for this row")
      return .nan
    case .asIs:
      return result
    case .asMissing, .asValue:
      return .nan
    }
  }

  private func finish(_ result: Double, _ apply: PMMLApply) -> Double {
    if result.isNaN, let defaultValue = apply.defaultValue { return defaultValue }
    return result
  }

  private func normalize(_ value: Double, _ norm: PMMLNormContinuous) -> Double {
    if value.isNaN { return norm.mapMissingTo ?? .nan }
    let points = norm.points
    guard let first = points.first, let last = points.last, points.count >= 2 else {
      return .nan
    }
    if value < first.orig || value > last.orig {
      switch norm.outliers {
      case .asMissingValues: return .nan
      case .asExtremeValues: return value < first.orig ? first.norm : last.norm
      case .asIs: break
      }
    }
    var segment = points.count - 2
    for index in 0..<(points.count - 1) where value <= points[index + 1].orig {
      segment = index
      break
    }
    let (left, right) = (points[segment], points[segment + 1])
    return left.norm + (value - left.orig) * (right.norm - left.norm) / (right.orig - left.orig)
  }

  private mutating func evaluate(_ map: PMMLMapValues) -> Double {
    var inputs: [Double] = []
    inputs.reserveCapacity(map.inputs.count)
    for input in map.inputs {
      let value = evaluate(input)
      if value.isNaN { return map.mapMissingTo ?? .nan }
      inputs.append(value)
    }
    for (row, cells) in map.rows.enumerated() where cells == inputs {
      return map.outputs[row]
    }
    return map.defaultValue ?? .nan
  }

  private mutating func treat(_ value: Double, _ treatment: PMMLValueTreatment) -> Double {
    if value.isNaN {
      if let replacement = treatment.missingReplacement { return replacement }
      if treatment.missingFails {
        fail(
          .missingValue, field: treatment.field,
          "value is missing and missingValueTreatment is returnInvalid")
      }
      return .nan
    }
    switch treatment.outliers {
    case .asIs: return value
    case .asMissingValues: return value < treatment.low || value > treatment.high ? .nan : value
    case .asExtremeValues: return Swift.min(Swift.max(value, treatment.low), treatment.high)
    }
  }
}
