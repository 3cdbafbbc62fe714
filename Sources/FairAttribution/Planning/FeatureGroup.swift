/// A named set of attribution columns that are reported as one, such as the one-hot columns
/// of a categorical field.
public struct FeatureGroup: Sendable, Hashable, Codable {
  /// The name of the combined column.
  public var name: String
  /// The indexes of the member columns.
  public var members: [Int]

  /// Creates a group.
  ///
  /// - Parameters:
  ///   - name: The name of the combined column.
  ///   - members: The indexes of the member columns; at least one.
  public init(name: String, members: [Int]) {
    self.name = name
    self.members = members
  }
}
