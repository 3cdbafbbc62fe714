/// A compiled `Apply` element.
///
/// A final class rather than a struct: expressions are read once per row per use, and a
/// reference costs one retain where a struct with arrays and optionals costs several.
final class PMMLApply: Sendable {
  /// The function.
  let function: PMMLFunction
  /// The arguments, in order.
  let arguments: [PMMLExpression]
  /// The result when any argument is missing.
  let mapMissingTo: Double?
  /// The result when the function's result is missing.
  let defaultValue: Double?
  /// What an undefined result (a logarithm of a negative number, a division by zero) does.
  let invalidTreatment: PMMLInvalidValueTreatment
  /// Whether the equality functions compare symbols, so that two unknown categories are
  /// not taken for equal.
  let comparesSymbols: Bool

  init(
    function: PMMLFunction, arguments: [PMMLExpression], mapMissingTo: Double?,
    defaultValue: Double?, invalidTreatment: PMMLInvalidValueTreatment, comparesSymbols: Bool
  ) {
    self.function = function
    self.arguments = arguments
    self.mapMissingTo = mapMissingTo
    self.defaultValue = defaultValue
    self.invalidTreatment = invalidTreatment
    self.comparesSymbols = comparesSymbols
  }
}
