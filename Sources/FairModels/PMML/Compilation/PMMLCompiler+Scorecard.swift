extension PMMLCompiler {
  /// Compiles a `Scorecard`.
  ///
  /// With `useReasonCodes` (the default), every attribute needs a reason code (its own or
  /// its characteristic's) and every characteristic a baseline (its own or the
  /// scorecard's), as the PMML specification requires.
  func compileScorecard(_ element: PMMLElement, in scope: PMMLScope) throws -> PMMLScorecardBody {
    let usesReasonCodes = try flag("useReasonCodes", of: element, default: true)
    let algorithm: PMMLScorecard.ReasonCodeAlgorithm = try choice(
      "reasonCodeAlgorithm", of: element, default: .pointsBelow)
    let baseline = try number("baselineScore", of: element)
    guard let list = document.child(of: element, named: "Characteristics") else {
      throw error(.invalidStructure, element, "Scorecard has no Characteristics")
    }
    var characteristics: [PMMLScorecard.Characteristic] = []
    var predicates: [[PMMLPredicate]] = []
    var expressions: [[PMMLExpression?]] = []
    for characteristicElement in document.children(of: list, named: "Characteristic") {
      // jpmml-evaluator: "Required element Characteristic/Attribute is not defined".
      guard document.child(of: characteristicElement, named: "Attribute") != nil else {
        throw error(
          .invalidStructure, characteristicElement,
          "a characteristic needs at least one Attribute, found none")
      }
      let characteristicCode = attribute("reasonCode", of: characteristicElement)
      let characteristicBaseline = try number("baselineScore", of: characteristicElement)
      if usesReasonCodes && characteristicBaseline == nil && baseline == nil {
        throw error(
          .invalidStructure, characteristicElement,
          "with useReasonCodes, a characteristic needs a baselineScore (or the Scorecard one)")
      }
      var attributes: [PMMLScorecard.Attribute] = []
      var attributePredicates: [PMMLPredicate] = []
      var attributeExpressions: [PMMLExpression?] = []
      var used = Set<Int>()
      for attributeElement in document.children(of: characteristicElement, named: "Attribute") {
        let code = attribute("reasonCode", of: attributeElement) ?? characteristicCode
        if usesReasonCodes && code == nil {
          throw error(
            .invalidStructure, attributeElement,
            "with useReasonCodes, an attribute needs a reasonCode (or its characteristic's)")
        }
        let predicate = try compilePredicate(
          try predicateElement(of: attributeElement), in: scope)
        used.formUnion(features(of: predicate))
        var expression: PMMLExpression?
        let score = try number("partialScore", of: attributeElement)
        if let complex = document.child(of: attributeElement, named: "ComplexPartialScore") {
          guard let body = content(of: complex).first else {
            throw error(.invalidStructure, complex, "ComplexPartialScore has no expression")
          }
          let typed = try compileExpression(body, in: scope, hint: (.double, .continuous))
          let compiled = try coerce(typed, to: .number, dataType: .double, at: body)
          used.formUnion(features(of: compiled))
          expression = compiled
        } else if score == nil {
          throw error(
            .invalidStructure, attributeElement,
            "an attribute needs a partialScore or a ComplexPartialScore")
        }
        attributes.append(
          PMMLScorecard.Attribute(
            partialScore: expression == nil ? score : nil, reasonCode: code,
            place: document.path(of: attributeElement)))
        attributePredicates.append(predicate)
        attributeExpressions.append(expression)
      }
      characteristics.append(
        PMMLScorecard.Characteristic(
          name: attribute("name", of: characteristicElement), reasonCode: characteristicCode,
          baselineScore: characteristicBaseline, attributes: attributes,
          featureIndices: used.sorted()))
      predicates.append(attributePredicates)
      expressions.append(attributeExpressions)
    }
    let description = PMMLScorecard(
      initialScore: try number("initialScore", of: element) ?? 0,
      usesReasonCodes: usesReasonCodes, reasonCodeAlgorithm: algorithm, baselineScore: baseline,
      characteristics: characteristics)
    return PMMLScorecardBody(
      description: description, predicates: predicates, expressions: expressions)
  }
}
