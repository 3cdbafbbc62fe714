import RealModule

extension PMMLRowContext {
  /// The gradient of `expression` with respect to the raw numeric features in the current
  /// row (forward-mode differentiation); `featureCount` entries.
  ///
  /// Steps that are piecewise constant (comparisons, `Discretize`, `MapValues`,
  /// `NormDiscrete`, rounding) and replaced or clamped values have derivative 0. At a kink
  /// (`abs`, `min`, `max`, a `NormContinuous` knot) the derivative is the one of the branch
  /// the value takes: for a knot, the segment on its left.
  mutating func tangent(of expression: PMMLExpression, featureCount: Int) -> [Double] {
    let zero = [Double](repeating: 0, count: featureCount)
    switch expression {
    case .constant, .lookup, .normDiscrete, .discretize, .mapValues:
      return zero
    case .slot(let slot):
      return tangent(ofSlot: slot, featureCount: featureCount)
    case .cast(let inner, let cast):
      return cast == .float || cast == .integer
        ? tangent(of: inner, featureCount: featureCount) : zero
    case .treatment(let inner, let treatment):
      let value = evaluate(inner)
      if value.isNaN { return zero }
      if treatment.outliers != .asIs && (value < treatment.low || value > treatment.high) {
        return zero
      }
      return tangent(of: inner, featureCount: featureCount)
    case .normContinuous(let inner, let norm):
      let value = evaluate(inner)
      guard !value.isNaN, let first = norm.points.first, let last = norm.points.last else {
        return zero
      }
      if norm.outliers != .asIs && (value < first.orig || value > last.orig) { return zero }
      var segment = norm.points.count - 2
      for index in 0..<(norm.points.count - 1) where value <= norm.points[index + 1].orig {
        segment = index
        break
      }
      let (left, right) = (norm.points[segment], norm.points[segment + 1])
      let slope = (right.norm - left.norm) / (right.orig - left.orig)
      return scaled(tangent(of: inner, featureCount: featureCount), by: slope)
    case .apply(let apply):
      return tangent(of: apply, featureCount: featureCount)
    }
  }

  /// The gradient of slot `slot`'s value.
  mutating func tangent(ofSlot slot: Int, featureCount: Int) -> [Double] {
    switch program.slots[slot] {
    case .input(let feature, let rule):
      var unit = [Double](repeating: 0, count: featureCount)
      unit[feature] = program.inputRules[rule].slope(rawValue(feature: feature))
      return unit
    case .derived(let index):
      return tangent(of: program.expressions[index], featureCount: featureCount)
    case .assigned:
      return [Double](repeating: 0, count: featureCount)
    }
  }

  private mutating func tangent(of apply: PMMLApply, featureCount: Int) -> [Double] {
    let zero = [Double](repeating: 0, count: featureCount)
    let values = apply.arguments.map { evaluate($0) }
    if apply.function == .if {
      guard let condition = values.first, !condition.isNaN else { return zero }
      let branch = condition != 0 ? 1 : 2
      guard branch < apply.arguments.count, !values[branch].isNaN else { return zero }
      return tangent(of: apply.arguments[branch], featureCount: featureCount)
    }
    if apply.function.isBoolean { return zero }
    let present = values.indices.filter { !values[$0].isNaN }
    if present.count < values.count && !apply.function.acceptsMissing { return zero }
    if present.isEmpty { return zero }
    func t(_ index: Int) -> [Double] {
      tangent(of: apply.arguments[index], featureCount: featureCount)
    }
    let x = values[0]
    let y = values.count > 1 ? values[1] : .nan
    switch apply.function {
    case .add: return sum(t(0), t(1))
    case .subtract: return sum(t(0), scaled(t(1), by: -1))
    case .multiply: return sum(scaled(t(0), by: y), scaled(t(1), by: x))
    case .divide:
      guard y != 0 else { return zero }
      return sum(scaled(t(0), by: 1 / y), scaled(t(1), by: -x / (y * y)))
    case .min, .max:
      let pick = present.max {
        apply.function == .min ? values[$0] > values[$1] : values[$0] < values[$1]
      }
      return pick.map { t($0) } ?? zero
    case .sum, .avg:
      var total = zero
      for index in present { total = sum(total, t(index)) }
      return apply.function == .avg ? scaled(total, by: 1 / Double(present.count)) : total
    case .product:
      var total = zero
      for index in present {
        var others = 1.0
        for other in present where other != index { others *= values[other] }
        total = sum(total, scaled(t(index), by: others))
      }
      return total
    case .exp: return scaled(t(0), by: Double.exp(x))
    case .expm1: return scaled(t(0), by: Double.exp(x))
    case .ln: return scaled(t(0), by: 1 / x)
    case .ln1p: return scaled(t(0), by: 1 / (1 + x))
    case .log10: return scaled(t(0), by: 1 / (x * Double.log(10)))
    case .sqrt: return x > 0 ? scaled(t(0), by: 0.5 / x.squareRoot()) : zero
    case .abs: return scaled(t(0), by: x < 0 ? -1 : 1)
    case .pow:
      var result = scaled(t(0), by: y * pmmlPower(x, y - 1))
      if x > 0 { result = sum(result, scaled(t(1), by: pmmlPower(x, y) * Double.log(x))) }
      return result
    case .sin: return scaled(t(0), by: Double.cos(x))
    case .cos: return scaled(t(0), by: -Double.sin(x))
    case .tan: return scaled(t(0), by: 1 / (Double.cos(x) * Double.cos(x)))
    case .asin: return scaled(t(0), by: 1 / (1 - x * x).squareRoot())
    case .acos: return scaled(t(0), by: -1 / (1 - x * x).squareRoot())
    case .atan: return scaled(t(0), by: 1 / (1 + x * x))
    case .sinh: return scaled(t(0), by: Double.cosh(x))
    case .cosh: return scaled(t(0), by: Double.sinh(x))
    case .tanh: return scaled(t(0), by: 1 - Double.tanh(x) * Double.tanh(x))
    case .erf: return scaled(t(0), by: 2 / Double.pi.squareRoot() * Double.exp(-x * x))
    case .stdNormalCDF: return scaled(t(0), by: PMMLFunction.normalPDF(x))
    case .stdNormalPDF: return scaled(t(0), by: -x * PMMLFunction.normalPDF(x))
    case .atan2:
      let denominator = x * x + y * y
      return sum(scaled(t(0), by: y / denominator), scaled(t(1), by: -x / denominator))
    case .hypot:
      let length = Double.hypot(x, y)
      return sum(scaled(t(0), by: x / length), scaled(t(1), by: y / length))
    case .modulo: return t(0)
    default:
      return zero
    }
  }

  private func sum(_ a: [Double], _ b: [Double]) -> [Double] {
    var result = a
    for index in result.indices { result[index] += b[index] }
    return result
  }

  /// `vector` times `factor`.
  func scaled(_ vector: [Double], by factor: Double) -> [Double] {
    vector.map { $0 * factor }
  }
}
