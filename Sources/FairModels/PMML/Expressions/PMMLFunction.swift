import RealModule

/// The PMML built-in functions FairGate evaluates, by their `Apply@function` names.
///
/// String and date functions are not among them; an `Apply` that calls one is refused when
/// the model loads.
enum PMMLFunction: String, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case min, max, sum, avg, median, product
  case log10, ln, exp, pow, sqrt, abs, threshold, floor, ceil, round, rint, modulo
  case expm1, ln1p
  case sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh, hypot
  case erf, stdNormalCDF, stdNormalPDF, normalCDF, normalPDF
  case equal, notEqual, lessThan, lessOrEqual, greaterThan, greaterOrEqual
  case and, or, not
  case isMissing, isNotMissing, isIn, isNotIn
  case `if`

  /// The number of arguments the function takes: exact, or a minimum for variadic ones.
  var arity: (minimum: Int, maximum: Int) {
    switch self {
    case .add, .subtract, .multiply, .divide, .pow, .threshold, .modulo, .atan2, .hypot,
      .equal, .notEqual, .lessThan, .lessOrEqual, .greaterThan, .greaterOrEqual:
      return (2, 2)
    case .min, .max, .sum, .avg, .median, .product: return (1, Int.max)
    case .and, .or: return (2, Int.max)
    case .isIn, .isNotIn: return (2, Int.max)
    case .if: return (2, 3)
    case .normalCDF, .normalPDF: return (3, 3)
    default: return (1, 1)
    }
  }

  /// Whether the function sees missing arguments instead of returning missing for them.
  var acceptsMissing: Bool {
    switch self {
    case .isMissing, .isNotMissing, .if, .min, .max, .sum, .avg, .median, .product: true
    default: false
    }
  }

  /// Whether the function returns a boolean.
  var isBoolean: Bool {
    switch self {
    case .equal, .notEqual, .lessThan, .lessOrEqual, .greaterThan, .greaterOrEqual, .and, .or,
      .not, .isMissing, .isNotMissing, .isIn, .isNotIn:
      true
    default: false
    }
  }

  /// Whether the function compares its arguments for equality (so symbols may be used).
  var isEquality: Bool {
    self == .equal || self == .notEqual || self == .isIn || self == .isNotIn
  }

  /// Whether the function takes a list of arguments rather than one or two.
  var isVariadic: Bool {
    switch self {
    case .min, .max, .sum, .avg, .median, .product, .and, .or, .isIn, .isNotIn, .normalCDF,
      .normalPDF:
      true
    default: false
    }
  }

  /// Applies a function of numbers to present (non-missing) `arguments`.
  ///
  /// - Returns: The result; NaN when it is undefined (division by zero, logarithm of a
  ///   non-positive number, square root of a negative number).
  func evaluate(_ arguments: [Double]) -> Double {
    let x = arguments.first ?? .nan
    switch self {
    case .min: return arguments.min() ?? .nan
    case .max: return arguments.max() ?? .nan
    case .sum: return arguments.reduce(0, +)
    case .avg: return arguments.isEmpty ? .nan : arguments.reduce(0, +) / Double(arguments.count)
    case .median: return PMMLFunction.median(arguments)
    case .product: return arguments.reduce(1, *)
    case .and: return arguments.allSatisfy { $0 != 0 } ? 1 : 0
    case .or: return arguments.contains { $0 != 0 } ? 1 : 0
    case .isIn: return arguments.dropFirst().contains(x) ? 1 : 0
    case .isNotIn: return arguments.dropFirst().contains(x) ? 0 : 1
    case .normalCDF:
      let sigma = arguments[2]
      return sigma > 0 ? PMMLFunction.normalCDF((x - arguments[1]) / sigma) : .nan
    case .normalPDF:
      let sigma = arguments[2]
      return sigma > 0 ? PMMLFunction.normalPDF((x - arguments[1]) / sigma) / sigma : .nan
    default:
      return evaluate(x, arguments.count > 1 ? arguments[1] : .nan)
    }
  }

  /// Applies a function of one or two present numbers (`y` is ignored by unary functions).
  ///
  /// - Returns: The result; NaN when it is undefined.
  func evaluate(_ x: Double, _ y: Double) -> Double {
    switch self {
    case .add: return x + y
    case .subtract: return x - y
    case .multiply: return x * y
    case .divide: return y == 0 ? .nan : x / y
    case .log10: return x > 0 ? Double.log10(x) : .nan
    case .ln: return x > 0 ? Double.log(x) : .nan
    case .exp: return Double.exp(x)
    case .pow: return x == 0 && y == 0 ? 1 : pmmlPower(x, y)
    case .sqrt: return x >= 0 ? x.squareRoot() : .nan
    case .abs: return Swift.abs(x)
    case .threshold: return x > y ? 1 : 0
    case .floor: return x.rounded(.down)
    case .ceil: return x.rounded(.up)
    case .round: return (x + 0.5).rounded(.down)
    case .rint: return x.rounded(.toNearestOrEven)
    case .modulo: return y == 0 ? .nan : x - y * (x / y).rounded(.down)
    case .expm1: return Double.expMinusOne(x)
    case .ln1p: return x > -1 ? Double.log(onePlus: x) : .nan
    case .sin: return Double.sin(x)
    case .cos: return Double.cos(x)
    case .tan: return Double.tan(x)
    case .asin: return Double.asin(x)
    case .acos: return Double.acos(x)
    case .atan: return Double.atan(x)
    case .atan2: return Double.atan2(y: x, x: y)
    case .sinh: return Double.sinh(x)
    case .cosh: return Double.cosh(x)
    case .tanh: return Double.tanh(x)
    case .hypot: return Double.hypot(x, y)
    case .erf: return Double.erf(x)
    case .stdNormalCDF: return PMMLFunction.normalCDF(x)
    case .stdNormalPDF: return PMMLFunction.normalPDF(x)
    case .lessThan: return x < y ? 1 : 0
    case .lessOrEqual: return x <= y ? 1 : 0
    case .greaterThan: return x > y ? 1 : 0
    case .greaterOrEqual: return x >= y ? 1 : 0
    case .equal: return x == y ? 1 : 0
    case .notEqual: return x != y ? 1 : 0
    case .not: return x == 0 ? 1 : 0
    default: return evaluate([x, y])
    }
  }

  /// The standard normal distribution function Φ.
  static func normalCDF(_ x: Double) -> Double {
    0.5 * Double.erfc(-x / 2.0.squareRoot())
  }

  /// The standard normal density φ.
  static func normalPDF(_ x: Double) -> Double {
    Double.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
  }

  private static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
