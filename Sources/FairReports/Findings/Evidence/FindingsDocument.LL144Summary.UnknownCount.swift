extension FindingsDocument.LL144Summary {
  /// The number of individuals of unknown category in one dimension.
  public struct UnknownCount: Codable, Sendable, Equatable {
    /// The dimension: `sex`, `race/ethnicity` or `intersectional`.
    public var dimension: String
    /// The number of individuals whose category is unknown; they are left out of the
    /// calculations.
    public var count: Int

    /// Creates an unknown count.
    public init(dimension: String, count: Int) {
      self.dimension = dimension
      self.count = count
    }
  }
}
