/// A `DataField` of the `DataDictionary`, as the compiler reads it.
struct PMMLDataFieldInfo {
  /// A `Value` element.
  struct Value {
    var text: String
    var status: PMMLInputRule.Status
  }

  /// The name.
  var name: String
  /// `dataType`.
  var dataType: PMMLDataType
  /// `optype`.
  var opType: PMMLOpType
  /// The `Value` elements, in document order.
  var values: [Value]
  /// The `Interval` elements.
  var intervals: [PMMLInterval]
  /// The element.
  var element: PMMLElement
  /// The declared data type when FairGate does not read it (`date`, …); an error only if
  /// the model uses the field.
  var unsupportedType: String?

  /// The values with `property="valid"` (or no property).
  var validValues: [String] { values.filter { $0.status == .valid }.map(\.text) }
}
