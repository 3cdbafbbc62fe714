public import FairModels

/// A model whose margin is an intercept plus a sum of linear terms.
///
/// ```
/// margin(x) = intercept + Σ_terms coefficient · basis(x[feature])
/// ```
///
/// Linear and logistic regressions (and PMML `RegressionModel`s) conform, so that
/// ``LinearSHAP`` can explain them exactly. Standardisation and other affine preprocessing
/// should be folded into the coefficients and intercept, so that the terms read the raw
/// input values.
public protocol LinearMarginModel: ScoringModel {
  /// The constant part of the margin.
  var intercept: Double { get }
  /// The additive terms of the margin.
  var linearTerms: [LinearTerm] { get }
}
