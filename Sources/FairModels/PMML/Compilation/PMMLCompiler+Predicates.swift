extension PMMLCompiler {
  /// The names of the predicate elements.
  static let predicateNames: Set<String> = [
    "SimplePredicate", "CompoundPredicate", "SimpleSetPredicate", "True", "False",
  ]

  /// The predicate child of `element` (a `Node`, `Segment` or `Attribute`).
  func predicateElement(of element: PMMLElement) throws -> PMMLElement {
    guard
      let found = document.children(of: element).first(where: {
        PMMLCompiler.predicateNames.contains(document.name(of: $0))
      })
    else {
      throw error(
        .invalidStructure, element,
        "element '\(document.name(of: element))' has no predicate (SimplePredicate, "
          + "CompoundPredicate, SimpleSetPredicate, True or False)")
    }
    return found
  }

  /// Compiles a predicate element.
  func compilePredicate(_ element: PMMLElement, in scope: PMMLScope) throws -> PMMLPredicate {
    switch document.name(of: element) {
    case "True":
      return .constant(true)
    case "False":
      return .constant(false)
    case "SimplePredicate":
      return try compileSimplePredicate(element, in: scope)
    case "SimpleSetPredicate":
      return try compileSetPredicate(element, in: scope)
    case "CompoundPredicate":
      let op: PMMLBooleanOperator = try choice(
        "booleanOperator", of: element, default: PMMLBooleanOperator.and)
      guard attribute("booleanOperator", of: element) != nil else {
        throw error(.invalidStructure, element, "CompoundPredicate lacks its booleanOperator")
      }
      let children = try content(of: element).map { child -> PMMLPredicate in
        guard PMMLCompiler.predicateNames.contains(document.name(of: child)) else {
          throw unsupported(child)
        }
        return try compilePredicate(child, in: scope)
      }
      guard !children.isEmpty else {
        throw error(.invalidStructure, element, "CompoundPredicate has no predicates")
      }
      return .compound(op, children)
    default:
      throw unsupported(element, "predicate '\(document.name(of: element))' is not supported")
    }
  }

  private func compileSimplePredicate(_ element: PMMLElement, in scope: PMMLScope) throws
    -> PMMLPredicate
  {
    let binding = try resolve(try required("field", of: element), in: scope, at: element)
    let op = try required("operator", of: element)
    if op == "isMissing" || op == "isNotMissing" {
      return .missing(.slot(binding.slot), isMissing: op == "isMissing")
    }
    guard let comparison = PMMLComparison(rawValue: op) else {
      throw error(.unsupported, element, "operator '\(op)' is not supported")
    }
    let text = try required("value", of: element)
    if !comparison.isOrdering || binding.kind == .number {
      let constant = try value(
        text, kind: binding.kind, dataType: binding.dataType, dataField: binding.dataField,
        at: element)
      return .compare(.slot(binding.slot), comparison, constant)
    }
    if let ranks = binding.ranks {
      let symbol = try value(
        text, kind: binding.kind, dataType: binding.dataType, dataField: binding.dataField,
        at: element)
      guard let rank = ranks[symbol] else {
        throw error(
          .invalidStructure, element,
          "value '\(text)' is not one of the declared values of ordinal field '\(binding.dataField ?? "")'"
        )
      }
      return .compare(try number(of: binding, at: element), comparison, rank)
    }
    guard case .symbol(.numeric) = binding.kind else {
      throw error(
        .unsupported, element,
        "operator '\(op)' orders the categories of a string field that declares no order")
    }
    guard let constant = binding.dataType.parseNumber(text) else {
      throw error(
        .invalidStructure, element, "value '\(text)' is not a \(binding.dataType.rawValue)")
    }
    return .compare(.cast(.slot(binding.slot), .symbolToNumber), comparison, constant)
  }

  private func compileSetPredicate(_ element: PMMLElement, in scope: PMMLScope) throws
    -> PMMLPredicate
  {
    let binding = try resolve(try required("field", of: element), in: scope, at: element)
    let op = try required("booleanOperator", of: element)
    guard op == "isIn" || op == "isNotIn" else {
      throw error(.unsupported, element, "booleanOperator '\(op)' is not supported")
    }
    guard let array = document.child(of: element, named: "Array") else {
      throw error(.invalidStructure, element, "SimpleSetPredicate has no Array")
    }
    let tokens = try arrayTokens(array)
    var values = try tokens.map {
      try value(
        $0, kind: binding.kind, dataType: binding.dataType, dataField: binding.dataField,
        at: array)
    }
    values = Array(Set(values)).sorted()
    return .member(.slot(binding.slot), values: values, isIn: op == "isIn")
  }

  /// The entries of an `Array`: white-space separated, with double-quoted entries that may
  /// hold spaces and `\"` escapes.
  func arrayTokens(_ element: PMMLElement) throws -> [String] {
    let text = document.text(of: element)
    var tokens: [String] = []
    var current = ""
    var inQuotes = false
    var hasToken = false
    var iterator = text.makeIterator()
    while let character = iterator.next() {
      if inQuotes {
        if character == "\\" {
          if let next = iterator.next() { current.append(next) }
        } else if character == "\"" {
          inQuotes = false
        } else {
          current.append(character)
        }
      } else if character == "\"" {
        inQuotes = true
        hasToken = true
      } else if character == " " || character == "\t" || character == "\n" || character == "\r" {
        if hasToken { tokens.append(current) }
        current = ""
        hasToken = false
      } else {
        current.append(character)
        hasToken = true
      }
    }
    guard !inQuotes else {
      throw error(.invalidStructure, element, "Array has an unterminated quoted entry")
    }
    if hasToken { tokens.append(current) }
    // Compared as a `Double`: `Int(declared)` would trap on n="1e300", NaN or infinity.
    if let declared = try number("n", of: element), declared != Double(tokens.count) {
      let text = Int(exactly: declared).map(String.init) ?? "\(declared)"
      throw error(
        .invalidStructure, element, "Array declares n=\(text) entries but holds \(tokens.count)")
    }
    return tokens
  }
}
