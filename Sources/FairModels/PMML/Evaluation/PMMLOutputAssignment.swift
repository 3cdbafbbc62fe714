/// An `OutputField` of a segment's model, written to a slot after the model predicts.
struct PMMLOutputAssignment: Sendable {
  /// What the field reports.
  enum Feature: Sendable {
    /// The predicted value: the number, or the predicted category's runtime value.
    case predictedValue
    /// The probability of category 0 or 1.
    case probability(Int)
    /// An expression over other fields.
    case transformedValue(PMMLExpression)
  }

  /// The slot written.
  var slot: Int
  /// What is written.
  var feature: Feature
  /// A conversion to the field's `dataType`, if any.
  var cast: PMMLCast?
}
