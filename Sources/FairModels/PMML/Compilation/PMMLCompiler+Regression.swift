extension PMMLCompiler {
  /// Compiles a `RegressionModel`.
  func compileRegression(
    _ element: PMMLElement, function: PMMLSubmodel.Function, in scope: PMMLScope
  ) throws -> PMMLRegressionBody {
    let normalization: PMMLNormalization = try choice(
      "normalizationMethod", of: element, default: PMMLNormalization.none)
    let allowed: Set<PMMLNormalization> = [
      .none, .logit, .probit, .cloglog, .loglog, .cauchit, .exp, .softmax, .simplemax,
    ]
    guard allowed.contains(normalization) else {
      throw error(
        .unsupported, element, "normalizationMethod '\(normalization.rawValue)' is not supported")
    }
    let tableElements = document.children(of: element, named: "RegressionTable")
    var tables: [PMMLRegressionTable] = []
    for tableElement in tableElements {
      tables.append(try compileTable(tableElement, function: function, in: scope))
    }
    switch function {
    case .regression:
      guard tables.count == 1 else {
        throw error(
          .invalidStructure, element,
          "a regression model needs exactly one RegressionTable, found \(tables.count)")
      }
      guard normalization != .simplemax else {
        throw error(.invalidStructure, element, "normalizationMethod 'simplemax' needs categories")
      }
    case .classification:
      guard tables.count <= 2 else {
        throw error(
          .unsupported, element,
          "the model has \(tables.count) RegressionTables; multiclass models are not supported")
      }
      guard tables.count == 2, tables[0].category != tables[1].category else {
        throw error(
          .invalidStructure, element,
          "a binary classifier needs two RegressionTables for different target categories")
      }
      guard normalization != .exp else {
        throw error(.invalidStructure, element, "normalizationMethod 'exp' is for regression")
      }
    }
    return PMMLRegressionBody(tables: tables, normalization: normalization)
  }

  private func compileTable(
    _ element: PMMLElement, function: PMMLSubmodel.Function, in scope: PMMLScope
  ) throws -> PMMLRegressionTable {
    var category = -1
    if function == .classification {
      category = try categoryIndex(try required("targetCategory", of: element), at: element)
    }
    var table = PMMLRegressionTable(
      intercept: try number("intercept", of: element) ?? 0, numeric: [], categorical: [],
      products: [], category: category)
    for child in content(of: element) {
      switch document.name(of: child) {
      case "NumericPredictor":
        let name = try required("name", of: child)
        let binding = try resolve(name, in: scope, at: child)
        table.numeric.append(
          PMMLRegressionTable.NumericTerm(
            field: name, input: try number(of: binding, at: child),
            exponent: try number("exponent", of: child) ?? 1,
            coefficient: try requiredNumber("coefficient", of: child)))
      case "CategoricalPredictor":
        let name = try required("name", of: child)
        let binding = try resolve(name, in: scope, at: child)
        let label = try required("value", of: child)
        table.categorical.append(
          PMMLRegressionTable.CategoricalTerm(
            field: name, input: .slot(binding.slot),
            value: try value(
              label, kind: binding.kind, dataType: binding.dataType,
              dataField: binding.dataField, at: child),
            label: label, coefficient: try requiredNumber("coefficient", of: child)))
      case "PredictorTerm":
        var fields: [String] = []
        var inputs: [PMMLExpression] = []
        for reference in document.children(of: child, named: "FieldRef") {
          let name = try required("field", of: reference)
          fields.append(name)
          inputs.append(try number(of: try resolve(name, in: scope, at: reference), at: reference))
        }
        table.products.append(
          PMMLRegressionTable.ProductTerm(
            fields: fields, inputs: inputs,
            coefficient: try requiredNumber("coefficient", of: child)))
      default:
        throw unsupported(child)
      }
    }
    return table
  }
}
