/// One compiled `RegressionTable`.
///
/// Its value is
///
/// ```
/// y = Σ coefficient·x^exponent + Σ coefficient·[x == value] + Σ coefficient·Π xᵢ + intercept
/// ```
///
/// summed in that order (as jpmml-evaluator does).
struct PMMLRegressionTable: Sendable {
  /// A `NumericPredictor`.
  struct NumericTerm: Sendable {
    var field: String
    var input: PMMLExpression
    var exponent: Double
    var coefficient: Double
  }

  /// A `CategoricalPredictor`.
  struct CategoricalTerm: Sendable {
    var field: String
    var input: PMMLExpression
    var value: Double
    var label: String
    var coefficient: Double
  }

  /// A `PredictorTerm`.
  struct ProductTerm: Sendable {
    var fields: [String]
    var inputs: [PMMLExpression]
    var coefficient: Double
  }

  /// The intercept.
  var intercept: Double
  /// The numeric predictors.
  var numeric: [NumericTerm]
  /// The categorical predictors.
  var categorical: [CategoricalTerm]
  /// The interaction terms.
  var products: [ProductTerm]
  /// The binary category of the table (0 or 1), or -1 for regression.
  var category: Int

  /// Whether the table is intercept 0 with no predictors.
  var isTrivial: Bool {
    intercept == 0 && numeric.isEmpty && categorical.isEmpty && products.isEmpty
  }
}

/// A compiled `RegressionModel`.
struct PMMLRegressionBody: Sendable {
  /// The tables, in document order.
  var tables: [PMMLRegressionTable]
  /// The `normalizationMethod`.
  var normalization: PMMLNormalization
}
