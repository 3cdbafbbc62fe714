public import FairMetrics

/// The `fairgate metrics` result: the evidence without verdicts, as a versioned document
/// (`fairgate.metrics/1`).
public struct MetricsDocument: Codable, Sendable, Equatable {
  /// The schema version written in every document.
  public static let schemaVersion = "fairgate.metrics/1"

  /// The schema version, ``schemaVersion``.
  public var schema = MetricsDocument.schemaVersion
  /// The data file, as given.
  public var data: String
  /// Its rows.
  public var rows: Int
  /// The model, when one scored the data.
  public var model: String?
  /// How scores became decisions, when they did.
  public var decisionRule: String?
  /// The confidence level of every interval.
  public var confidenceLevel: Double
  /// The bootstrap replicates.
  public var bootstrapReplicates: Int
  /// The bootstrap seed.
  public var seed: UInt64
  /// The group metrics, one entry per grouping.
  public var groupings: [GroupingMetrics]
  /// The attribution summaries and gap decompositions, when asked for.
  public var attributions: [AttributionSummary]?
  /// The attribution method used, and why `auto` chose it.
  public var attributionMethod: String?
  /// The proxy screen, when asked for.
  public var proxies: [ProxyAssociation]?
  /// The counterfactual flips of protected model inputs, when asked for.
  public var flips: [CounterfactualFlip]?

  /// Creates a document.
  public init(
    data: String, rows: Int, model: String?, decisionRule: String?, confidenceLevel: Double,
    bootstrapReplicates: Int, seed: UInt64, groupings: [GroupingMetrics],
    attributions: [AttributionSummary]? = nil, attributionMethod: String? = nil,
    proxies: [ProxyAssociation]? = nil, flips: [CounterfactualFlip]? = nil
  ) {
    self.data = data
    self.rows = rows
    self.model = model
    self.decisionRule = decisionRule
    self.confidenceLevel = confidenceLevel
    self.bootstrapReplicates = bootstrapReplicates
    self.seed = seed
    self.groupings = groupings
    self.attributions = attributions
    self.attributionMethod = attributionMethod
    self.proxies = proxies
    self.flips = flips
  }
}
