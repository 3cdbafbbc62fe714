/// A function a loss expression can call.
enum LossExpressionFunction: String, CaseIterable, Sendable {
  case log
  case exp
  case abs
  case sqrt
  case min
  case max
  case clip
  case `if`

  /// How many arguments it takes.
  var arity: Int {
    switch self {
    case .log, .exp, .abs, .sqrt: return 1
    case .min, .max: return 2
    case .clip, .if: return 3
    }
  }
}
