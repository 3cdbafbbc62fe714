import RealModule

/// A `normalizationMethod` of `RegressionModel`, or a `linkFunction` of
/// `GeneralRegressionModel`, as the inverse link that maps a linear predictor to a response.
enum PMMLNormalization: String, Sendable, Hashable {
  case none, logit, probit, cloglog, loglog, cauchit, exp, softmax, simplemax
  /// `GeneralRegressionModel` links.
  case identity, log, logc, power

  /// Applies the inverse link to `y` (`parameter` is the power of `power`).
  func apply(_ y: Double, parameter: Double = 1) -> Double {
    switch self {
    case .none, .identity: return y
    case .logit, .softmax: return 1 / (1 + Double.exp(-y))
    case .probit: return PMMLFunction.normalCDF(y)
    case .cloglog: return 1 - Double.exp(-Double.exp(y))
    case .loglog: return Double.exp(-Double.exp(-y))
    case .cauchit: return 0.5 + Double.atan(y) / Double.pi
    case .exp, .log: return Double.exp(y)
    case .logc: return 1 - Double.exp(y)
    case .power: return parameter == 0 ? Double.exp(y) : Double.pow(y, 1 / parameter)
    case .simplemax: return y
    }
  }

  /// The derivative of ``apply(_:parameter:)`` at `y`.
  func derivative(_ y: Double, parameter: Double = 1) -> Double {
    switch self {
    case .none, .identity, .simplemax: return 1
    case .logit, .softmax:
      let p = 1 / (1 + Double.exp(-y))
      return p * (1 - p)
    case .probit: return PMMLFunction.normalPDF(y)
    case .cloglog: return Double.exp(y) * Double.exp(-Double.exp(y))
    case .loglog: return Double.exp(-Double.exp(-y)) * Double.exp(-y)
    case .cauchit: return 1 / (Double.pi * (1 + y * y))
    case .exp, .log: return Double.exp(y)
    case .logc: return -Double.exp(y)
    case .power:
      if parameter == 0 { return Double.exp(y) }
      return Double.pow(y, 1 / parameter - 1) / parameter
    }
  }
}
