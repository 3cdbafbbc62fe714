extension PMMLCompiler {
  /// The type a caller expects of an expression: a data type and, if known, an optype.
  typealias TypeHint = (dataType: PMMLDataType, opType: PMMLOpType?)

  /// Compiles an expression element.
  ///
  /// - Parameter hint: The declared type of the enclosing `DerivedField`, which decides how
  ///   constants such as `Discretize` bin values are read.
  func compileExpression(_ element: PMMLElement, in scope: PMMLScope, hint: TypeHint?) throws
    -> PMMLTypedExpression
  {
    switch document.name(of: element) {
    case "FieldRef":
      return try compileFieldRef(element, in: scope)
    case "Constant":
      return try compileConstant(element)
    case "Apply":
      return try compileApply(element, in: scope, hint: hint)
    case "NormContinuous":
      return try compileNormContinuous(element, in: scope)
    case "NormDiscrete":
      let binding = try resolve(try required("field", of: element), in: scope, at: element)
      let target = try value(
        try required("value", of: element), kind: binding.kind, dataType: binding.dataType,
        dataField: binding.dataField, at: element)
      let expression = PMMLExpression.normDiscrete(
        .slot(binding.slot), value: target, mapMissingTo: try number("mapMissingTo", of: element))
      return PMMLTypedExpression(expression: expression, kind: .number, dataType: .double)
    case "Discretize":
      return try compileDiscretize(element, in: scope, hint: hint)
    case "MapValues":
      return try compileMapValues(element, in: scope, hint: hint)
    default:
      throw unsupported(element, "expression '\(document.name(of: element))' is not supported")
    }
  }

  private func compileFieldRef(_ element: PMMLElement, in scope: PMMLScope) throws
    -> PMMLTypedExpression
  {
    let binding = try resolve(try required("field", of: element), in: scope, at: element)
    guard let text = attribute("mapMissingTo", of: element) else {
      return PMMLTypedExpression(
        expression: .slot(binding.slot), kind: binding.kind, dataType: binding.dataType,
        dataField: binding.dataField, ranks: binding.ranks)
    }
    let replacement = try value(
      text, kind: binding.kind, dataType: binding.dataType, dataField: binding.dataField,
      at: element)
    let treatment = PMMLValueTreatment(
      missingReplacement: replacement, missingFails: false, outliers: .asIs, low: -.infinity,
      high: .infinity, field: try required("field", of: element))
    return PMMLTypedExpression(
      expression: .treatment(.slot(binding.slot), treatment), kind: binding.kind,
      dataType: binding.dataType, ranks: binding.ranks)
  }

  private func compileConstant(_ element: PMMLElement) throws -> PMMLTypedExpression {
    if try flag("missing", of: element, default: false) {
      return PMMLTypedExpression(expression: .constant(.nan), kind: .number, dataType: .double)
    }
    let text = document.text(of: element)
    let declared = try dataType("dataType", of: element)
    let type: PMMLDataType
    if let declared {
      type = declared
    } else if PMMLDataType.integer.parseNumber(text) != nil {
      type = .integer
    } else {
      type = PMMLDataType.double.parseNumber(text) != nil ? .double : .string
    }
    let kind: PMMLValueKind = type == .string ? .symbol(.text) : .number
    let constant = try value(text, kind: kind, dataType: type, dataField: nil, at: element)
    return PMMLTypedExpression(
      expression: .constant(constant), kind: kind, dataType: type, constantText: text)
  }

  private func compileNormContinuous(_ element: PMMLElement, in scope: PMMLScope) throws
    -> PMMLTypedExpression
  {
    let binding = try resolve(try required("field", of: element), in: scope, at: element)
    let input = try number(of: binding, at: element)
    var points: [(orig: Double, norm: Double)] = []
    for point in document.children(of: element, named: "LinearNorm") {
      points.append(
        (try requiredNumber("orig", of: point), try requiredNumber("norm", of: point)))
    }
    guard points.count >= 2 else {
      throw error(.invalidStructure, element, "NormContinuous needs at least two LinearNorm points")
    }
    points.sort { $0.orig < $1.orig }
    let norm = PMMLNormContinuous(
      points: points, outliers: try choice("outliers", of: element, default: .asIs),
      mapMissingTo: try number("mapMissingTo", of: element))
    return PMMLTypedExpression(
      expression: .normContinuous(input, norm), kind: .number, dataType: .double)
  }

  /// The value of a binding as a number (a category's number, or its ordinal rank).
  func number(of binding: PMMLBinding, at element: PMMLElement) throws -> PMMLExpression {
    try coerce(
      PMMLTypedExpression(
        expression: .slot(binding.slot), kind: binding.kind, dataType: binding.dataType,
        ranks: binding.ranks),
      to: .number, dataType: .double, at: element)
  }

  /// The result type of an element with bin or table values: declared, hinted, or inferred
  /// (numbers when every value is a number).
  private func resultType(_ element: PMMLElement, hint: TypeHint?, values: [String]) throws
    -> (kind: PMMLValueKind, dataType: PMMLDataType)
  {
    let type: PMMLDataType
    if let declared = try dataType("dataType", of: element) {
      type = declared
    } else if let hint {
      type = hint.dataType
    } else {
      type =
        values.allSatisfy({ PMMLDataType.double.parseNumber($0) != nil }) ? .double : .string
    }
    let opType = hint?.opType ?? (type == .string ? .categorical : .continuous)
    return (PMMLCompiler.kind(dataType: type, opType: opType), type)
  }

  private func compileDiscretize(_ element: PMMLElement, in scope: PMMLScope, hint: TypeHint?)
    throws -> PMMLTypedExpression
  {
    let binding = try resolve(try required("field", of: element), in: scope, at: element)
    let input = try number(of: binding, at: element)
    let binElements = document.children(of: element, named: "DiscretizeBin")
    var texts = try binElements.map { try required("binValue", of: $0) }
    texts += ["mapMissingTo", "defaultValue"].compactMap { attribute($0, of: element) }
    let (kind, type) = try resultType(element, hint: hint, values: texts)
    var bins: [(interval: PMMLInterval, value: Double)] = []
    for bin in binElements {
      guard let intervalElement = document.child(of: bin, named: "Interval") else {
        throw error(.invalidStructure, bin, "DiscretizeBin has no Interval")
      }
      bins.append(
        (
          try interval(intervalElement),
          try value(
            try required("binValue", of: bin), kind: kind, dataType: type, dataField: nil, at: bin)
        ))
    }
    let read: (String) throws -> Double? = { [unowned self] name in
      try attribute(name, of: element).map {
        try value($0, kind: kind, dataType: type, dataField: nil, at: element)
      }
    }
    let discretize = PMMLDiscretize(
      bins: bins, mapMissingTo: try read("mapMissingTo"), defaultValue: try read("defaultValue"))
    return PMMLTypedExpression(
      expression: .discretize(input, discretize), kind: kind, dataType: type)
  }

  /// Reads an `Interval` element.
  func interval(_ element: PMMLElement) throws -> PMMLInterval {
    let closure = try required("closure", of: element)
    let closures = [
      "openOpen": (false, false), "openClosed": (false, true), "closedOpen": (true, false),
      "closedClosed": (true, true),
    ]
    guard let (leftClosed, rightClosed) = closures[closure] else {
      throw error(.invalidStructure, element, "closure '\(closure)' is not an interval closure")
    }
    let left = try number("leftMargin", of: element) ?? -.infinity
    let right = try number("rightMargin", of: element) ?? .infinity
    // jpmml-evaluator refuses such an interval ("Element Interval is not valid").
    guard left <= right else {
      throw error(
        .invalidStructure, element,
        "leftMargin \(left) is greater than rightMargin \(right), so the interval is empty")
    }
    return PMMLInterval(
      left: left, right: right, isLeftClosed: leftClosed, isRightClosed: rightClosed)
  }

  private func compileMapValues(_ element: PMMLElement, in scope: PMMLScope, hint: TypeHint?)
    throws -> PMMLTypedExpression
  {
    if let locator = document.child(of: element, named: "TableLocator") {
      throw unsupported(
        locator, "MapValues with a TableLocator (an external table) is not supported")
    }
    guard let table = document.child(of: element, named: "InlineTable") else {
      throw error(.invalidStructure, element, "MapValues has no InlineTable")
    }
    let outputColumn = PMMLCompiler.localName(try required("outputColumn", of: element))
    var inputs: [(column: String, binding: PMMLBinding)] = []
    for pair in document.children(of: element, named: "FieldColumnPair") {
      let binding = try resolve(try required("field", of: pair), in: scope, at: pair)
      inputs.append((PMMLCompiler.localName(try required("column", of: pair)), binding))
    }
    let rows = document.children(of: table, named: "row")
    func cell(_ row: PMMLElement, _ column: String) -> String? {
      document.children(of: row).first { document.name(of: $0) == column }.map {
        document.text(of: $0)
      }
    }
    var texts = rows.compactMap { cell($0, outputColumn) }
    texts += ["mapMissingTo", "defaultValue"].compactMap { attribute($0, of: element) }
    let (kind, type) = try resultType(element, hint: hint, values: texts)
    var matches: [[Double]] = []
    var outputs: [Double] = []
    for row in rows {
      guard let output = cell(row, outputColumn) else { continue }
      var values: [Double] = []
      for (column, binding) in inputs {
        guard let text = cell(row, column) else {
          values.append(.nan)
          continue
        }
        values.append(
          (try? value(
            text, kind: binding.kind, dataType: binding.dataType, dataField: binding.dataField,
            at: row)) ?? .nan)
      }
      matches.append(values)
      outputs.append(try value(output, kind: kind, dataType: type, dataField: nil, at: row))
    }
    let read: (String) throws -> Double? = { [unowned self] name in
      try attribute(name, of: element).map {
        try value($0, kind: kind, dataType: type, dataField: nil, at: element)
      }
    }
    let map = PMMLMapValues(
      inputs: inputs.map { .slot($0.binding.slot) }, rows: matches, outputs: outputs,
      mapMissingTo: try read("mapMissingTo"), defaultValue: try read("defaultValue"))
    return PMMLTypedExpression(expression: .mapValues(map), kind: kind, dataType: type)
  }

  /// The part of a qualified name after its prefix (`data:input` → `input`).
  static func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }
}
