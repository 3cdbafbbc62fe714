extension PMMLCompiler {
  /// The model elements FairGate evaluates.
  static let supportedModels: Set<String> = [
    "RegressionModel", "GeneralRegressionModel", "Scorecard", "TreeModel", "MiningModel",
    "NeuralNetwork",
  ]

  /// Every PMML 4.4 model element.
  static let modelNames: Set<String> = supportedModels.union([
    "AnomalyDetectionModel", "AssociationModel", "BayesianNetworkModel", "BaselineModel",
    "ClusteringModel", "GaussianProcessModel", "NaiveBayesModel", "NearestNeighborModel",
    "RuleSetModel", "SequenceModel", "SupportVectorMachineModel", "TextModel", "TimeSeriesModel",
  ])

  /// Children every model element may have besides its body.
  private static let commonChildren: Set<String> = [
    "Extension", "MiningSchema", "Output", "ModelStats", "ModelExplanation", "Targets",
    "LocalTransformations", "ModelVerification",
  ]

  /// The body elements of each model.
  private static let bodyChildren: [String: Set<String>] = [
    "RegressionModel": ["RegressionTable"],
    "GeneralRegressionModel": [
      "ParameterList", "FactorList", "CovariateList", "PPMatrix", "PCovMatrix", "ParamMatrix",
      "EventValues",
    ],
    "Scorecard": ["Characteristics"],
    "TreeModel": ["Node"],
    "MiningModel": ["Segmentation"],
    "NeuralNetwork": ["NeuralInputs", "NeuralLayer", "NeuralOutputs"],
  ]

  /// Compiles a model element.
  ///
  /// - Parameters:
  ///   - element: The model element.
  ///   - parent: The enclosing scope; `nil` for the top-level model.
  ///   - chainScope: For a segment of a model chain, the scope where its output fields
  ///     become visible to later segments.
  func compileModel(_ element: PMMLElement, parent: PMMLScope?, chainScope: PMMLScope? = nil)
    throws -> PMMLSubmodel
  {
    let name = document.name(of: element)
    guard PMMLCompiler.supportedModels.contains(name) else {
      throw error(
        .unsupported, element,
        "model element '\(name)' is not supported; FairGate evaluates RegressionModel, "
          + "GeneralRegressionModel, Scorecard, TreeModel, MiningModel and NeuralNetwork")
    }
    let functionName = try required("functionName", of: element)
    let function: PMMLSubmodel.Function
    switch functionName {
    case "regression": function = .regression
    case "classification": function = .classification
    default:
      throw error(
        .unsupported, element,
        "functionName '\(functionName)' is not supported; FairGate scores regression and "
          + "classification models")
    }
    guard try flag("isScorable", of: element, default: true) else {
      throw error(.unsupported, element, "the model is marked isScorable=\"false\"")
    }
    let isFloat: Bool
    switch attribute("x-mathContext", of: element) ?? "double" {
    case "double": isFloat = false
    case "float": isFloat = true
    case let other:
      throw error(.unsupported, element, "x-mathContext '\(other)' is not supported")
    }
    if function == .classification && categories.count != 2 {
      throw error(
        .unsupported, element, "a classification model inside a regression model is not supported")
    }
    let allowed = PMMLCompiler.commonChildren.union(PMMLCompiler.bodyChildren[name] ?? [])
    for child in document.children(of: element) where !allowed.contains(document.name(of: child)) {
      throw unsupported(child)
    }
    guard let schema = document.child(of: element, named: "MiningSchema") else {
      throw error(.invalidStructure, element, "model '\(name)' has no MiningSchema")
    }
    let scope = parent == nil ? topScope : makeScope(parent: parent)
    if parent != nil { try register(schema, in: scope) }
    if let transformations = document.child(of: element, named: "LocalTransformations") {
      for field in document.children(of: transformations, named: "DerivedField") {
        let fieldName = try required("name", of: field)
        guard scope.localDerived[fieldName] == nil else {
          throw error(.invalidStructure, field, "derived field '\(fieldName)' is defined twice")
        }
        scope.localDerived[fieldName] = field
      }
    }
    let targets = try compileTargets(element, function: function)
    let body: PMMLSubmodel.Body
    var isLogitLinked = false
    switch name {
    case "RegressionModel":
      let regression = try compileRegression(element, function: function, in: scope)
      body = .regression(regression)
      isLogitLinked = regression.normalization == .logit || regression.normalization == .softmax
    case "GeneralRegressionModel":
      let general = try compileGeneralRegression(element, function: function, in: scope)
      body = .generalRegression(general)
      isLogitLinked =
        general.kind == .multinomialLogistic
        || (general.kind == .generalizedLinear && general.link == .logit)
    case "Scorecard":
      guard function == .regression else {
        throw error(.unsupported, element, "a Scorecard with functionName 'classification'")
      }
      body = .scorecard(try compileScorecard(element, in: scope))
    case "TreeModel":
      body = .tree(try compileTree(element, function: function, isFloat: isFloat, in: scope))
    case "MiningModel":
      let mining = try compileMining(element, function: function, in: scope)
      body = .mining(mining.body)
      isLogitLinked = mining.isLogitLinked
    default:
      body = .neuralNetwork(try compileNeuralNetwork(element, function: function, in: scope))
    }
    var outputs: [PMMLOutputAssignment] = []
    if let chainScope {
      outputs = try compileOutputs(element, function: function, scope: scope, into: chainScope)
    }
    return PMMLSubmodel(
      elementName: name, function: function, body: body, isFloat: isFloat, targets: targets,
      outputs: outputs, isLogitLinked: function == .classification && isLogitLinked)
  }

  /// Registers a nested model's `MiningSchema`.
  private func register(_ schema: PMMLElement, in scope: PMMLScope) throws {
    for field in document.children(of: schema, named: "MiningField") {
      let name = try required("name", of: field)
      scope.miningFields[name] = field
      let usage = attribute("usageType", of: field) ?? "active"
      let changes =
        attribute("missingValueReplacement", of: field) != nil
        || attribute("missingValueTreatment", of: field) == "returnInvalid"
        || (attribute("outliers", of: field) ?? "asIs") != "asIs"
      if changes && (usage == "active" || usage == "group" || usage == "order") {
        scope.changesInputs = true
      }
    }
  }

  /// Compiles the `Targets` of a model.
  private func compileTargets(_ element: PMMLElement, function: PMMLSubmodel.Function) throws
    -> PMMLTargets
  {
    guard let targetsElement = document.child(of: element, named: "Targets") else {
      return .none
    }
    let list = document.children(of: targetsElement, named: "Target")
    var modelTarget: String?
    if let schema = document.child(of: element, named: "MiningSchema") {
      modelTarget = document.children(of: schema, named: "MiningField").first {
        let usage = attribute("usageType", of: $0)
        return usage == "target" || usage == "predicted"
      }.flatMap { attribute("name", of: $0) }
    }
    let chosen =
      list.count == 1 ? list.first : list.first { attribute("field", of: $0) == modelTarget }
    guard let target = chosen else { return .none }
    var targets = PMMLTargets()
    targets.minimum = try number("min", of: target)
    targets.maximum = try number("max", of: target)
    targets.rescaleFactor = try number("rescaleFactor", of: target) ?? 1
    targets.rescaleConstant = try number("rescaleConstant", of: target) ?? 0
    if let cast = attribute("castInteger", of: target) {
      guard let parsed = PMMLTargets.CastInteger(rawValue: cast) else {
        throw error(.unsupported, target, "castInteger '\(cast)' is not supported")
      }
      targets.castInteger = parsed
    }
    for targetValue in document.children(of: target, named: "TargetValue") {
      switch function {
      case .regression:
        if let value = try number("defaultValue", of: targetValue) { targets.defaultValue = value }
      case .classification:
        guard let prior = try number("priorProbability", of: targetValue),
          let text = attribute("value", of: targetValue)
        else { continue }
        let category = try categoryIndex(text, at: targetValue)
        if category == 1 {
          targets.positivePrior = prior
        } else if targets.positivePrior == nil {
          targets.positivePrior = 1 - prior
        }
      }
    }
    return targets
  }

  /// Compiles the output fields of a model chain's segment and makes them visible in
  /// `chainScope`.
  private func compileOutputs(
    _ element: PMMLElement, function: PMMLSubmodel.Function, scope: PMMLScope,
    into chainScope: PMMLScope
  ) throws -> [PMMLOutputAssignment] {
    guard let output = document.child(of: element, named: "Output") else { return [] }
    var assignments: [PMMLOutputAssignment] = []
    let everyFeature = Set(0..<featureCount)
    for field in document.children(of: output, named: "OutputField") {
      let name = try required("name", of: field)
      let feature = attribute("feature", of: field) ?? "predictedValue"
      let declared = try dataType("dataType", of: field)
      var kind: PMMLValueKind
      var type: PMMLDataType
      let assigned: PMMLOutputAssignment.Feature
      switch feature {
      case "predictedValue":
        if function == .classification {
          kind = PMMLCompiler.kind(dataType: targetDataType, opType: .categorical)
          type = targetDataType
        } else {
          kind = .number
          type = declared ?? .double
        }
        assigned = .predictedValue
      case "probability":
        guard let text = attribute("value", of: field), function == .classification else {
          chainScope.unavailable[name] =
            "output field '\(name)' is a probability without a category value"
          continue
        }
        kind = .number
        type = .double
        assigned = .probability(try categoryIndex(text, at: field))
      case "transformedValue":
        guard let expressionElement = content(of: field).first else {
          throw error(.invalidStructure, field, "output field '\(name)' has no expression")
        }
        let typed = try compileExpression(
          expressionElement, in: scope, hint: declared.map { ($0, nil) })
        type = declared ?? typed.dataType
        kind = declared.map { PMMLCompiler.kind(dataType: $0, opType: .continuous) } ?? typed.kind
        if type == .string { kind = .symbol(.text) }
        assigned = .transformedValue(
          try coerce(typed, to: kind, dataType: type, at: expressionElement))
      default:
        chainScope.unavailable[name] =
          "output field '\(name)' has feature '\(feature)', which FairGate does not compute"
        continue
      }
      var cast: PMMLCast?
      if kind == .number && declared == .float { cast = .float }
      if kind == .number && declared == .integer { cast = .integer }
      if kind == .number && declared == .float { type = .float }
      let slot = addSlot(.assigned, name: name, features: everyFeature)
      let binding = PMMLBinding(
        slot: slot, kind: kind, dataType: type,
        opType: kind == .number ? .continuous : .categorical, dataField: nil, ranks: nil)
      scope.bindings[name] = binding
      chainScope.bindings[name] = binding
      chainScope.unavailable[name] = nil
      assignments.append(PMMLOutputAssignment(slot: slot, feature: assigned, cast: cast))
    }
    return assignments
  }

  /// The binary index (0 negative, 1 positive) of target category `text`.
  func categoryIndex(_ text: String, at element: PMMLElement) throws -> Int {
    if let index = categories.firstIndex(of: text) { return index }
    if targetDataType.isNumeric || targetDataType == .boolean,
      let number = targetDataType.parseNumber(text) ?? PMMLDataType.double.parseNumber(text)
    {
      for (index, category) in categories.enumerated()
      where (targetDataType.parseNumber(category) ?? PMMLDataType.double.parseNumber(category))
        == number
      {
        return index
      }
    }
    throw error(
      .unsupported, element,
      "category '\(text)' is not one of the target categories "
        + categories.map { "'\($0)'" }.joined(separator: ", ")
        + "; multiclass models and models of another target are not supported")
  }
}
