/// Turns a parsed PMML document into a ``PMMLProgram``: resolves every field reference to a
/// slot, parses every constant by the data type of the field it meets, and refuses
/// everything it cannot evaluate exactly, naming the element.
///
/// The compiler is a reference type used once, by ``PMMLModelLoader``, on one thread.
final class PMMLCompiler {
  /// The document.
  let document: PMMLXMLDocument
  /// The file name, for messages.
  let file: String
  /// The categories mentioned so far.
  var symbols = PMMLSymbolTable()
  /// The slots defined so far.
  var slots: [PMMLSlot] = []
  /// The expressions of derived slots.
  var expressions: [PMMLExpression] = []
  /// The field name of each slot.
  var slotNames: [String] = []
  /// The features each slot depends on.
  var slotFeatures: [Set<Int>] = []
  /// The data dictionary, by name.
  var dataFields: [String: PMMLDataFieldInfo] = [:]
  /// The `TransformationDictionary` derived fields, by name.
  var globalDerived: [String: PMMLElement] = [:]
  /// The `DefineFunction` elements, by name.
  var functions: [String: PMMLElement] = [:]
  /// Per data field, the texts the model compares it with, in order of first use.
  var referencedValues: [String: [String]] = [:]
  /// Every `TreeModel` compiled, in document order.
  var trees: [PMMLTree] = []
  /// The target categories `[negative, positive]` of a classifier.
  var categories: [String] = []
  /// The target field's data type.
  var targetDataType = PMMLDataType.string
  /// The target field's name.
  var targetField: String?
  /// The number of features.
  var featureCount = 0
  /// The top-level scope.
  var topScope = PMMLScope(parent: nil, identifier: 0)
  /// Names being resolved, to detect cycles.
  var resolving: Set<String> = []
  /// The limits on the number of trees and their nodes.
  var limits = ModelLimits.standard
  /// The depth of nested function inlining, bounded against recursive functions.
  var inliningDepth = 0
  private var nextScopeIdentifier = 1

  init(document: PMMLXMLDocument, file: String) {
    self.document = document
    self.file = file
  }

  /// Creates a scope nested in `parent`.
  func makeScope(parent: PMMLScope?) -> PMMLScope {
    defer { nextScopeIdentifier += 1 }
    return PMMLScope(parent: parent, identifier: nextScopeIdentifier)
  }

  /// Adds a slot computed by `expression` and returns its number.
  func addDerivedSlot(_ expression: PMMLExpression, name: String, features: Set<Int>) -> Int {
    expressions.append(expression)
    return addSlot(.derived(expressions.count - 1), name: name, features: features)
  }

  /// Adds a slot and returns its number.
  func addSlot(_ slot: PMMLSlot, name: String, features: Set<Int>) -> Int {
    slots.append(slot)
    slotNames.append(name)
    slotFeatures.append(features)
    return slots.count - 1
  }

  // MARK: Errors

  /// An error at `element`.
  func error(_ kind: ModelError.Kind, _ element: PMMLElement, _ message: String) -> ModelError {
    ModelError(
      kind, file: file, line: document.line(of: element), place: document.path(of: element),
      message: message)
  }

  /// An `unsupported` error for an element FairGate does not evaluate.
  func unsupported(_ element: PMMLElement, _ what: String? = nil) -> ModelError {
    let name = document.name(of: element)
    return error(
      .unsupported, element,
      what ?? "element '\(name)' is not supported; FairGate refuses to guess its meaning")
  }

  // MARK: Attributes

  /// The attribute `name` of `element`.
  func attribute(_ name: String, of element: PMMLElement) -> String? {
    document.attribute(name, of: element)
  }

  /// The attribute `name` of `element`, which must be present.
  func required(_ name: String, of element: PMMLElement) throws -> String {
    guard let value = document.attribute(name, of: element) else {
      throw error(
        .invalidStructure, element,
        "element '\(document.name(of: element))' lacks its required attribute '\(name)'")
    }
    return value
  }

  /// The numeric attribute `name` of `element`, or `defaultValue` when absent.
  func number(_ name: String, of element: PMMLElement, default defaultValue: Double? = nil)
    throws -> Double?
  {
    guard let text = document.attribute(name, of: element) else { return defaultValue }
    guard let value = PMMLDataType.parseDouble(text.trimmingWhitespace()) else {
      throw error(
        .invalidStructure, element, "attribute '\(name)' is '\(text)', which is not a number")
    }
    return value
  }

  /// The numeric attribute `name` of `element`, which must be present.
  func requiredNumber(_ name: String, of element: PMMLElement) throws -> Double {
    guard let value = try number(name, of: element) else {
      throw error(
        .invalidStructure, element,
        "element '\(document.name(of: element))' lacks its required attribute '\(name)'")
    }
    return value
  }

  /// The boolean attribute `name` of `element`, or `defaultValue` when absent.
  func flag(_ name: String, of element: PMMLElement, default defaultValue: Bool) throws -> Bool {
    guard let text = document.attribute(name, of: element) else { return defaultValue }
    switch text.trimmingWhitespace() {
    case "true", "1": return true
    case "false", "0": return false
    default:
      throw error(
        .invalidStructure, element, "attribute '\(name)' is '\(text)'; expected true or false")
    }
  }

  /// An enumerated attribute, refusing values FairGate does not know.
  func choice<Choice: RawRepresentable>(
    _ name: String, of element: PMMLElement, default defaultValue: Choice
  ) throws -> Choice where Choice.RawValue == String {
    guard let text = document.attribute(name, of: element) else { return defaultValue }
    guard let value = Choice(rawValue: text) else {
      throw error(
        .unsupported, element, "\(name) '\(text)' is not supported")
    }
    return value
  }

  /// The children of `element` that matter: everything but `Extension`.
  func content(of element: PMMLElement) -> [PMMLElement] {
    document.children(of: element).filter { document.name(of: $0) != "Extension" }
  }

  // MARK: Values

  /// Reads `text` as a value of `kind` and `dataType`, as a constant compared with a field.
  ///
  /// - Parameter dataField: The data field whose categories `text` belongs to, recorded so
  ///   that the field's levels include every category the model tests.
  func value(
    _ text: String, kind: PMMLValueKind, dataType: PMMLDataType, dataField: String?,
    at element: PMMLElement
  ) throws -> Double {
    switch kind {
    case .number:
      let type = dataType.isNumeric || dataType == .boolean ? dataType : .double
      guard let number = type.parseNumber(text) ?? PMMLDataType.double.parseNumber(text) else {
        throw error(
          .invalidStructure, element,
          "value '\(text)' is not a \(type.rawValue), as the field it is compared with")
      }
      return type == .float ? Double(Float(number)) : number
    case .symbol(let domain):
      guard let id = symbols.intern(text, domain: domain, dataType: dataType) else {
        throw error(
          .invalidStructure, element,
          "value '\(text)' is not a \(dataType.rawValue), as the field it is compared with")
      }
      if let dataField { noteReference(text, of: dataField) }
      return id
    }
  }

  /// Records that the model compares data field `field` with `text`.
  func noteReference(_ text: String, of field: String) {
    var list = referencedValues[field] ?? []
    if !list.contains(text) {
      list.append(text)
      referencedValues[field] = list
    }
  }

  /// The runtime representation of a field of this type.
  static func kind(dataType: PMMLDataType, opType: PMMLOpType) -> PMMLValueKind {
    switch dataType {
    case .string: return .symbol(.text)
    case .boolean: return .number
    case .integer, .float, .double: return opType == .continuous ? .number : .symbol(.numeric)
    }
  }

  /// The data type named by attribute `name` of `element`, refusing temporal types.
  func dataType(_ name: String, of element: PMMLElement) throws -> PMMLDataType? {
    guard let text = attribute(name, of: element) else { return nil }
    guard let type = PMMLDataType(rawValue: text) else {
      throw error(
        .unsupported, element,
        "dataType '\(text)' is not supported; FairGate reads string, integer, float, double "
          + "and boolean fields")
    }
    return type
  }

  /// The features that `expression` reads.
  func features(of expression: PMMLExpression) -> Set<Int> {
    switch expression {
    case .constant: return []
    case .slot(let slot): return slotFeatures[slot]
    case .cast(let inner, _), .lookup(let inner, _, _, _), .normContinuous(let inner, _),
      .normDiscrete(let inner, _, _), .discretize(let inner, _), .treatment(let inner, _):
      return features(of: inner)
    case .apply(let apply):
      return apply.arguments.reduce(into: Set<Int>()) { $0.formUnion(features(of: $1)) }
    case .mapValues(let map):
      return map.inputs.reduce(into: Set<Int>()) { $0.formUnion(features(of: $1)) }
    }
  }

  /// The features that `predicate` reads.
  func features(of predicate: PMMLPredicate) -> Set<Int> {
    switch predicate {
    case .constant: return []
    case .compare(let expression, _, _), .missing(let expression, _),
      .member(let expression, _, _):
      return features(of: expression)
    case .compound(_, let children):
      return children.reduce(into: Set<Int>()) { $0.formUnion(features(of: $1)) }
    }
  }
}
