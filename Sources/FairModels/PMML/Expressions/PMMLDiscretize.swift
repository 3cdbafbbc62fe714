/// A compiled `Discretize` element.
struct PMMLDiscretize: Sendable {
  /// The bins in document order: the first whose interval holds the value wins.
  var bins: [(interval: PMMLInterval, value: Double)]
  /// The result for a missing value.
  var mapMissingTo: Double?
  /// The result when no bin holds the value.
  var defaultValue: Double?
}
