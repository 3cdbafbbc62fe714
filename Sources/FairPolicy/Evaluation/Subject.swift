/// What one finding is about: a slice, a grouping, a feature, a feature within a slice, or the
/// data set.
public struct Subject: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The kind of subject.
  public var kind: SubjectKind
  /// The grouping, for slice, grouping and feature-in-slice subjects.
  public var grouping: Grouping?
  /// The slice, for slice and feature-in-slice subjects.
  public var slice: Slice?
  /// The feature, for feature and feature-in-slice subjects.
  public var feature: String?

  /// A slice subject.
  public static func slice(_ slice: Slice) -> Subject {
    Subject(kind: .slice, grouping: slice.grouping, slice: slice, feature: nil)
  }

  /// A grouping subject.
  public static func grouping(_ grouping: Grouping) -> Subject {
    Subject(kind: .grouping, grouping: grouping, slice: nil, feature: nil)
  }

  /// A feature subject.
  public static func feature(_ name: String) -> Subject {
    Subject(kind: .feature, grouping: nil, slice: nil, feature: name)
  }

  /// A feature within a slice.
  public static func feature(_ name: String, in slice: Slice) -> Subject {
    Subject(kind: .featureInSlice, grouping: slice.grouping, slice: slice, feature: name)
  }

  /// The whole data set.
  public static let dataset = Subject(kind: .dataset, grouping: nil, slice: nil, feature: nil)

  /// A display string: `sex=female`, `grouping sex x race`, `feature 'zip'`,
  /// `feature 'income' in sex=female`, or `the data set`.
  public var description: String {
    switch kind {
    case .slice: return slice?.description ?? "?"
    case .grouping: return "grouping " + (grouping?.description ?? "?")
    case .feature: return "feature '\(feature ?? "?")'"
    case .featureInSlice:
      return "feature '\(feature ?? "?")' in " + (slice?.description ?? "?")
    case .dataset: return "the data set"
    }
  }
}
