/// Typed access to the fields of a model document, with errors that say where the field is.
///
/// `place` arguments name the field as a person finds it in the file, for example
/// `'learner.objective.name'` or `tree 3, 'left_children'`. Every failure is a `ModelError`
/// of kind `malformed`.
extension JSONDocument {
  /// The member `key` of `object`, which must exist.
  func member(_ key: String, of object: JSONObject, in place: String) throws(ModelError)
    -> JSONValue
  {
    guard let value = object[key] else {
      throw malformed(place, "has no member '\(key)'")
    }
    return value
  }

  /// `value` as an object.
  func object(_ value: JSONValue, at place: String) throws(ModelError) -> JSONObject {
    guard case .object(let object) = value else {
      throw malformed(place, "expected an object, found \(value.typeDescription)")
    }
    return object
  }

  /// `value` as an array.
  func array(_ value: JSONValue, at place: String) throws(ModelError) -> [JSONValue] {
    guard case .array(let elements) = value else {
      throw malformed(place, "expected an array, found \(value.typeDescription)")
    }
    return elements
  }

  /// `value` as a string.
  func string(_ value: JSONValue, at place: String) throws(ModelError) -> String {
    guard case .string(let text) = value else {
      throw malformed(place, "expected a string, found \(value.typeDescription)")
    }
    return text
  }

  /// `value` as an integer: a JSON integer, or a string holding one (XGBoost writes scalar
  /// parameters such as `num_nodes` as strings).
  func integer(_ value: JSONValue, at place: String) throws(ModelError) -> Int {
    switch value {
    case .number(let number):
      if let integer = integer(number) { return integer }
      throw malformed(place, "expected an integer, found '\(text(of: number))'")
    case .string(let text):
      if let integer = Int(text.trimmingSpaces) { return integer }
      throw malformed(place, "expected an integer, found '\(text)'")
    default:
      throw malformed(place, "expected an integer, found \(value.typeDescription)")
    }
  }

  /// An array of integers, one per node; `tree` and `field` name each bad element's place.
  func integers(_ value: JSONValue, tree: Int, field: String) throws(ModelError) -> [Int] {
    let elements = try array(value, at: ModelError.treePlace(tree: tree, field: field))
    var result: [Int] = []
    result.reserveCapacity(elements.count)
    for (node, element) in elements.enumerated() {
      guard case .number(let number) = element, let integer = integer(number) else {
        throw malformed(
          ModelError.treePlace(tree: tree, node: node, field: field),
          "expected an integer, found \(describe(element))")
      }
      result.append(integer)
    }
    return result
  }

  /// An array of float32 numbers, one per node, each parsed straight to `Float`.
  func floats(_ value: JSONValue, tree: Int, field: String) throws(ModelError) -> [Float] {
    let elements = try array(value, at: ModelError.treePlace(tree: tree, field: field))
    var result: [Float] = []
    result.reserveCapacity(elements.count)
    for (node, element) in elements.enumerated() {
      guard case .number(let number) = element else {
        throw malformed(
          ModelError.treePlace(tree: tree, node: node, field: field),
          "expected a number, found \(describe(element))")
      }
      result.append(float(number))
    }
    return result
  }

  /// An array of flags, one per node: `0`/`1` (XGBoost 1.6 and later) or `false`/`true`
  /// (1.0–1.5).
  func flags(_ value: JSONValue, tree: Int, field: String) throws(ModelError) -> [Bool] {
    let elements = try array(value, at: ModelError.treePlace(tree: tree, field: field))
    var result: [Bool] = []
    result.reserveCapacity(elements.count)
    for (node, element) in elements.enumerated() {
      switch element {
      case .bool(let flag):
        result.append(flag)
      case .number(let number) where integer(number) == 0 || integer(number) == 1:
        result.append(integer(number) == 1)
      default:
        throw malformed(
          ModelError.treePlace(tree: tree, node: node, field: field),
          "expected 0, 1, true or false, found \(describe(element))")
      }
    }
    return result
  }

  /// A value for messages: a number or string by its text, anything else by its type.
  func describe(_ value: JSONValue) -> String {
    switch value {
    case .number(let number): "'\(text(of: number))'"
    case .string(let text): "the string '\(text)'"
    default: value.typeDescription
    }
  }

  private func malformed(_ place: String, _ message: String) -> ModelError {
    ModelError(.malformed, file: fileName, place: place, message: message)
  }
}
