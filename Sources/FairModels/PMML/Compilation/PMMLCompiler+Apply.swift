extension PMMLCompiler {
  /// Compiles an `Apply` element: a built-in function, or a `DefineFunction` inlined.
  func compileApply(_ element: PMMLElement, in scope: PMMLScope, hint: TypeHint?) throws
    -> PMMLTypedExpression
  {
    let name = try required("function", of: element)
    if let definition = functions[name] {
      return try inline(definition, at: element, in: scope)
    }
    guard let function = PMMLFunction(rawValue: name) else {
      throw error(
        .unsupported, element,
        "function '\(name)' is not supported; FairGate evaluates the arithmetic, comparison, "
          + "boolean and mathematical built-in functions")
    }
    let argumentElements = content(of: element)
    let (minimum, maximum) = function.arity
    guard argumentElements.count >= minimum && argumentElements.count <= maximum else {
      throw error(
        .invalidStructure, element,
        "function '\(name)' takes \(minimum == maximum ? "\(minimum)" : "at least \(minimum)") "
          + "arguments, found \(argumentElements.count)")
    }
    let arguments = try argumentElements.map {
      try compileExpression($0, in: scope, hint: nil)
    }
    var compiled: [PMMLExpression]
    var kind = PMMLValueKind.number
    var type = function.isBoolean ? PMMLDataType.boolean : .double
    var comparesSymbols = false
    switch function {
    case .isMissing, .isNotMissing:
      compiled = arguments.map(\.expression)
    case .equal, .notEqual, .isIn, .isNotIn:
      let common = unify(arguments, hint: nil)
      compiled = try zip(arguments, argumentElements).map {
        try coerce(
          $0, to: common.kind, dataType: common.dataType, dataField: common.dataField, at: $1)
      }
      if case .symbol = common.kind { comparesSymbols = true }
    case .if:
      let branches = Array(arguments.dropFirst())
      let common = unify(branches, hint: hint)
      kind = common.kind
      type = common.dataType
      compiled = [try coerce(arguments[0], to: .number, dataType: .boolean, at: element)]
      for (branch, branchElement) in zip(branches, argumentElements.dropFirst()) {
        compiled.append(
          try coerce(
            branch, to: kind, dataType: type, dataField: common.dataField, at: branchElement))
      }
    default:
      compiled = try zip(arguments, argumentElements).map {
        try coerce($0, to: .number, dataType: .double, at: $1)
      }
    }
    let invalid: PMMLInvalidValueTreatment
    switch attribute("invalidValueTreatment", of: element) ?? "returnInvalid" {
    case "returnInvalid": invalid = .returnInvalid
    case "asIs": invalid = .asIs
    case "asMissing": invalid = .asMissing
    case let other:
      throw error(.unsupported, element, "invalidValueTreatment '\(other)' is not supported")
    }
    let read: (String) throws -> Double? = { [unowned self] attributeName in
      try attribute(attributeName, of: element).map {
        try value($0, kind: kind, dataType: type, dataField: nil, at: element)
      }
    }
    let apply = PMMLApply(
      function: function, arguments: compiled, mapMissingTo: try read("mapMissingTo"),
      defaultValue: try read("defaultValue"), invalidTreatment: invalid,
      comparesSymbols: comparesSymbols)
    return PMMLTypedExpression(expression: .apply(apply), kind: kind, dataType: type)
  }

  /// The common representation of values that are compared or chosen between.
  ///
  /// Fields decide: categories of one domain stay categories, anything else becomes a
  /// number. Constants alone follow `hint`, else are numbers when they all parse as numbers.
  private func unify(_ arguments: [PMMLTypedExpression], hint: TypeHint?) -> (
    kind: PMMLValueKind, dataType: PMMLDataType, dataField: String?
  ) {
    let fields = arguments.filter { $0.constantText == nil }
    if fields.isEmpty {
      if let hint {
        let opType = hint.opType ?? (hint.dataType == .string ? .categorical : .continuous)
        return (PMMLCompiler.kind(dataType: hint.dataType, opType: opType), hint.dataType, nil)
      }
      let allNumbers = arguments.allSatisfy { $0.kind == .number }
      return allNumbers ? (.number, .double, nil) : (.symbol(.text), .string, nil)
    }
    let kinds = Set(fields.map(\.kind))
    if kinds.count == 1, let only = kinds.first, case .symbol = only {
      let dataFields = Set(fields.compactMap(\.dataField))
      return (only, fields[0].dataType, dataFields.count == 1 ? dataFields.first : nil)
    }
    return (.number, .double, nil)
  }

  /// Inlines a `DefineFunction`: its parameters become slots holding the arguments.
  private func inline(_ definition: PMMLElement, at element: PMMLElement, in scope: PMMLScope)
    throws -> PMMLTypedExpression
  {
    guard inliningDepth < 32 else {
      throw error(
        .invalidStructure, element,
        "functions call each other more than 32 deep; a function may be recursive")
    }
    inliningDepth += 1
    defer { inliningDepth -= 1 }
    let parameters = document.children(of: definition, named: "ParameterField")
    let argumentElements = content(of: element)
    guard parameters.count == argumentElements.count else {
      throw error(
        .invalidStructure, element,
        "function '\(try required("function", of: element))' takes \(parameters.count) "
          + "arguments, found \(argumentElements.count)")
    }
    let functionScope = makeScope(parent: nil)
    for (parameter, argumentElement) in zip(parameters, argumentElements) {
      let argument = try compileExpression(argumentElement, in: scope, hint: nil)
      let type = try dataType("dataType", of: parameter) ?? argument.dataType
      let opType = try choice(
        "optype", of: parameter,
        default: argument.kind == .number ? PMMLOpType.continuous : .categorical)
      let kind = PMMLCompiler.kind(dataType: type, opType: opType)
      let expression = try coerce(argument, to: kind, dataType: type, at: argumentElement)
      let slot = addDerivedSlot(
        expression, name: try required("name", of: parameter), features: features(of: expression))
      functionScope.bindings[try required("name", of: parameter)] = PMMLBinding(
        slot: slot, kind: kind, dataType: type, opType: opType, dataField: argument.dataField,
        ranks: argument.ranks)
    }
    let bodyElements = content(of: definition).filter {
      document.name(of: $0) != "ParameterField"
    }
    guard let body = bodyElements.first else {
      throw error(.invalidStructure, definition, "DefineFunction has no expression")
    }
    let type = try dataType("dataType", of: definition)
    let result = try compileExpression(
      body, in: functionScope, hint: type.map { ($0, nil) })
    guard let type else { return result }
    let opType = try choice(
      "optype", of: definition, default: type == .string ? PMMLOpType.categorical : .continuous)
    let kind = PMMLCompiler.kind(dataType: type, opType: opType)
    return PMMLTypedExpression(
      expression: try coerce(result, to: kind, dataType: type, at: body), kind: kind,
      dataType: type)
  }
}
