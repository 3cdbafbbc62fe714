extension PMMLCompiler {
  /// The PMML namespace versions FairGate reads.
  static let namespaceVersions: Set<String> = [
    "3_0", "3_1", "3_2", "4_0", "4_1", "4_2", "4_3", "4_4",
  ]

  /// Compiles the whole document.
  func compile() throws -> PMMLCompiledDocument {
    let root = document.root
    guard document.name(of: root) == "PMML" else {
      throw error(
        .unknownFormat, root,
        "the root element is '\(document.name(of: root))'; a PMML document starts with <PMML>")
    }
    try checkNamespace(root)
    guard let dictionary = document.child(of: root, named: "DataDictionary") else {
      throw error(.invalidStructure, root, "the document has no DataDictionary")
    }
    try readDataDictionary(dictionary)
    if let transformations = document.child(of: root, named: "TransformationDictionary") {
      for child in content(of: transformations) {
        let name = try required("name", of: child)
        switch document.name(of: child) {
        case "DerivedField": globalDerived[name] = child
        case "DefineFunction": functions[name] = child
        default: throw unsupported(child)
        }
      }
    }
    let models = document.children(of: root).filter {
      PMMLCompiler.modelNames.contains(document.name(of: $0))
    }
    guard let model = models.first else {
      throw error(.invalidStructure, root, "the document holds no model element")
    }
    guard let schema = document.child(of: model, named: "MiningSchema") else {
      throw error(.invalidStructure, model, "the model has no MiningSchema")
    }
    let inputs = try readTopSchema(schema)
    let functionName = attribute("functionName", of: model)
    if functionName == "classification" {
      try setUpCategories(model)
    }
    let submodel = try compileModel(model, parent: nil)
    var finalRules: [PMMLInputRule] = []
    for input in inputs {
      let rule = try finalRule(input)
      finalRules.append(rule)
      slots[input.slot] = .input(feature: input.feature, rule: finalRules.count - 1)
    }
    let categoryValues = try categories.map {
      try value(
        $0, kind: PMMLCompiler.kind(dataType: targetDataType, opType: .categorical),
        dataType: targetDataType, dataField: nil, at: model)
    }
    let program = PMMLProgram(
      slots: slots, expressions: expressions, inputRules: finalRules, slotNames: slotNames,
      symbols: symbols, root: submodel, featureSlots: inputs.map(\.slot),
      categoryValues: categoryValues)
    return PMMLCompiledDocument(
      program: program, rules: finalRules, inputs: inputs, modelElement: model,
      version: attribute("version", of: root) ?? "", categories: categories,
      targetField: targetField, trees: trees, slotFeatures: slotFeatures,
      extraModels: models.count - 1)
  }

  private func checkNamespace(_ root: PMMLElement) throws {
    let namespace = document.namespace(of: root)
    guard !namespace.isEmpty else { return }
    for prefix in ["http://www.dmg.org/PMML-", "https://www.dmg.org/PMML-"]
    where namespace.hasPrefix(prefix) {
      let version = String(namespace.dropFirst(prefix.count))
      if PMMLCompiler.namespaceVersions.contains(version) { return }
      throw error(
        .unsupported, root,
        "PMML namespace version '\(version)' is not supported; FairGate reads PMML 3.0 to 4.4")
    }
    throw error(
      .unknownFormat, root, "the root element is in namespace '\(namespace)', not a PMML one")
  }

  private func readDataDictionary(_ dictionary: PMMLElement) throws {
    for field in document.children(of: dictionary, named: "DataField") {
      let name = try required("name", of: field)
      // jpmml-evaluator refuses a repeated name ("Element DataField is not valid").
      if dataFields[name] != nil {
        throw error(
          .invalidStructure, field, "field '\(name)' is already defined in the DataDictionary")
      }
      let typeText = try required("dataType", of: field)
      let type = PMMLDataType(rawValue: typeText)
      let opTypeText = attribute("optype", of: field)
      let opType =
        opTypeText.flatMap(PMMLOpType.init(rawValue:))
        ?? (type == .string || type == .boolean ? .categorical : .continuous)
      var values: [PMMLDataFieldInfo.Value] = []
      for valueElement in document.children(of: field, named: "Value") {
        let property = attribute("property", of: valueElement) ?? "valid"
        let status: PMMLInputRule.Status
        switch property {
        case "valid": status = .valid
        case "invalid": status = .invalid
        case "missing": status = .missing
        default:
          throw error(.invalidStructure, valueElement, "Value property '\(property)' is unknown")
        }
        values.append(
          PMMLDataFieldInfo.Value(text: try required("value", of: valueElement), status: status))
      }
      let intervals = try document.children(of: field, named: "Interval").map { try interval($0) }
      dataFields[name] = PMMLDataFieldInfo(
        name: name, dataType: type ?? .string, opType: opType, values: values,
        intervals: intervals, element: field, unsupportedType: type == nil ? typeText : nil)
    }
  }

  /// One active field of the top-level model.
  struct TopInput {
    var name: String
    var feature: Int
    var slot: Int
    var field: PMMLDataFieldInfo
    var opType: PMMLOpType
    var kind: PMMLValueKind
    var miningField: PMMLElement
  }

  private func readTopSchema(_ schema: PMMLElement) throws -> [TopInput] {
    var inputs: [TopInput] = []
    var listed: Set<String> = []
    for miningField in document.children(of: schema, named: "MiningField") {
      let name = try required("name", of: miningField)
      // jpmml-evaluator refuses a repeated name ("Element MiningField is not valid").
      guard listed.insert(name).inserted else {
        throw error(
          .invalidStructure, miningField, "field '\(name)' is listed twice in the MiningSchema")
      }
      let usage = attribute("usageType", of: miningField) ?? "active"
      if usage == "target" || usage == "predicted" {
        // jpmml-evaluator: "Expected 1 target field, got 2 target fields".
        if let first = targetField {
          throw error(
            .unsupported, miningField,
            "'\(name)' is a second target field (after '\(first)'); models with several "
              + "targets are not supported")
        }
        targetField = name
        continue
      }
      guard usage == "active" else { continue }
      guard let field = dataFields[name] else {
        throw error(
          .invalidStructure, miningField, "active field '\(name)' is not in the DataDictionary")
      }
      if let unsupportedType = field.unsupportedType {
        throw error(
          .unsupported, field.element,
          "field '\(name)' has dataType '\(unsupportedType)'; FairGate reads string, integer, "
            + "float, double and boolean fields")
      }
      let opType = try choice("optype", of: miningField, default: field.opType)
      let kind = PMMLCompiler.kind(dataType: field.dataType, opType: opType)
      let feature = inputs.count
      let slot = addSlot(.assigned, name: name, features: [feature])
      topScope.bindings[name] = PMMLBinding(
        slot: slot, kind: kind, dataType: field.dataType, opType: opType, dataField: name,
        ranks: nil)
      inputs.append(
        TopInput(
          name: name, feature: feature, slot: slot, field: field, opType: opType, kind: kind,
          miningField: miningField))
    }
    featureCount = inputs.count
    for (index, input) in inputs.enumerated() where input.opType == .ordinal {
      guard case .symbol = input.kind else { continue }
      var ranks: [Double: Double] = [:]
      for (rank, text) in input.field.validValues.enumerated() {
        let id = try value(
          text, kind: input.kind, dataType: input.field.dataType, dataField: input.name,
          at: input.field.element)
        if ranks[id] == nil { ranks[id] = Double(rank) }
      }
      topScope.bindings[inputs[index].name]?.ranks = ranks
    }
    return inputs
  }
}
