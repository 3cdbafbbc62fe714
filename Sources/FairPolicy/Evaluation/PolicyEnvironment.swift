/// The named values a policy is evaluated against; the audit pipeline implements it.
///
/// The rules engine knows no data, model or metric code. For each enabled rule it asks the
/// environment which subjects the rule covers, then asks for each subject's measurement by
/// metric name. Implementations compute evidence on demand, so a metric no rule names is never
/// computed.
public protocol PolicyEnvironment {
  /// The groupings the audit declares: each protected attribute and each intersection.
  var groupings: [Grouping] { get }

  /// The names of the features and protected attributes the audit knows.
  var features: [String] { get }

  /// The names of the feature groups the audit declares (for `features: {group: NAME}`).
  var featureGroups: [String] { get }

  /// The slices of one of ``groupings``, the reference among them flagged.
  func slices(of grouping: Grouping) -> [Slice]

  /// The features a `features:` scope covers, in a stable order.
  func features(in scope: FeatureScope) -> [String]

  /// The subjects a rule on `metric` covers, given its resolved groupings and feature scope.
  ///
  /// The default implementation crosses ``slices(of:)`` and ``features(in:)`` according to the
  /// metric's subject kind; an implementation may override it, for example to leave out
  /// excluded slices.
  func subjects(
    for metric: MetricDefinition, groupings: [Grouping], features: FeatureScope?
  ) -> [Subject]

  /// The measurement of one metric for one subject.
  func measure(_ request: MeasurementRequest) -> Measurement
}

extension PolicyEnvironment {
  /// Crosses slices and features according to `metric.subject`.
  public func subjects(
    for metric: MetricDefinition, groupings: [Grouping], features scope: FeatureScope?
  ) -> [Subject] {
    switch metric.subject {
    case .slice:
      return groupings.flatMap { slices(of: $0).map(Subject.slice) }
    case .grouping:
      return groupings.map(Subject.grouping)
    case .feature:
      return features(in: scope ?? .all).map { Subject.feature($0) }
    case .featureInSlice:
      let names = features(in: scope ?? .all)
      return groupings.flatMap { grouping in
        slices(of: grouping).flatMap { slice in names.map { Subject.feature($0, in: slice) } }
      }
    case .dataset:
      return [.dataset]
    }
  }
}
