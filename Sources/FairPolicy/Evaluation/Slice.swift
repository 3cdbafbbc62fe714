/// One group within a grouping, such as `sex=female` or `sex=female, race=Black`.
public struct Slice: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The grouping the slice belongs to.
  public var grouping: Grouping
  /// One value per attribute of the grouping, in the grouping's order.
  public var values: [String]
  /// Whether the slice is its grouping's reference (the slice others are compared with).
  public var isReference: Bool

  /// Creates a slice.
  ///
  /// - Precondition: `values` has one value per attribute of `grouping`.
  public init(grouping: Grouping, values: [String], isReference: Bool = false) {
    precondition(
      values.count == grouping.attributes.count,
      "'values' has \(values.count) values for \(grouping.attributes.count) attributes")
    self.grouping = grouping
    self.values = values
    self.isReference = isReference
  }

  /// The values joined by ` x `: `female x Black`.
  public var name: String { values.joined(separator: " x ") }

  /// `attribute=value` pairs joined by commas: `sex=female, race=Black`.
  public var description: String {
    zip(grouping.attributes, values).map { "\($0)=\($1)" }.joined(separator: ", ")
  }
}
