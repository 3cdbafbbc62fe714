/// The metrics that policies can name, with what each measures and what it can be compared
/// with.
///
/// The catalog is data: adding a metric is adding one ``MetricDefinition`` (and teaching the
/// evidence to compute it). The rules engine asks its environment for values by name only and
/// has no metric-specific code.
public struct MetricCatalog: Hashable, Sendable {
  /// The entries, in documentation order.
  public private(set) var metrics: [MetricDefinition]
  private var index: [String: Int]

  /// Creates a catalog from entries; a later entry with an existing name replaces it.
  public init(_ metrics: [MetricDefinition]) {
    self.metrics = []
    self.index = [:]
    for metric in metrics { add(metric) }
  }

  /// Adds `metric`, replacing any entry of the same name.
  public mutating func add(_ metric: MetricDefinition) {
    if let position = index[metric.name] {
      metrics[position] = metric
    } else {
      index[metric.name] = metrics.count
      metrics.append(metric)
    }
  }

  /// The entry named `name`, if any.
  public func definition(named name: String) -> MetricDefinition? {
    index[name].map { metrics[$0] }
  }

  /// Every metric name, in documentation order.
  public var names: [String] { metrics.map(\.name) }

  /// The catalog FairGate ships.
  public static let standard = MetricCatalog(
    sliceMetrics + groupingMetrics + featureMetrics + featureInSliceMetrics + reasonMetrics
      + lossMetrics)
}
