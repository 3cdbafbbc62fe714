import RealModule

extension PMMLRowContext {
  /// The value of a regression table; NaN when a numeric input is missing.
  mutating func tableValue(_ table: PMMLRegressionTable, isFloat: Bool) -> Double {
    var sum = 0.0
    func add(_ term: Double) {
      sum = isFloat ? Double(Float(sum) + Float(term)) : sum + term
    }
    for index in table.numeric.indices {
      let x = evaluate(table.numeric[index].input)
      if x.isNaN { return .nan }
      let coefficient = table.numeric[index].coefficient
      let power = pmmlPower(x, table.numeric[index].exponent)
      add(isFloat ? Double(Float(coefficient) * Float(power)) : coefficient * power)
    }
    for index in table.categorical.indices {
      let x = evaluate(table.categorical[index].input)
      if !x.isNaN && x == table.categorical[index].value {
        add(table.categorical[index].coefficient)
      }
    }
    for term in table.products {
      var product = 1.0
      for input in term.inputs {
        let x = evaluate(input)
        if x.isNaN { return .nan }
        product *= x
      }
      add(term.coefficient * product)
    }
    add(table.intercept)
    return sum
  }

  /// Evaluates a `RegressionModel`.
  mutating func predict(
    _ body: PMMLRegressionBody, function: PMMLSubmodel.Function, isFloat: Bool
  ) -> PMMLPrediction {
    let round: (Double) -> Double = { isFloat ? Double(Float($0)) : $0 }
    guard function == .classification else {
      let y = tableValue(body.tables[0], isFloat: isFloat)
      if y.isNaN { return .missing }
      return .regression(round(body.normalization.apply(y)))
    }
    let first = body.tables[0]
    let second = body.tables[1]
    let y1 = tableValue(first, isFloat: isFloat)
    if y1.isNaN { return .missing }
    var firstProbability: Double
    var firstLogOdds = Double.nan
    switch body.normalization {
    case .softmax where !second.isTrivial:
      let y2 = tableValue(second, isFloat: isFloat)
      if y2.isNaN { return .missing }
      firstLogOdds = y1 - y2
      firstProbability = round(1 / (1 + Double.exp(-(y1 - y2))))
    case .simplemax:
      let y2 = tableValue(second, isFloat: isFloat)
      if y2.isNaN || y1 + y2 == 0 { return .missing }
      firstProbability = round(y1 / (y1 + y2))
    case .none:
      firstProbability = Swift.min(Swift.max(y1, 0), 1)
    case .logit, .softmax:
      firstLogOdds = y1
      firstProbability = round(body.normalization.apply(y1))
    default:
      firstProbability = round(body.normalization.apply(y1))
    }
    let isPositiveFirst = first.category == 1
    let probability = isPositiveFirst ? firstProbability : round(1 - firstProbability)
    let logOdds = isPositiveFirst ? firstLogOdds : -firstLogOdds
    return .classification(
      probability: probability, logOdds: logOdds, firstCategory: first.category)
  }
}
