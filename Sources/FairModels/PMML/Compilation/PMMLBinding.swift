/// A field name resolved to a slot.
struct PMMLBinding: Sendable {
  /// The slot holding the value.
  var slot: Int
  /// The runtime representation.
  var kind: PMMLValueKind
  /// The declared data type.
  var dataType: PMMLDataType
  /// The operational type.
  var opType: PMMLOpType
  /// The data field this binding copies unchanged, if any: values compared with it are
  /// categories of that field.
  var dataField: String?
  /// For ordinal text fields: the rank of each declared symbol.
  var ranks: [Double: Double]?
}
