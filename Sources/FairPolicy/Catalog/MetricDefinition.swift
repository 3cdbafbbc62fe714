/// One entry of the ``MetricCatalog``: what a named metric measures and what it can be
/// compared with.
public struct MetricDefinition: Hashable, Sendable, Codable {
  /// The name rules use in `metric:`, such as `impact_ratio`.
  public var name: String
  /// A one-line description.
  public var summary: String
  /// What the metric is measured for.
  public var subject: SubjectKind
  /// The values it can take.
  public var domain: ValueDomain
  /// The inputs it needs beyond decisions and protected attributes.
  public var needs: MetricNeeds
  /// Whether the evidence can attach a significance test (and shortfall), so that rules can use
  /// `test` and the significance decision matrix.
  public var isTestable: Bool
  /// Which values are usually favourable.
  public var direction: MetricDirection

  /// Creates a catalog entry.
  public init(
    name: String, summary: String, subject: SubjectKind, domain: ValueDomain,
    needs: MetricNeeds = [], isTestable: Bool = false, direction: MetricDirection = .neutral
  ) {
    self.name = name
    self.summary = summary
    self.subject = subject
    self.domain = domain
    self.needs = needs
    self.isTestable = isTestable
    self.direction = direction
  }
}
