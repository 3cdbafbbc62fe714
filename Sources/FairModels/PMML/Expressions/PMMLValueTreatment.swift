/// The missing-value and outlier rules of a `MiningField` inside a nested model.
struct PMMLValueTreatment: Sendable {
  /// The replacement of a missing value.
  var missingReplacement: Double?
  /// Whether a missing value fails the row (`missingValueTreatment="returnInvalid"`).
  var missingFails: Bool
  /// The treatment of numbers outside `[low, high]`.
  var outliers: PMMLOutlierTreatment
  /// The lower outlier bound.
  var low: Double
  /// The upper outlier bound.
  var high: Double
  /// The field name, for messages.
  var field: String
}
