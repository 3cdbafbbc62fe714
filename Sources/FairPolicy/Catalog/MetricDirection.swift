/// Which values of a metric are usually the favourable ones: a hint for reports and for
/// policy authors, never used to decide a verdict (the requirement decides).
public enum MetricDirection: String, Hashable, Sendable, Codable, CaseIterable {
  /// Larger is better (impact ratios, rates of favourable outcomes).
  case higherIsBetter
  /// Smaller is better (gaps, losses, attribution to protected attributes).
  case lowerIsBetter
  /// Near 1 is better (ratios to a reference in both directions).
  case closerToOne
  /// Near 0 is better (signed differences).
  case closerToZero
  /// No direction: the figure is descriptive.
  case neutral
}
