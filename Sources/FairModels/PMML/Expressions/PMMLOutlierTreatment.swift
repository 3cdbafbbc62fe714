/// The treatment of continuous values outside a range (`outliers` attributes).
enum PMMLOutlierTreatment: String, Sendable, Hashable {
  /// Keep them (extrapolate, for `NormContinuous`).
  case asIs
  /// Make them missing.
  case asMissingValues
  /// Clamp them to the range.
  case asExtremeValues
}
