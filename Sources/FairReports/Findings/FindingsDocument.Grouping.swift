extension FindingsDocument {
  /// A grouping of rows: one protected attribute, or an intersection of several.
  public struct Grouping: Codable, Sendable, Equatable {
    /// A slice left out of the comparisons, with the reason.
    public struct ExcludedSlice: Codable, Sendable, Equatable {
      /// The slice, such as `Female × Native Hawaiian or Pacific Islander`.
      public var slice: String
      /// The number of rows in the slice.
      public var count: Int
      /// Why it was left out, one sentence (for example the 2 % rule of 6 RCNY § 5-301(d)).
      public var reason: String

      /// Creates an excluded slice record.
      public init(slice: String, count: Int, reason: String) {
        self.slice = slice
        self.count = count
        self.reason = reason
      }
    }

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
