/// A compiled `NormContinuous` element.
struct PMMLNormContinuous: Sendable {
  /// The `LinearNorm` points `(orig, norm)`, sorted by `orig`.
  var points: [(orig: Double, norm: Double)]
  /// The treatment of values outside the points' range.
  var outliers: PMMLOutlierTreatment
  /// The result for a missing value.
  var mapMissingTo: Double?
}
