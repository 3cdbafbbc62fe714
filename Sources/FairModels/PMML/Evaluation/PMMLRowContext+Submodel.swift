extension PMMLRowContext {
  /// Evaluates a model element: its body, then `Targets`, then the output fields that later
  /// segments of a model chain read.
  mutating func predict(_ model: PMMLSubmodel) -> PMMLPrediction {
    var prediction: PMMLPrediction
    switch model.body {
    case .regression(let body):
      prediction = predict(body, function: model.function, isFloat: model.isFloat)
    case .generalRegression(let body):
      prediction = predict(body, function: model.function)
    case .scorecard(let body):
      prediction = predict(body)
    case .tree(let body):
      prediction = predict(body, function: model.function)
    case .mining(let body):
      prediction = predict(body, function: model.function, isFloat: model.isFloat)
    case .neuralNetwork(let body):
      prediction = predict(body, function: model.function)
    }
    switch model.function {
    case .regression:
      prediction = .regression(model.targets.regression(prediction.value, isFloat: model.isFloat))
    case .classification:
      prediction = model.targets.classification(prediction)
    }
    for output in model.outputs { write(output, prediction) }
    return prediction
  }

  private mutating func write(_ output: PMMLOutputAssignment, _ prediction: PMMLPrediction) {
    var value: Double
    switch output.feature {
    case .predictedValue:
      if prediction.probability.isNaN {
        value = prediction.value
      } else {
        value = prediction.category >= 0 ? program.categoryValues[prediction.category] : .nan
      }
    case .probability(let category):
      value = category == 1 ? prediction.probability : 1 - prediction.probability
    case .transformedValue(let expression):
      value = evaluate(expression)
    }
    if let cast = output.cast, !value.isNaN {
      switch cast {
      case .float: value = Double(Float(value))
      case .integer: value = value.rounded(.towardZero)
      case .boolean: value = value != 0 ? 1 : 0
      case .symbolToNumber: value = program.symbols.number(of: value)
      case .numberToSymbol:
        value = program.symbols.id(ofNumber: value) ?? PMMLSymbolTable.otherSymbol
      }
    }
    assign(value, toSlot: output.slot)
  }
}
