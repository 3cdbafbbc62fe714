import RealModule

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A function of one argument in a loss expression (unary minus included).
enum LossUnaryOperation: Hashable, Sendable {
  case negate
  case log
  case exp
  case abs
  case sqrt

  /// The operation applied to one value.
  @inline(__always)
  func apply(_ x: Double) -> Double {
    switch self {
    case .negate: return -x
    case .log: return Double.log(x)
    case .exp: return Double.exp(x)
    case .abs: return Swift.abs(x)
    case .sqrt: return x.squareRoot()
    }
  }
}

/// An operation on two values in a loss expression: arithmetic, a comparison, `min` or `max`.
enum LossBinaryOperation: Hashable, Sendable {
  case add
  case subtract
  case multiply
  case divide
  case power
  case less
  case lessOrEqual
  case greater
  case greaterOrEqual
  case equal
  case notEqual
  case minimum
  case maximum

  /// The operation applied to two values.
  ///
  /// Arithmetic is IEEE 754. `power` is the C library's `pow`, which numpy's `**` also calls,
  /// so a negative base with a whole exponent is real (`(−2)^2 = 4`) where swift-numerics'
  /// logarithm-based `Double.pow(_:_:)` would give NaN. A comparison gives 1 or 0, and NaN
  /// when either side is NaN, so a missing value is never silently decided; `min` and `max`
  /// are NaN when either side is, as numpy's `minimum` and `maximum`.
  @inline(__always)
  func apply(_ a: Double, _ b: Double) -> Double {
    switch self {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide: return a / b
    case .power: return pow(a, b)
    case .less: return a.isNaN || b.isNaN ? .nan : (a < b ? 1 : 0)
    case .lessOrEqual: return a.isNaN || b.isNaN ? .nan : (a <= b ? 1 : 0)
    case .greater: return a.isNaN || b.isNaN ? .nan : (a > b ? 1 : 0)
    case .greaterOrEqual: return a.isNaN || b.isNaN ? .nan : (a >= b ? 1 : 0)
    case .equal: return a.isNaN || b.isNaN ? .nan : (a == b ? 1 : 0)
    case .notEqual: return a.isNaN || b.isNaN ? .nan : (a != b ? 1 : 0)
    case .minimum: return a.isNaN || b.isNaN ? .nan : (b < a ? b : a)
    case .maximum: return a.isNaN || b.isNaN ? .nan : (b > a ? b : a)
    }
  }
}

/// The scalar rules of the three-argument functions, shared by constant folding and
/// evaluation so that both give the same bits.
enum LossTernary {
  /// `clip(x, lo, hi)`: `min(max(x, lo), hi)`, NaN when any argument is NaN (numpy's
  /// `clip`); when `lo > hi` the result is `hi`, as in numpy.
  @inline(__always)
  static func clip(_ x: Double, _ low: Double, _ high: Double) -> Double {
    if x.isNaN || low.isNaN || high.isNaN { return .nan }
    let raised = x < low ? low : x
    return raised > high ? high : raised
  }

  /// `if(condition, a, b)`: `a` when the condition is non-zero, `b` when it is 0, NaN when it
  /// is NaN (a comparison with a missing value).
  @inline(__always)
  static func select(_ condition: Double, _ a: Double, _ b: Double) -> Double {
    if condition.isNaN { return .nan }
    return condition != 0 ? a : b
  }
}
