extension PMMLCompiler {
  /// Compiles a `GeneralRegressionModel` with a single linear predictor.
  func compileGeneralRegression(
    _ element: PMMLElement, function: PMMLSubmodel.Function, in scope: PMMLScope
  ) throws -> PMMLGeneralRegressionBody {
    let modelType = try required("modelType", of: element)
    let kind: PMMLGeneralRegressionBody.Kind
    switch (modelType, function) {
    case ("regression", .regression), ("generalLinear", .regression):
      kind = .linear
    case ("generalizedLinear", _):
      kind = .generalizedLinear
    case ("multinomialLogistic", .classification):
      kind = .multinomialLogistic
    default:
      throw error(
        .unsupported, element,
        "modelType '\(modelType)' with functionName '\(try required("functionName", of: element))' "
          + "is not supported")
    }
    var link = PMMLNormalization.identity
    var linkParameter = 1.0
    if kind == .generalizedLinear {
      let name = try required("linkFunction", of: element)
      let links: [String: PMMLNormalization] = [
        "identity": .identity, "log": .log, "logit": .logit, "probit": .probit,
        "cloglog": .cloglog, "loglog": .loglog, "logc": .logc, "power": .power,
      ]
      guard let parsed = links[name] else {
        throw error(.unsupported, element, "linkFunction '\(name)' is not supported")
      }
      link = parsed
      if link == .power { linkParameter = try requiredNumber("linkParameter", of: element) }
    }
    var firstCategory = -1
    var firstCategoryText: String?
    if function == .classification {
      (firstCategory, firstCategoryText) = try referenceSplit(element)
    }
    let factors = try predictorNames(element, list: "FactorList")
    let covariates = try predictorNames(element, list: "CovariateList")
    for list in ["FactorList", "CovariateList"] {
      guard let listElement = document.child(of: element, named: list) else { continue }
      for predictor in document.children(of: listElement, named: "Predictor")
      where document.child(of: predictor, named: "Matrix") != nil {
        throw unsupported(predictor, "predictors with contrast matrices are not supported")
      }
    }
    func matches(_ cell: PMMLElement) throws -> Bool {
      guard let text = attribute("targetCategory", of: cell) else { return true }
      guard let firstCategoryText else { return false }
      return try categoryIndex(text, at: cell) == categoryIndex(firstCategoryText, at: cell)
    }
    var design: [String: PMMLGeneralRegressionBody.Cell] = [:]
    if let matrix = document.child(of: element, named: "PPMatrix") {
      for cell in document.children(of: matrix, named: "PPCell") where try matches(cell) {
        let parameter = try required("parameterName", of: cell)
        let predictor = try required("predictorName", of: cell)
        let text = try required("value", of: cell)
        var entry =
          design[parameter]
          ?? PMMLGeneralRegressionBody.Cell(
            parameter: parameter, beta: 0, factors: [], covariates: [])
        let binding = try resolve(predictor, in: scope, at: cell)
        if factors.contains(predictor) {
          entry.factors.append(
            (
              predictor, .slot(binding.slot),
              try value(
                text, kind: binding.kind, dataType: binding.dataType,
                dataField: binding.dataField, at: cell)
            ))
        } else if covariates.contains(predictor) {
          guard let exponent = PMMLDataType.double.parseNumber(text) else {
            throw error(.invalidStructure, cell, "covariate exponent '\(text)' is not a number")
          }
          entry.covariates.append((predictor, try number(of: binding, at: cell), exponent))
        } else {
          throw error(
            .invalidStructure, cell,
            "predictor '\(predictor)' is in neither the FactorList nor the CovariateList")
        }
        design[parameter] = entry
      }
    }
    guard let paramMatrix = document.child(of: element, named: "ParamMatrix") else {
      throw error(.invalidStructure, element, "GeneralRegressionModel has no ParamMatrix")
    }
    var cells: [PMMLGeneralRegressionBody.Cell] = []
    for cell in document.children(of: paramMatrix, named: "PCell") where try matches(cell) {
      let parameter = try required("parameterName", of: cell)
      var entry =
        design[parameter]
        ?? PMMLGeneralRegressionBody.Cell(
          parameter: parameter, beta: 0, factors: [], covariates: [])
      entry.beta = try requiredNumber("beta", of: cell)
      cells.append(entry)
    }
    var offsetInput: PMMLExpression?
    if let name = attribute("offsetVariable", of: element) {
      offsetInput = try number(of: try resolve(name, in: scope, at: element), at: element)
    }
    var trialsInput: PMMLExpression?
    if let name = attribute("trialsVariable", of: element) {
      trialsInput = try number(of: try resolve(name, in: scope, at: element), at: element)
    }
    return PMMLGeneralRegressionBody(
      kind: kind, cells: cells, link: link, linkParameter: linkParameter,
      offsetValue: try number("offsetValue", of: element) ?? 0, offsetInput: offsetInput,
      trialsValue: try number("trialsValue", of: element), trialsInput: trialsInput,
      firstCategory: firstCategory)
  }

  /// The names of the predictors of a `FactorList` or `CovariateList`.
  private func predictorNames(_ element: PMMLElement, list: String) throws -> Set<String> {
    guard let listElement = document.child(of: element, named: list) else { return [] }
    return Set(
      try document.children(of: listElement, named: "Predictor").map {
        try required("name", of: $0)
      })
  }

  /// The first (modelled) category of a binary general regression model.
  ///
  /// It is the category that is not the reference. The reference is `targetReferenceCategory`, else the
  /// category no `PCell` names, else the last target category.
  private func referenceSplit(_ element: PMMLElement) throws -> (Int, String) {
    let targetOrder = dataFields[targetField ?? ""]?.validValues ?? categories
    var reference: Int?
    if let text = attribute("targetReferenceCategory", of: element) {
      reference = try categoryIndex(text, at: element)
    } else if let matrix = document.child(of: element, named: "ParamMatrix") {
      let named = try Set(
        document.children(of: matrix, named: "PCell").compactMap { cell in
          try attribute("targetCategory", of: cell).map { try categoryIndex($0, at: cell) }
        })
      if named.count == 1, let only = named.first { reference = 1 - only }
    }
    if reference == nil, let last = targetOrder.last {
      reference = try categoryIndex(last, at: element)
    }
    let first = 1 - (reference ?? 1)
    return (first, categories[first])
  }
}
