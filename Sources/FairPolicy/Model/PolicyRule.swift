/// One complete rule of a policy, after `extends` has been resolved.
public struct PolicyRule: Hashable, Sendable, Codable {
  /// The rule's id, unique within its policy.
  public var id: String
  /// A one-line title.
  public var title: String
  /// The metric it compares, a name from the ``MetricCatalog``.
  public var metric: String
  /// The groupings it covers; `nil` for metrics that take no groupings.
  public var over: GroupingScope?
  /// The features it covers; `nil` for metrics that take no features.
  public var features: FeatureScope?
  /// The comparison the value must meet; `nil` for a bookkeeping rule that only records it.
  public var requirement: Requirement?
  /// How serious a failure is.
  public var severity: Severity
  /// The smallest slice (and reference) judged; smaller ones get `insufficient-data`.
  public var minimumGroupSize: Int?
  /// The significance test, for testable metrics; `.none` otherwise.
  public var test: SignificanceTest
  /// The significance level of the test.
  public var alpha: Double
  /// The rule's sources, the primary one first.
  public var citations: [Citation]
  /// Why the rule exists, in prose.
  public var rationale: String?
  /// Whether the rule is advisory only (such as the four-fifths flag under NYC LL144).
  public var isAdvisory: Bool
  /// Whether the rule is evaluated; a child policy can disable an inherited rule.
  public var isEnabled: Bool
  /// The id of the policy that last declared or overrode the rule.
  public var declaredIn: String
  /// Where the rule was last declared or overridden.
  public var location: PolicyLocation?
  /// Where the scope items are written, keyed `over.0`, `over.1`, `features.0`, …, for
  /// diagnostics found after parsing (such as a grouping the audit does not declare).
  public var scopeLocations: [String: PolicyLocation]

  /// Creates a rule.
  public init(
    id: String, title: String, metric: String, over: GroupingScope? = nil,
    features: FeatureScope? = nil, requirement: Requirement? = nil, severity: Severity = .error,
    minimumGroupSize: Int? = nil, test: SignificanceTest = .none, alpha: Double = 0.05,
    citations: [Citation] = [], rationale: String? = nil, isAdvisory: Bool = false,
    isEnabled: Bool = true, declaredIn: String = "", location: PolicyLocation? = nil,
    scopeLocations: [String: PolicyLocation] = [:]
  ) {
    self.id = id
    self.title = title
    self.metric = metric
    self.over = over
    self.features = features
    self.requirement = requirement
    self.severity = severity
    self.minimumGroupSize = minimumGroupSize
    self.test = test
    self.alpha = alpha
    self.citations = citations
    self.rationale = rationale
    self.isAdvisory = isAdvisory
    self.isEnabled = isEnabled
    self.declaredIn = declaredIn
    self.location = location
    self.scopeLocations = scopeLocations
  }

  /// The primary source, if any.
  public var citation: Citation? { citations.first }
}
