extension PMMLCompiler {
  /// Resolves field `name` as seen from `scope` (see ``PMMLScope`` for the order).
  ///
  /// - Throws: `ModelError` for an undefined field, a field defined in terms of itself, or
  ///   an output of an earlier segment that FairGate cannot compute.
  func resolve(_ name: String, in scope: PMMLScope, at element: PMMLElement) throws
    -> PMMLBinding
  {
    if let binding = scope.bindings[name] { return binding }
    if let reason = scope.unavailable[name] { throw error(.unsupported, element, reason) }
    let key = "\(scope.identifier):\(name)"
    guard resolving.insert(key).inserted else {
      throw error(.invalidStructure, element, "field '\(name)' is defined in terms of itself")
    }
    defer { resolving.remove(key) }
    let binding: PMMLBinding
    if let derived = scope.localDerived[name] {
      binding = try compileDerivedField(derived, in: scope)
    } else if let miningField = scope.miningFields[name], let parent = scope.parent {
      let base = try resolve(name, in: parent, at: element)
      binding = try treat(base, with: miningField)
    } else if let global = globalDerived[name] {
      let host = globalHost(for: scope)
      if host !== scope {
        binding = try resolve(name, in: host, at: element)
      } else {
        binding = try compileDerivedField(global, in: scope)
      }
    } else if let parent = scope.parent {
      binding = try resolve(name, in: parent, at: element)
    } else if dataFields[name] != nil {
      throw error(
        .invalidStructure, element,
        "field '\(name)' is used, but it is not an active field of the top-level MiningSchema")
    } else {
      throw error(.invalidStructure, element, "field '\(name)' is not defined")
    }
    scope.bindings[name] = binding
    return binding
  }

  /// The scope in which a `TransformationDictionary` field seen from `scope` is computed:
  /// the innermost enclosing scope that changes inputs, else the top level.
  private func globalHost(for scope: PMMLScope) -> PMMLScope {
    var current: PMMLScope? = scope
    while let candidate = current {
      if candidate.changesInputs { return candidate }
      current = candidate.parent
    }
    return topScope
  }

  /// Applies a nested model's `MiningField` treatment to a field of the enclosing scope.
  private func treat(_ base: PMMLBinding, with miningField: PMMLElement) throws -> PMMLBinding {
    guard let treatment = try nestedTreatment(miningField, kind: base.kind, base: base) else {
      return base
    }
    let slot = addDerivedSlot(
      .treatment(.slot(base.slot), treatment), name: treatment.field,
      features: slotFeatures[base.slot])
    var binding = base
    binding.slot = slot
    return binding
  }

  /// The treatment a nested `MiningField` gives its field, or `nil` when it changes nothing.
  func nestedTreatment(_ miningField: PMMLElement, kind: PMMLValueKind, base: PMMLBinding?)
    throws -> PMMLValueTreatment?
  {
    let usage = attribute("usageType", of: miningField) ?? "active"
    guard usage == "active" || usage == "group" || usage == "order" else { return nil }
    let name = try required("name", of: miningField)
    var replacement: Double?
    if let text = attribute("missingValueReplacement", of: miningField) {
      replacement = try value(
        text, kind: kind, dataType: base?.dataType ?? .double, dataField: base?.dataField,
        at: miningField)
    }
    let missingFails = attribute("missingValueTreatment", of: miningField) == "returnInvalid"
    let outliers: PMMLOutlierTreatment = try choice("outliers", of: miningField, default: .asIs)
    let low = try number("lowValue", of: miningField) ?? -.infinity
    let high = try number("highValue", of: miningField) ?? .infinity
    if replacement == nil && !missingFails && (outliers == .asIs || kind != .number) {
      return nil
    }
    return PMMLValueTreatment(
      missingReplacement: replacement, missingFails: missingFails,
      outliers: kind == .number ? outliers : .asIs, low: low, high: high, field: name)
  }

  /// Compiles a `DerivedField` into a slot.
  func compileDerivedField(_ element: PMMLElement, in scope: PMMLScope) throws -> PMMLBinding {
    let name = try required("name", of: element)
    let declaredType = try dataType("dataType", of: element)
    let declaredOpType: PMMLOpType? = try attribute("optype", of: element).map { text in
      guard let opType = PMMLOpType(rawValue: text) else {
        throw error(.unsupported, element, "optype '\(text)' is not supported")
      }
      return opType
    }
    guard let body = content(of: element).first else {
      throw error(.invalidStructure, element, "derived field '\(name)' has no expression")
    }
    let typed = try compileExpression(
      body, in: scope, hint: declaredType.map { ($0, declaredOpType) })
    let type = declaredType ?? typed.dataType
    let opType = declaredOpType ?? (typed.kind == .number ? .continuous : .categorical)
    let kind = declaredType == nil ? typed.kind : PMMLCompiler.kind(dataType: type, opType: opType)
    var expression = try coerce(typed, to: kind, dataType: type, at: body)
    if kind == .number && type == .float && typed.dataType != .float {
      expression = .cast(expression, .float)
    } else if kind == .number && type == .integer && typed.dataType != .integer {
      expression = .cast(expression, .integer)
    }
    let keepsField = kind == typed.kind && typed.constantText == nil
    if case .slot(let existing) = expression {
      return PMMLBinding(
        slot: existing, kind: kind, dataType: type, opType: opType,
        dataField: keepsField ? typed.dataField : nil, ranks: typed.ranks)
    }
    let slot = addDerivedSlot(expression, name: name, features: features(of: expression))
    return PMMLBinding(
      slot: slot, kind: kind, dataType: type, opType: opType,
      dataField: keepsField ? typed.dataField : nil, ranks: typed.ranks)
  }

  /// Converts `typed` to the representation `kind`.
  ///
  /// A `Constant` is read again in the target type; numbers and numeric categories convert
  /// into each other; a number never becomes a text category.
  func coerce(
    _ typed: PMMLTypedExpression, to kind: PMMLValueKind, dataType: PMMLDataType,
    dataField: String? = nil, at element: PMMLElement
  ) throws -> PMMLExpression {
    if let text = typed.constantText {
      return .constant(
        try value(text, kind: kind, dataType: dataType, dataField: dataField, at: element))
    }
    switch (typed.kind, kind) {
    case (.number, .number):
      return typed.expression
    case (.symbol(let from), .symbol(let to)) where from == to:
      return typed.expression
    case (.symbol, .number):
      if let ranks = typed.ranks {
        return .lookup(
          typed.expression, table: ranks, unknown: .nan,
          failure: "a category outside the declared order is compared")
      }
      return .cast(typed.expression, .symbolToNumber)
    case (.number, .symbol(.numeric)):
      return .cast(typed.expression, .numberToSymbol)
    case (.symbol(.text), .symbol(.numeric)):
      return .cast(.cast(typed.expression, .symbolToNumber), .numberToSymbol)
    case (.number, .symbol(.text)), (.symbol(.numeric), .symbol(.text)):
      throw error(
        .unsupported, element,
        "a number is used where a text category is expected; FairGate does not format numbers "
          + "as text")
    default:
      return typed.expression
    }
  }
}
