/// The categories a model mentions, each with a small integer identifier.
///
/// Text categories are keyed by their exact text, numeric categories by their value, so
/// `"1"` in a string field and `1` in an integer field are different symbols, and `1` and
/// `1.0` in an integer field are the same one.
struct PMMLSymbolTable: Sendable {
  /// The identifier of a category that the model does not list.
  static let otherSymbol = -1.0

  /// The text of each symbol, for messages and reason codes.
  private(set) var texts: [String] = []
  /// The numeric value of each symbol, NaN when it is not a number.
  private(set) var numbers: [Double] = []
  private var textIDs: [String: Int] = [:]
  private var numberIDs: [Double: Int] = [:]

  /// The identifier of `text` in `domain`, adding it if needed.
  ///
  /// - Returns: `nil` when `domain` is numeric and `text` is not a number.
  mutating func intern(_ text: String, domain: PMMLSymbolDomain, dataType: PMMLDataType) -> Double?
  {
    switch domain {
    case .text:
      if let id = textIDs[text] { return Double(id) }
      let id = texts.count
      texts.append(text)
      numbers.append(PMMLDataType.parseDouble(text.trimmingWhitespace()) ?? .nan)
      textIDs[text] = id
      return Double(id)
    case .numeric:
      guard let value = dataType.parseNumber(text) ?? PMMLDataType.double.parseNumber(text) else {
        return nil
      }
      return intern(number: value, text: text)
    }
  }

  /// The identifier of the numeric category `value`, adding it if needed.
  mutating func intern(number value: Double, text: String) -> Double {
    let key = value == 0 ? 0 : value
    if let id = numberIDs[key] { return Double(id) }
    let id = texts.count
    texts.append(text)
    numbers.append(key)
    numberIDs[key] = id
    return Double(id)
  }

  /// The identifier of the numeric category `value`, if the model mentions it.
  func id(ofNumber value: Double) -> Double? {
    numberIDs[value == 0 ? 0 : value].map(Double.init)
  }

  /// The identifier of the text category `text`, if the model mentions it.
  func id(ofText text: String) -> Double? {
    textIDs[text].map(Double.init)
  }

  /// The text of symbol `id`, or `nil` for missing and unknown symbols.
  func text(of id: Double) -> String? {
    guard id >= 0, id < Double(texts.count) else { return nil }  // false for NaN
    return texts[Int(id)]
  }

  /// The numeric value of symbol `id`; NaN for missing, unknown or non-numeric symbols.
  func number(of id: Double) -> Double {
    guard id >= 0, id < Double(numbers.count) else { return .nan }  // false for NaN
    return numbers[Int(id)]
  }
}
