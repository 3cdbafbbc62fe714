/// The margin of a model as a sum of terms, each reading a few features.
///
/// For every row the model scores, exactly (up to rounding):
///
/// ```
/// margin = intercept + Σ_k term_k(x)
/// ```
///
/// Linear SHAP attributes
/// `term_k(x) − mean term_k` to the features a term reads; a term that reads one feature
/// belongs to it alone.
///
/// ``PMMLModel/linearDecomposition`` gives one for a `RegressionModel` (regression without
/// a link, or a binary classifier with `logit` or `softmax`), a `GeneralRegressionModel`
/// (linear, or a generalized linear model with the identity link for regression or the
/// `logit` link for classification, without an offset field; or a binary
/// `multinomialLogistic` model), and a `Scorecard` (one term per characteristic: its
/// partial score), all without `Targets` clamping or rounding. Terms are in margin units,
/// with `Targets` rescaling and the sign of the positive class applied.
package struct PMMLLinearDecomposition: Sendable, Hashable {
  /// One additive term.
  package struct Term: Sendable, Hashable {
    /// A readable name: the field (`age`), the category (`region=S`), the product
    /// (`age*income`), the parameter (`p3`) or the characteristic.
    package var name: String
    /// The features the term reads, as indexes into ``PMMLModel/features``.
    package var featureIndices: [Int]
  }

  /// The constant part of the margin.
  package var intercept: Double
  /// The terms, in document order.
  package var terms: [Term]
}
