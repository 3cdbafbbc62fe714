/// The inputs beyond decisions and protected attributes that a metric needs.
///
/// Evidence is computed on demand: the audit looks at the needs of the metrics its rules name
/// and skips, for example, all attribution work when no rule needs attributions.
public struct MetricNeeds: OptionSet, Hashable, Sendable, Codable {
  /// The raw bits.
  public let rawValue: Int

  /// Creates a set from raw bits.
  public init(rawValue: Int) {
    self.rawValue = rawValue
  }

  /// Ground-truth labels (outcomes).
  public static let labels = MetricNeeds(rawValue: 1 << 0)
  /// Continuous scores (probability or margin), not only decisions.
  public static let scores = MetricNeeds(rawValue: 1 << 1)
  /// The model itself (its inputs, or the ability to re-score changed rows).
  public static let model = MetricNeeds(rawValue: 1 << 2)
  /// Feature attributions.
  public static let attributions = MetricNeeds(rawValue: 1 << 3)
  /// Adverse-action reason codes.
  public static let reasons = MetricNeeds(rawValue: 1 << 4)
  /// A declared loss or cost matrix.
  public static let loss = MetricNeeds(rawValue: 1 << 5)

  /// The names of the members, for documentation and reports.
  public var names: [String] {
    var result: [String] = []
    if contains(.labels) { result.append("labels") }
    if contains(.scores) { result.append("scores") }
    if contains(.model) { result.append("model") }
    if contains(.attributions) { result.append("attributions") }
    if contains(.reasons) { result.append("reasons") }
    if contains(.loss) { result.append("loss") }
    return result
  }
}
