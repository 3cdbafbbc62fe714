/// A way of cutting the data into slices: one protected attribute (`sex`) or an intersection
/// of several (`sex x race`).
public struct Grouping: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The attribute names, in the order written.
  public var attributes: [String]

  /// Creates a grouping over `attributes`.
  public init(_ attributes: [String]) {
    self.attributes = attributes
  }

  /// Creates a grouping over one attribute.
  public init(_ attribute: String) {
    self.attributes = [attribute]
  }

  /// Whether the grouping crosses two or more attributes.
  public var isIntersection: Bool { attributes.count > 1 }

  /// The attributes joined by ` x `, as a policy writes them: `sex x race`.
  public var description: String { attributes.joined(separator: " x ") }

  /// Whether `other` crosses the same attributes, in any order.
  public func hasSameAttributes(as other: Grouping) -> Bool {
    Set(attributes) == Set(other.attributes) && attributes.count == other.attributes.count
  }
}
