/// A compiled `GeneralRegressionModel` with one linear predictor.
///
/// The linear predictor is
///
/// ```
/// η = Σ_p β_p · Π_factors [x_f == value] · Π_covariates x_c^exponent   (+ offset)
/// ```
///
/// `regression` and `generalLinear` return η; `generalizedLinear` returns `g⁻¹(η + offset)`
/// (times the trials); a binary `multinomialLogistic` model gives its first category the
/// probability `exp(η) / (1 + exp(η))`, the reference category having η = 0.
struct PMMLGeneralRegressionBody: Sendable {
  /// One parameter's design value and coefficient.
  struct Cell: Sendable {
    /// The parameter name.
    var parameter: String
    /// The coefficient β.
    var beta: Double
    /// Factor predictors: the input and the category that makes the indicator 1.
    var factors: [(field: String, input: PMMLExpression, value: Double)]
    /// Covariate predictors: the input and its exponent.
    var covariates: [(field: String, input: PMMLExpression, exponent: Double)]
  }

  /// How η becomes the result.
  enum Kind: Sendable, Hashable {
    case linear, generalizedLinear, multinomialLogistic
  }

  /// How η becomes the result.
  var kind: Kind
  /// The cells of the linear predictor (of the first category, for classification).
  var cells: [Cell]
  /// The inverse link, for `generalizedLinear`.
  var link: PMMLNormalization
  /// The link parameter (the power of `power`).
  var linkParameter: Double
  /// The offset: a constant, or a field.
  var offsetValue: Double
  /// The offset field, when the offset is a variable.
  var offsetInput: PMMLExpression?
  /// The trials: a constant multiplier of the mean, or a field.
  var trialsValue: Double?
  /// The trials field, when the trials are a variable.
  var trialsInput: PMMLExpression?
  /// For classification, the binary category of the first (non-reference) category.
  var firstCategory: Int
}
