import RealModule

extension PMMLRowContext {
  /// The linear predictor η of a general regression model; NaN when an input is missing.
  mutating func linearPredictor(_ body: PMMLGeneralRegressionBody) -> Double {
    var sum = 0.0
    for cell in body.cells {
      var design = 1.0
      for factor in cell.factors {
        let x = evaluate(factor.input)
        if x.isNaN { return .nan }
        if x != factor.value { design = 0 }
      }
      if design != 0 {
        for covariate in cell.covariates {
          let x = evaluate(covariate.input)
          if x.isNaN { return .nan }
          design *= pmmlPower(x, covariate.exponent)
        }
      }
      sum += cell.beta * design
    }
    return sum
  }

  /// The offset of a general regression model; NaN when its field is missing.
  mutating func offset(_ body: PMMLGeneralRegressionBody) -> Double {
    if let input = body.offsetInput { return evaluate(input) }
    return body.offsetValue
  }

  /// Evaluates a `GeneralRegressionModel`.
  mutating func predict(
    _ body: PMMLGeneralRegressionBody, function: PMMLSubmodel.Function
  ) -> PMMLPrediction {
    let eta = linearPredictor(body)
    if eta.isNaN { return .missing }
    switch (body.kind, function) {
    case (.linear, _):
      return .regression(eta)
    case (.generalizedLinear, .regression):
      let shifted = eta + offset(body)
      var mean = body.link.apply(shifted, parameter: body.linkParameter)
      if let input = body.trialsInput {
        mean *= evaluate(input)
      } else if let trials = body.trialsValue {
        mean *= trials
      }
      return mean.isNaN ? .missing : .regression(mean)
    case (.generalizedLinear, .classification):
      let shifted = eta + offset(body)
      if shifted.isNaN { return .missing }
      let first = body.link.apply(shifted, parameter: body.linkParameter)
      let firstLogOdds = body.link == .logit ? shifted : .nan
      return classify(firstProbability: first, firstLogOdds: firstLogOdds, body.firstCategory)
    case (.multinomialLogistic, _):
      let first = 1 / (1 + Double.exp(-eta))
      return classify(firstProbability: first, firstLogOdds: eta, body.firstCategory)
    }
  }

  private func classify(firstProbability: Double, firstLogOdds: Double, _ firstCategory: Int)
    -> PMMLPrediction
  {
    let isPositiveFirst = firstCategory == 1
    return .classification(
      probability: isPositiveFirst ? firstProbability : 1 - firstProbability,
      logOdds: isPositiveFirst ? firstLogOdds : -firstLogOdds, firstCategory: firstCategory)
  }
}
