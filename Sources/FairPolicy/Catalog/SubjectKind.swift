/// What a metric is measured for: the kind of subject a finding is about.
public enum SubjectKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// One slice (a group within a grouping, such as `sex=female`), often compared with the
  /// grouping's reference or highest-rate slice. Scoped by `over`.
  case slice
  /// A whole grouping (`sex`, `sex x race`). Scoped by `over`.
  case grouping
  /// One feature or protected attribute. Scoped by `features`.
  case feature
  /// One feature within one slice. Scoped by both `features` and `over`.
  case featureInSlice
  /// The data set as a whole. Takes neither scope key.
  case dataset

  /// Whether rules on such metrics take `over`.
  public var takesGroupings: Bool {
    self == .slice || self == .grouping || self == .featureInSlice
  }

  /// Whether rules on such metrics take `features`.
  public var takesFeatures: Bool {
    self == .feature || self == .featureInSlice
  }

  /// A phrase for messages: "per slice", "per feature in each slice".
  var phrase: String {
    switch self {
    case .slice: return "per slice"
    case .grouping: return "per grouping"
    case .feature: return "per feature"
    case .featureInSlice: return "per feature in each slice"
    case .dataset: return "once for the whole data set"
    }
  }
}
