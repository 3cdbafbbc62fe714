/// A compiled expression with its type.
struct PMMLTypedExpression {
  /// The expression.
  var expression: PMMLExpression
  /// The runtime representation.
  var kind: PMMLValueKind
  /// The data type.
  var dataType: PMMLDataType
  /// For a `Constant`, its text, so that it can be read in the type of what it meets.
  var constantText: String?
  /// The data field the expression copies unchanged, if any.
  var dataField: String?
  /// For ordinal text fields: the rank of each declared symbol.
  var ranks: [Double: Double]?
}
