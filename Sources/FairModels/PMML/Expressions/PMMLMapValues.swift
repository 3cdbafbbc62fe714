/// A compiled `MapValues` element.
struct PMMLMapValues: Sendable {
  /// The input fields, one per `FieldColumnPair`.
  var inputs: [PMMLExpression]
  /// Per table row, the value each input must equal (NaN never matches).
  var rows: [[Double]]
  /// Per table row, the output column's value.
  var outputs: [Double]
  /// The result when an input is missing.
  var mapMissingTo: Double?
  /// The result when no row matches.
  var defaultValue: Double?
}
