import RealModule

extension PMMLRowContext {
  /// The gradient of a regression table's value.
  mutating func gradient(of table: PMMLRegressionTable, featureCount: Int) -> [Double] {
    var total = [Double](repeating: 0, count: featureCount)
    func add(_ vector: [Double], _ factor: Double) {
      for index in total.indices { total[index] += vector[index] * factor }
    }
    for term in table.numeric {
      let x = evaluate(term.input)
      let slope =
        term.exponent == 1 ? 1 : term.exponent * pmmlPower(x, term.exponent - 1)
      add(tangent(of: term.input, featureCount: featureCount), term.coefficient * slope)
    }
    for term in table.products {
      let values = term.inputs.map { evaluate($0) }
      for (index, input) in term.inputs.enumerated() {
        var others = term.coefficient
        for (other, value) in values.enumerated() where other != index { others *= value }
        add(tangent(of: input, featureCount: featureCount), others)
      }
    }
    return total
  }

  /// The gradient of a `RegressionModel`'s margin.
  mutating func gradient(
    of body: PMMLRegressionBody, model: PMMLSubmodel, featureCount: Int
  ) -> [Double] {
    let first = body.tables[0]
    let y1 = tableValue(first, isFloat: false)
    let d1 = gradient(of: first, featureCount: featureCount)
    guard model.function == .classification else {
      let response = body.normalization.apply(y1)
      let factor = body.normalization.derivative(y1) * model.targets.regressionSlope(at: response)
      return scaled(d1, by: factor)
    }
    let sign = first.category == 1 ? 1.0 : -1.0
    let second = body.tables[1]
    switch body.normalization {
    case .logit, .softmax:
      guard body.normalization == .softmax && !second.isTrivial else { return scaled(d1, by: sign) }
      let d2 = gradient(of: second, featureCount: featureCount)
      return zip(d1, d2).map { sign * ($0 - $1) }
    case .simplemax:
      let y2 = tableValue(second, isFloat: false)
      let d2 = gradient(of: second, featureCount: featureCount)
      let total = (y1 + y2) * (y1 + y2)
      return zip(d1, d2).map { sign * ($0 * y2 - y1 * $1) / total }
    case .none:
      return y1 > 0 && y1 < 1 ? scaled(d1, by: sign) : scaled(d1, by: 0)
    default:
      return scaled(d1, by: sign * body.normalization.derivative(y1))
    }
  }

  /// The gradient of a general regression model's linear predictor η.
  mutating func linearPredictorGradient(
    _ body: PMMLGeneralRegressionBody, featureCount: Int
  ) -> [Double] {
    var total = [Double](repeating: 0, count: featureCount)
    for cell in body.cells where !cell.covariates.isEmpty {
      var indicator = 1.0
      for factor in cell.factors where evaluate(factor.input) != factor.value { indicator = 0 }
      guard indicator != 0 else { continue }
      let values = cell.covariates.map { evaluate($0.input) }
      for (index, covariate) in cell.covariates.enumerated() {
        var factor =
          cell.beta * covariate.exponent * pmmlPower(values[index], covariate.exponent - 1)
        for (other, value) in values.enumerated() where other != index {
          factor *= pmmlPower(value, cell.covariates[other].exponent)
        }
        let vector = tangent(of: covariate.input, featureCount: featureCount)
        for position in total.indices { total[position] += vector[position] * factor }
      }
    }
    return total
  }

  /// The gradient of a `GeneralRegressionModel`'s margin.
  mutating func gradient(
    of body: PMMLGeneralRegressionBody, model: PMMLSubmodel, featureCount: Int
  ) -> [Double] {
    var d = linearPredictorGradient(body, featureCount: featureCount)
    let eta = linearPredictor(body)
    if body.kind == .linear { return scaled(d, by: model.targets.regressionSlope(at: eta)) }
    if body.kind == .generalizedLinear, let input = body.offsetInput {
      let offsetGradient = tangent(of: input, featureCount: featureCount)
      for index in d.indices { d[index] += offsetGradient[index] }
    }
    let shifted = body.kind == .generalizedLinear ? eta + offset(body) : eta
    let sign = body.firstCategory == 1 ? 1.0 : -1.0
    switch (model.function, body.kind) {
    case (.regression, _):
      var trials = body.trialsValue ?? 1
      if let input = body.trialsInput { trials = evaluate(input) }
      let mean = body.link.apply(shifted, parameter: body.linkParameter) * trials
      let slope = body.link.derivative(shifted, parameter: body.linkParameter) * trials
      return scaled(d, by: slope * model.targets.regressionSlope(at: mean))
    case (.classification, .multinomialLogistic):
      return scaled(d, by: sign)
    case (.classification, _):
      if body.link == .logit { return scaled(d, by: sign) }
      return scaled(d, by: sign * body.link.derivative(shifted, parameter: body.linkParameter))
    }
  }

  /// The gradient of a `NeuralNetwork`'s margin: back-propagation through the layers, then
  /// the chain rule through the `NeuralInput` expressions.
  mutating func gradient(
    of body: PMMLNeuralBody, model: PMMLSubmodel, featureCount: Int
  ) -> [Double] {
    guard let (z, activation, output) = forward(body) else {
      return [Double](repeating: .nan, count: featureCount)
    }
    var adjoint = [Double](repeating: 0, count: body.entityCount)
    switch model.function {
    case .regression:
      let value = output[body.regressionEntity]
      let response = PMMLNeuralBody.denormalize(value, body.denormalization)
      adjoint[body.regressionEntity] =
        PMMLNeuralBody.denormalizationSlope(value, body.denormalization)
        * model.targets.regressionSlope(at: response)
    case .classification:
      if body.categoryEntities[1] >= 0 {
        adjoint[body.categoryEntities[1]] = 1
      } else {
        adjoint[body.categoryEntities[0]] = -1
      }
    }
    for layer in body.layers.reversed() {
      let range = layer.firstEntity..<(layer.firstEntity + layer.neurons.count)
      switch layer.normalization {
      case .softmax:
        let weighted = range.reduce(0) { $0 + adjoint[$1] * output[$1] }
        for entity in range { adjoint[entity] = output[entity] * (adjoint[entity] - weighted) }
      case .simplemax:
        let total = range.reduce(0) { $0 + activation[$1] }
        let weighted = range.reduce(0) { $0 + adjoint[$1] * output[$1] }
        for entity in range { adjoint[entity] = (adjoint[entity] - weighted) / total }
      default:
        break
      }
      for (position, neuron) in layer.neurons.enumerated() {
        let entity = layer.firstEntity + position
        let upstream = adjoint[entity]
        guard upstream != 0 else { continue }
        if layer.activation == .radialBasis {
          for (source, weight) in zip(neuron.sources, neuron.weights) {
            adjoint[source] +=
              upstream * activation[entity] * (output[source] - weight)
              / -(neuron.width * neuron.width)
          }
          continue
        }
        let local =
          upstream * PMMLNeuralBody.slope(layer.activation, z[entity], activation[entity])
        for (source, weight) in zip(neuron.sources, neuron.weights) {
          adjoint[source] += local * weight
        }
      }
    }
    var total = [Double](repeating: 0, count: featureCount)
    for (index, input) in body.inputs.enumerated() where adjoint[index] != 0 {
      let vector = tangent(of: input, featureCount: featureCount)
      for position in total.indices { total[position] += vector[position] * adjoint[index] }
    }
    return total
  }
}
