extension FindingsDocument {
  /// A grouping of rows: one protected attribute, or an intersection of several.
  public struct Grouping: Codable, Sendable, Equatable {
    /// The grouping's name: an attribute (`sex`) or an intersection (`sex × race`).
    public var name: String
    /// The attributes it combines, in order.
    public var attributes: [String]
    /// The reference slice other slices are compared with.
    public var reference: String
    /// The number of rows with an unknown value in any of the attributes.
    public var unknownCount: Int
    /// The slices left out of the comparisons.
    public var excluded: [ExcludedSlice]

    /// Creates a grouping record.
    public init(
      name: String, attributes: [String], reference: String, unknownCount: Int,
      excluded: [ExcludedSlice] = []
    ) {
      self.name = name
      self.attributes = attributes
      self.reference = reference
      self.unknownCount = unknownCount
      self.excluded = excluded
    }
  }
}
