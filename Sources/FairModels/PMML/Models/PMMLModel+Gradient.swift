extension PMMLModel: DifferentiableModel {
  /// Whether ``marginGradients(_:into:)`` is available.
  ///
  /// It is for a top-level `RegressionModel`, `GeneralRegressionModel` or `NeuralNetwork`.
  /// Trees, scorecards and ensembles are piecewise constant and have no useful gradient.
  public var isDifferentiable: Bool {
    switch program.root.body {
    case .regression, .generalRegression, .neuralNetwork: true
    case .scorecard, .tree, .mining: false
    }
  }

  /// Writes the gradient of the margin with respect to the numeric features for every row.
  ///
  /// The gradient runs through the model's own preprocessing (standard scaling written as
  /// `Apply`, `NormContinuous`, …) by forward-mode differentiation of the expressions, then
  /// through the model: the regression tables (`c·e·x^(e−1)` for exponents), the inverse
  /// link or normalisation, `Targets` rescaling, or back-propagation through the neural
  /// network's layers, activations and softmax. Categorical features, missing or replaced
  /// values and clamped outliers get 0. Rows the model cannot score get NaN.
  ///
  /// - Parameters:
  ///   - batch: Rows in ``features`` order.
  ///   - gradients: Receives `batch.rowCount × featureCount` values, row-major.
  /// - Throws: `ModelError` of kind `unsupported` when ``isDifferentiable`` is false.
  /// - Complexity: O(*n*·*m*·*t*) for *n* rows, *m* features and *t* terms or weights.
  public func marginGradients(_ batch: RowBatch, into gradients: inout [Double]) throws {
    guard isDifferentiable else {
      throw ModelError(
        .unsupported, file: file,
        message: "gradients need a RegressionModel, GeneralRegressionModel or NeuralNetwork; "
          + "this model is a \(modelElement), which is piecewise constant")
    }
    precondition(
      batch.featureCount == features.count,
      "'batch' has \(batch.featureCount) features; the model reads \(features.count)")
    let count = features.count
    gradients = [Double](repeating: 0, count: batch.rowCount * count)
    var context = PMMLRowContext(program: program, batch: batch)
    let root = program.root
    for row in 0..<batch.rowCount {
      context.begin(row: row)
      let prediction = context.predict(root)
      var gradient: [Double]
      if context.failure != nil || margin(of: prediction).isNaN {
        gradient = [Double](repeating: .nan, count: count)
      } else {
        switch root.body {
        case .regression(let body):
          gradient = context.gradient(of: body, model: root, featureCount: count)
        case .generalRegression(let body):
          gradient = context.gradient(of: body, model: root, featureCount: count)
        case .neuralNetwork(let body):
          gradient = context.gradient(of: body, model: root, featureCount: count)
        case .scorecard, .tree, .mining:
          gradient = [Double](repeating: 0, count: count)
        }
      }
      for feature in 0..<count where !features[feature].isNumeric {
        gradient[feature] = gradient[feature].isNaN ? .nan : 0
      }
      gradients.replaceSubrange((row * count)..<((row + 1) * count), with: gradient)
    }
  }
}
