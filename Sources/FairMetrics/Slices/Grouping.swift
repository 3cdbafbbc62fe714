/// A way of cutting the data into slices: one protected attribute, or the intersection of
/// several (sex × race).
public struct Grouping: Sendable, Hashable, Codable {
  /// The attributes, in order; one for a plain grouping, two or more for an intersection.
  public var attributes: [String]

  /// For probabilistic attributes: whether each row is assigned to its most probable group
  /// (when that probability reaches the attribute's threshold, and is unknown otherwise)
  /// instead of being counted in every group with its probability as weight.
  public var assignsMostProbableGroup: Bool

  /// Creates a grouping of `attributes`.
  public init(_ attributes: [String], assignsMostProbableGroup: Bool = false) {
    self.attributes = attributes
    self.assignsMostProbableGroup = assignsMostProbableGroup
  }

  /// The grouping's name: the attribute, or the attributes joined by ` × `, followed by
  /// ` (assigned)` for the most-probable-group variant.
  public var name: String {
    attributes.joined(separator: " × ") + (assignsMostProbableGroup ? " (assigned)" : "")
  }

  /// Whether the grouping crosses several attributes.
  public var isIntersection: Bool { attributes.count > 1 }

  /// The name of a slice of an intersection from its parts: `Female × Black`.
  public static func sliceName(_ parts: [String]) -> String {
    parts.joined(separator: " × ")
  }
}
