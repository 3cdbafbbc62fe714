extension FindingsDocument.Grouping {
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
}
