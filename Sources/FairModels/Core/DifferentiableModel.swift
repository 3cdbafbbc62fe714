/// A scoring model whose margin has analytic gradients with respect to its numeric inputs.
///
/// Integrated gradients and other gradient methods need `∂margin/∂x_j` at many points at
/// once, so the protocol is batch-shaped like ``ScoringModel``: one call computes the
/// gradients of every row of a batch.
///
/// ## Conforming
///
/// A conforming model writes, for each row `i` of the batch and feature `j` in
/// ``ScoringModel/features`` order, the partial derivative of the **margin** (the value
/// ``ScoringModel/scoreMargins(_:into:)`` returns, before ``ScoringModel/outputTransform``)
/// at that row:
///
/// ```
/// gradients[i * featureCount + j] = ∂ margin(x_i) / ∂ x_ij
/// ```
///
/// Rules every conformance follows:
///
/// - **Categorical features get 0.** A category code is not a continuous quantity; callers
///   hold categorical features fixed (integrated gradients keeps them at the explained
///   row's value along the whole path), so their entries are never used, but they must be
///   finite.
/// - **Missing values.** Where the model imputes a missing value (a PMML `MiningField`
///   replacement, say), the gradient with respect to that input is 0: the margin does not
///   change with it. Callers hold missing inputs fixed, as for categorical ones.
/// - **Preprocessing is part of the model.** The gradient is with respect to the raw input
///   the batch holds, so a model that normalises or transforms inputs (PMML
///   `NormContinuous`, a standard scaler) applies the chain rule through that step:
///   for `z = (x − m)/s`, `∂margin/∂x = (∂margin/∂z) / s`.
/// - **Non-differentiable points.** At a kink (a ReLU at 0, a piecewise-linear
///   normalisation at a knot) return a one-sided derivative; document which. Integrated
///   gradients only samples such points with probability zero.
/// - **Agreement.** The gradients must match the margin: a central finite difference of
///   ``ScoringModel/scoreMargins(_:into:)`` with a small step should agree to a relative
///   1e-6 or so at smooth points. Conformances should test exactly that.
///
/// Examples: a linear or logistic regression (`∂margin/∂x_j = w_j`, constant), a PMML
/// `RegressionModel` with numeric predictors (including `exponent` terms:
/// `c · p · x^(p−1)`), and a PMML `NeuralNetwork` with smooth activations (back-propagate
/// through the layers with the activation derivatives listed in
/// <doc:PMMLSupport#Neural-network-activations>).
public protocol DifferentiableModel: ScoringModel {
  /// Writes the gradient of the margin for every row of `batch` into `gradients`, replacing
  /// its contents.
  ///
  /// - Parameters:
  ///   - batch: Rows in ``ScoringModel/features`` order.
  ///   - gradients: Receives `batch.rowCount × featureCount` values, row-major:
  ///     `∂margin/∂x_j` of row `i` at `i * featureCount + j`; 0 for categorical features.
  /// - Throws: `ModelError` when the model cannot be evaluated.
  /// - Complexity: Typically O(*n*·*m*) for a linear model and O(*n*·*W*) for a network with
  ///   *W* weights, for *n* rows of *m* features.
  func marginGradients(_ batch: RowBatch, into gradients: inout [Double]) throws

  /// Whether this particular model has a gradient everywhere it is evaluated; a model type
  /// that is differentiable only for some documents (PMML) says so per model.
  var isDifferentiable: Bool { get }
}

extension DifferentiableModel {
  /// True: a model type that adopts the protocol is differentiable unless it says otherwise.
  public var isDifferentiable: Bool { true }
}
