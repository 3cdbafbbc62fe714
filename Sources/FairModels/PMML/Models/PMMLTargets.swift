import RealModule

/// The `Targets` post-processing of a model's result.
///
/// For regression, `y = clamp(y, min, max) · rescaleFactor + rescaleConstant`, then
/// `castInteger`; a missing result takes the `TargetValue@defaultValue`. For
/// classification, a missing result takes the `TargetValue@priorProbability` values.
struct PMMLTargets: Sendable {
  /// How a regression result is made whole.
  enum CastInteger: String, Sendable {
    case round, ceiling, floor
  }

  /// The lower clamp.
  var minimum: Double?
  /// The upper clamp.
  var maximum: Double?
  /// The factor.
  var rescaleFactor = 1.0
  /// The constant.
  var rescaleConstant = 0.0
  /// The rounding, if any.
  var castInteger: CastInteger?
  /// The regression result used when the model gives none.
  var defaultValue: Double?
  /// The prior probability of the positive class, used when a classifier gives no result.
  var positivePrior: Double?

  /// No post-processing.
  static let none = PMMLTargets()

  /// Whether the regression transformation is the identity.
  var isIdentity: Bool {
    minimum == nil && maximum == nil && rescaleFactor == 1 && rescaleConstant == 0
      && castInteger == nil
  }

  /// Post-processes a regression value; `isFloat` rounds each step to `Float`.
  func regression(_ value: Double, isFloat: Bool) -> Double {
    if value.isNaN { return defaultValue ?? .nan }
    var result = value
    if let minimum { result = Swift.max(result, minimum) }
    if let maximum { result = Swift.min(result, maximum) }
    if isFloat {
      let scaled = Float(result) * Float(rescaleFactor)
      result = Double(scaled + Float(rescaleConstant))
    } else {
      result = result * rescaleFactor + rescaleConstant
    }
    switch castInteger {
    case .round: result = (result + 0.5).rounded(.down)
    case .ceiling: result = result.rounded(.up)
    case .floor: result = result.rounded(.down)
    case nil: break
    }
    return result
  }

  /// The derivative of ``regression(_:isFloat:)`` at `value`.
  func regressionSlope(at value: Double) -> Double {
    if castInteger != nil { return 0 }
    if let minimum, value < minimum { return 0 }
    if let maximum, value > maximum { return 0 }
    return rescaleFactor
  }

  /// Replaces a missing classification by the priors, when declared.
  func classification(_ prediction: PMMLPrediction) -> PMMLPrediction {
    guard prediction.probability.isNaN, let prior = positivePrior else { return prediction }
    let logOdds = prior > 0 && prior < 1 ? Double.log(prior / (1 - prior)) : .nan
    return .classification(probability: prior, logOdds: logOdds)
  }
}
