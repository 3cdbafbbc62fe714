extension PMMLCompiler {
  /// Decides the two target categories of a binary classifier and which one is positive.
  ///
  /// The categories are the target `DataField`'s valid values, or, when it lists none, the
  /// categories the model itself names. The positive class is, in order of precedence:
  /// the category of the only final `OutputField` with `feature="probability"`; the second
  /// valid value of the target `DataField`; the category of the last final probability
  /// output field; the second category in sorted order (numeric when all are numbers).
  func setUpCategories(_ model: PMMLElement) throws {
    guard let target = targetField else {
      throw error(
        .invalidStructure, model, "a classification model needs a target field in its MiningSchema")
    }
    guard let field = dataFields[target] else {
      throw error(.invalidStructure, model, "target field '\(target)' is not in the DataDictionary")
    }
    targetDataType = field.dataType
    var list: [String] = []
    let isNumeric = field.dataType.isNumeric || field.dataType == .boolean
    func add(_ text: String) {
      let number = isNumeric ? PMMLDataType.double.parseNumber(text) : nil
      let duplicate = list.contains {
        $0 == text || (number != nil && PMMLDataType.double.parseNumber($0) == number)
      }
      if !duplicate { list.append(text) }
    }
    let declared = field.validValues
    if declared.isEmpty {
      collectCategories(model, into: add, isClassificationTree: false)
    } else {
      declared.forEach(add)
    }
    guard list.count <= 2 else {
      throw error(
        .unsupported, field.element,
        "target '\(target)' has \(list.count) categories ("
          + list.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
          + "); multiclass classification is not supported yet")
    }
    guard list.count == 2 else {
      throw error(
        .invalidStructure, field.element,
        "target '\(target)' has \(list.count) category; a classifier needs two")
    }
    var probabilityOutputs: [String] = []
    if let output = document.child(of: model, named: "Output") {
      for outputField in document.children(of: output, named: "OutputField")
      where attribute("feature", of: outputField) == "probability"
        && attribute("isFinalResult", of: outputField) != "false"
      {
        if let value = attribute("value", of: outputField) { probabilityOutputs.append(value) }
      }
    }
    categories = list
    var positive: String
    if probabilityOutputs.count == 1, let only = probabilityOutputs.first {
      positive = only
    } else if declared.count == 2 {
      positive = list[1]
    } else if let last = probabilityOutputs.last {
      positive = last
    } else {
      let numbers = list.map { PMMLDataType.double.parseNumber($0) }
      if let first = numbers[0], let second = numbers[1] {
        positive = first < second ? list[1] : list[0]
      } else {
        positive = list[0] < list[1] ? list[1] : list[0]
      }
    }
    let index = try categoryIndex(positive, at: model)
    categories = [list[1 - index], list[index]]
  }

  private func collectCategories(
    _ element: PMMLElement, into add: (String) -> Void, isClassificationTree: Bool
  ) {
    let name = document.name(of: element)
    let attributes: [String]
    switch name {
    case "RegressionTable", "PCell", "PPCell": attributes = ["targetCategory"]
    case "GeneralRegressionModel": attributes = ["targetReferenceCategory"]
    case "ScoreDistribution", "TargetValue", "NormDiscrete": attributes = ["value"]
    case "Node": attributes = isClassificationTree ? ["score"] : []
    default: attributes = []
    }
    for attributeName in attributes {
      if let text = attribute(attributeName, of: element) { add(text) }
    }
    let isTree =
      name == "TreeModel"
      ? attribute("functionName", of: element) == "classification"
      : isClassificationTree
    for child in document.children(of: element) {
      if document.name(of: child) == "NeuralInputs"
        || document.name(of: child) == "LocalTransformations"
      {
        continue
      }
      collectCategories(child, into: add, isClassificationTree: isTree)
    }
  }

  /// The preparation rule of an active field, once the model's references are known.
  func finalRule(_ input: TopInput) throws -> PMMLInputRule {
    let field = input.field
    let miningField = input.miningField
    let isCategorical = input.kind != .number || field.dataType == .boolean
    var levels: [String] = []
    var levelValues: [Double] = []
    var levelStatus: [PMMLInputRule.Status] = []
    let hasValid = field.values.contains { $0.status == .valid }
    func add(_ text: String, _ status: PMMLInputRule.Status) throws {
      let runtime: Double
      if case .symbol = input.kind {
        runtime = try value(
          text, kind: input.kind, dataType: field.dataType, dataField: nil, at: field.element)
      } else {
        runtime = field.dataType.parseNumber(text) ?? .nan
      }
      if !runtime.isNaN && levelValues.contains(runtime) { return }
      levels.append(text)
      levelValues.append(runtime)
      levelStatus.append(runtime.isNaN && status == .valid ? .invalid : status)
    }
    var missingValues = Set<Double>()
    var invalidValues = Set<Double>()
    var validValues = Set<Double>()
    if isCategorical {
      for value in field.values { try add(value.text, value.status) }
      for text in referencedValues[input.name] ?? [] { try add(text, hasValid ? .invalid : .valid) }
      if field.dataType == .boolean && levels.isEmpty {
        try add("false", .valid)
        try add("true", .valid)
      }
    } else {
      for value in field.values {
        guard let number = field.dataType.parseNumber(value.text) else {
          throw error(
            .invalidStructure, field.element,
            "Value '\(value.text)' of field '\(input.name)' is not a \(field.dataType.rawValue)")
        }
        switch value.status {
        case .valid: validValues.insert(number)
        case .invalid: invalidValues.insert(number)
        case .missing: missingValues.insert(number)
        }
      }
    }
    func read(_ name: String) throws -> Double? {
      try attribute(name, of: miningField).map {
        try value($0, kind: input.kind, dataType: field.dataType, dataField: nil, at: miningField)
      }
    }
    let invalidTreatment: PMMLInvalidValueTreatment
    var invalidReplacement: Double?
    switch attribute("invalidValueTreatment", of: miningField) ?? "returnInvalid" {
    case "returnInvalid": invalidTreatment = .returnInvalid
    case "asIs": invalidTreatment = .asIs
    case "asMissing": invalidTreatment = .asMissing
    case "asValue":
      let text = try required("invalidValueReplacement", of: miningField)
      invalidTreatment = .asValue(text)
      invalidReplacement = try read("invalidValueReplacement")
    case let other:
      throw error(.unsupported, miningField, "invalidValueTreatment '\(other)' is not supported")
    }
    return PMMLInputRule(
      name: input.name, kind: input.kind, dataType: field.dataType, isCategorical: isCategorical,
      levelValues: levelValues, levelStatus: levelStatus,
      unseenStatus: hasValid ? .invalid : .valid, missingValues: missingValues,
      invalidValues: invalidValues, validValues: validValues,
      intervals: isCategorical ? [] : field.intervals,
      missingReplacement: try read("missingValueReplacement"),
      missingFails: attribute("missingValueTreatment", of: miningField) == "returnInvalid",
      invalidTreatment: invalidTreatment, invalidReplacement: invalidReplacement,
      outliers: try choice("outliers", of: miningField, default: .asIs),
      low: try number("lowValue", of: miningField) ?? -.infinity,
      high: try number("highValue", of: miningField) ?? .infinity, levels: levels)
  }
}
