/// One entry under `rules:` as written; every field but the id may be absent, because a child
/// policy overrides only the keys it gives.
struct RuleDeclaration {
  /// Where the rule's mapping starts.
  var position: SourcePosition
  /// `id`.
  var id: Located<String>
  /// `title`.
  var title: Located<String>?
  /// `metric`.
  var metric: Located<String>?
  /// `over`.
  var over: Located<GroupingScope>?
  /// `features`.
  var features: Located<FeatureScope>?
  /// `require`, with the position of each bound.
  var requirement: Located<Requirement>?
  /// The positions of the requirement's bounds.
  var boundPositions: [SourcePosition] = []
  /// `severity`.
  var severity: Located<Severity>?
  /// `min_group_size`.
  var minimumGroupSize: Located<Int>?
  /// `test`.
  var test: Located<SignificanceTest>?
  /// `alpha`.
  var alpha: Located<Double>?
  /// `citation`.
  var citations: Located<[Citation]>?
  /// `rationale`.
  var rationale: Located<String>?
  /// `advisory`.
  var advisory: Located<Bool>?
  /// `enabled`.
  var enabled: Located<Bool>?
  /// The position of each grouping under `over` (one for a scalar).
  var overItemPositions: [SourcePosition] = []
  /// The position of each name under `features` (one for a scalar).
  var featureItemPositions: [SourcePosition] = []
  /// Whether the mapping has a `metric` key, even one whose value was rejected.
  var hasMetricKey = false

  /// Writes the fields this declaration gives over `rule`.
  func apply(to rule: inout PolicyRule) {
    if let title { rule.title = title.value }
    if let metric { rule.metric = metric.value }
    if let over {
      rule.over = over.value
      rule.scopeLocations = rule.scopeLocations.filter { !$0.key.hasPrefix("over.") }
    }
    if let features {
      rule.features = features.value
      rule.scopeLocations = rule.scopeLocations.filter { !$0.key.hasPrefix("features.") }
    }
    if let requirement { rule.requirement = requirement.value }
    if let severity { rule.severity = severity.value }
    if let minimumGroupSize { rule.minimumGroupSize = minimumGroupSize.value }
    if let test { rule.test = test.value }
    if let alpha { rule.alpha = alpha.value }
    if let citations { rule.citations = citations.value }
    if let rationale { rule.rationale = rationale.value }
    if let advisory { rule.isAdvisory = advisory.value }
    if let enabled { rule.isEnabled = enabled.value }
  }
}
