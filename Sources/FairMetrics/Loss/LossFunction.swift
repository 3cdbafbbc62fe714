import RealModule

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A per-row loss: one of the built-in losses or a custom ``LossExpression``.
///
/// Every loss reads some of three inputs per row: `y`, the true outcome (0 or 1); `p`, the
/// predicted probability of the positive class (or, for ``squaredError`` and
/// ``absoluteError``, any prediction); `m`, the margin. The formulas, with their sources, are
/// in <doc:LossExpressions>:
///
/// ```
/// logLoss           −[y·log p̂ + (1−y)·log q̂]      p̂ = clip(p, ε, 1−ε), q̂ = clip(1−p, ε, 1−ε)
/// brier             (y − p)²
/// squaredError      (y − p)²
/// absoluteError     |y − p|
/// hinge             max(0, 1 − (2y−1)·m)
/// weightedLogLoss   −[w₁·y·log p̂ + w₀·(1−y)·log q̂]
/// focal             −α_t·(1 − p_t)^γ·log p_t,  p_t = p̂ if y = 1, q̂ if y = 0
/// ```
///
/// **Clipping.** A log term reads its class probability clipped to `[ε, 1 − ε]` with
/// `ε = 2⁻⁵²` (``probabilityEpsilon``), formed after `1 − p` for the negative class. That is
/// what scikit-learn 1.9's `log_loss` does (its `eps="auto"`, the machine epsilon of
/// `float64`; older releases used a fixed 1e-15), and what ``LogLoss`` does, so a mean
/// of per-row ``logLoss`` values equals ``LogLoss`` on the same rows.
///
/// **Bad input.** The probability losses (``logLoss``, ``brier``,
/// ``weightedLogLoss(positiveWeight:negativeWeight:)``, ``focal(gamma:alpha:)``) give NaN
/// for a probability outside `[0, 1]`, where scikit-learn raises. NaN in any input a loss
/// reads gives NaN.
public struct LossFunction: Hashable, Sendable, CustomStringConvertible {
  /// Which loss, with its parameters.
  enum Kind: Hashable, Sendable {
    case logLoss
    case brier
    case squaredError
    case absoluteError
    case hinge
    case weightedLogLoss(positiveWeight: Double, negativeWeight: Double)
    case focal(gamma: Double, alpha: Double?)
    case custom(LossExpression)
  }

  /// Which loss this is.
  let kind: Kind

  /// The clipping bound of probabilities in log terms, `ε = 2⁻⁵²`, as scikit-learn 1.9.
  public static let probabilityEpsilon = LogLoss.clippingEpsilon

  /// The log-loss (binary cross-entropy) of the clipped probability.
  public static let logLoss = LossFunction(kind: .logLoss)
  /// The Brier score of one row, `(y − p)²`, for a probability in `[0, 1]`.
  public static let brier = LossFunction(kind: .brier)
  /// The squared error `(y − p)²` of any prediction `p`.
  public static let squaredError = LossFunction(kind: .squaredError)
  /// The absolute error `|y − p|` of any prediction `p`.
  public static let absoluteError = LossFunction(kind: .absoluteError)
  /// The hinge loss on the margin, with labels mapped to −1 and +1: `max(0, 1 − (2y−1)·m)`.
  public static let hinge = LossFunction(kind: .hinge)

  /// The log-loss with one weight per class.
  ///
  /// - Parameters:
  ///   - positiveWeight: The weight `w₁` of rows with `y = 1`; finite and not negative.
  ///   - negativeWeight: The weight `w₀` of rows with `y = 0`; finite and not negative.
  /// - Returns: `−[w₁·y·log p̂ + w₀·(1−y)·log q̂]`, with `p̂` and `q̂` the clipped class
  ///   probabilities.
  public static func weightedLogLoss(positiveWeight: Double, negativeWeight: Double)
    -> LossFunction
  {
    precondition(
      positiveWeight >= 0 && positiveWeight.isFinite,
      "'positiveWeight' \(positiveWeight) is negative or not finite")
    precondition(
      negativeWeight >= 0 && negativeWeight.isFinite,
      "'negativeWeight' \(negativeWeight) is negative or not finite")
    return LossFunction(
      kind: .weightedLogLoss(positiveWeight: positiveWeight, negativeWeight: negativeWeight))
  }

  /// The focal loss `−α_t·(1 − p_t)^γ·log p_t` of [Lin, Goyal, Girshick, He and Dollár][focal].
  ///
  /// `p_t` is the clipped probability of the true class; `α_t` is `alpha` for `y = 1` and
  /// `1 − alpha` for `y = 0`, or 1 for both when `alpha` is `nil`. With `gamma` 0 and no
  /// `alpha` it is the log-loss.
  ///
  /// [focal]: https://arxiv.org/abs/1708.02002
  ///
  /// - Parameters:
  ///   - gamma: The focusing parameter γ; finite and not negative (the paper uses 2).
  ///   - alpha: The weight of the positive class, in `[0, 1]` (the paper uses 0.25), or `nil`.
  /// - Returns: The loss.
  public static func focal(gamma: Double, alpha: Double? = nil) -> LossFunction {
    precondition(gamma >= 0 && gamma.isFinite, "'gamma' \(gamma) is negative or not finite")
    precondition(alpha.map { $0 >= 0 && $0 <= 1 } ?? true, "'alpha' \(alpha ?? 0) is not in [0, 1]")
    return LossFunction(kind: .focal(gamma: gamma, alpha: alpha))
  }

  /// A loss written as an expression.
  ///
  /// - Parameter expression: The parsed expression.
  /// - Returns: The loss.
  public static func custom(_ expression: LossExpression) -> LossFunction {
    LossFunction(kind: .custom(expression))
  }

  /// The name a manifest uses for the loss: `log_loss`, `brier`, `squared_error`,
  /// `absolute_error`, `hinge`, `weighted_log_loss`, `focal` or `custom`.
  public var name: String {
    switch kind {
    case .logLoss: return "log_loss"
    case .brier: return "brier"
    case .squaredError: return "squared_error"
    case .absoluteError: return "absolute_error"
    case .hinge: return "hinge"
    case .weightedLogLoss: return "weighted_log_loss"
    case .focal: return "focal"
    case .custom: return "custom"
    }
  }

  /// The parameters, by the names ``init(named:parameters:)`` reads; a custom loss's are its
  /// constants.
  public var parameters: [String: Double] {
    switch kind {
    case .logLoss, .brier, .squaredError, .absoluteError, .hinge: return [:]
    case .weightedLogLoss(let positive, let negative):
      return ["positive_weight": positive, "negative_weight": negative]
    case .focal(let gamma, let alpha):
      return alpha.map { ["gamma": gamma, "alpha": $0] } ?? ["gamma": gamma]
    case .custom(let expression): return expression.constants
    }
  }

  /// The expression of a custom loss, or `nil` for a built-in one.
  public var expression: LossExpression? {
    if case .custom(let expression) = kind { return expression }
    return nil
  }

  /// The inputs the loss reads.
  public var inputs: LossInputs {
    switch kind {
    case .logLoss, .brier, .squaredError, .absoluteError, .weightedLogLoss, .focal:
      return [.label, .probability]
    case .hinge: return [.label, .margin]
    case .custom(let expression): return expression.inputs
    }
  }

  /// The name, with the parameters or the expression: `focal(gamma: 2, alpha: 0.25)`.
  public var description: String {
    if let expression { return "custom(\(expression.text))" }
    let list = parameters.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    return list.isEmpty ? name : "\(name)(\(list.joined(separator: ", ")))"
  }

  /// Evaluates the loss of one row.
  ///
  /// - Parameters:
  ///   - y: The true outcome, 0 or 1.
  ///   - p: The predicted probability of the positive class.
  ///   - m: The margin.
  /// - Returns: The loss; NaN when an input it reads is NaN.
  public func evaluate(y: Double, p: Double, m: Double) -> Double {
    switch kind {
    case .logLoss: return Self.logLoss(y, p, positiveWeight: 1, negativeWeight: 1)
    case .brier: return p >= 0 && p <= 1 ? (y - p) * (y - p) : .nan
    case .squaredError: return (y - p) * (y - p)
    case .absoluteError: return Swift.abs(y - p)
    case .hinge: return LossBinaryOperation.maximum.apply(0, 1 - (2 * y - 1) * m)
    case .weightedLogLoss(let positive, let negative):
      return Self.logLoss(y, p, positiveWeight: positive, negativeWeight: negative)
    case .focal(let gamma, let alpha): return Self.focal(y, p, gamma: gamma, alpha: alpha)
    case .custom(let expression): return expression.evaluate(y: y, p: p, m: m)
    }
  }

  /// Evaluates the loss of every row.
  ///
  /// Each input the loss reads (see ``inputs``) has one value per row; an input it does not
  /// read may be empty. The result equals ``evaluate(y:p:m:)-(Double,Double,Double)`` row by
  /// row.
  ///
  /// - Parameters:
  ///   - y: The true outcomes, 0 or 1.
  ///   - p: The predicted probabilities of the positive class.
  ///   - m: The margins.
  /// - Returns: One loss per row.
  /// - Complexity: O(*n*) for *n* rows.
  public func evaluate(y: [Double], p: [Double], m: [Double]) -> [Double] {
    if let expression { return expression.evaluate(y: y, p: p, m: m) }
    let rows = LossExpression.rowCount(y: y, p: p, m: m, reading: inputs)
    var losses = [Double](repeating: 0, count: rows)
    for row in 0..<rows {
      losses[row] = evaluate(
        y: y.isEmpty ? .nan : y[row], p: p.isEmpty ? .nan : p[row], m: m.isEmpty ? .nan : m[row])
    }
    return losses
  }

  /// `−log` of a class probability clipped to `[ε, 1 − ε]`.
  private static func negativeLog(_ probability: Double) -> Double {
    -Double.log(LossTernary.clip(probability, probabilityEpsilon, 1 - probabilityEpsilon))
  }

  /// The weighted log-loss of one row; NaN for a probability outside `[0, 1]`.
  private static func logLoss(
    _ y: Double, _ p: Double, positiveWeight: Double, negativeWeight: Double
  ) -> Double {
    guard p >= 0 && p <= 1 else { return .nan }
    return positiveWeight * y * negativeLog(p) + negativeWeight * (1 - y) * negativeLog(1 - p)
  }

  /// The focal loss of one row; NaN for a probability outside `[0, 1]`.
  private static func focal(_ y: Double, _ p: Double, gamma: Double, alpha: Double?) -> Double {
    guard p >= 0 && p <= 1 else { return .nan }
    let epsilon = probabilityEpsilon
    let positive = LossTernary.clip(p, epsilon, 1 - epsilon)
    let negative = LossTernary.clip(1 - p, epsilon, 1 - epsilon)
    let positiveTerm = (alpha ?? 1) * pow(1 - positive, gamma) * -Double.log(positive)
    let negativeTerm = (1 - (alpha ?? 0)) * pow(1 - negative, gamma) * -Double.log(negative)
    return y * positiveTerm + (1 - y) * negativeTerm
  }
}
