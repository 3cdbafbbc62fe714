extension FindingsDocument {
  /// A protected attribute and how its groups were read.
  public struct ProtectedAttribute: Codable, Sendable, Equatable {
    /// How group membership was read.
    public enum Kind: String, Codable, Sendable, CaseIterable {
      /// The category in one column.
      case column
      /// Bins of a numeric column.
      case bins
      /// Membership probabilities in several columns (for example BISG estimates).
      case probabilities
    }

    /// The attribute's name, such as `race`.
    public var name: String
    /// How membership was read.
    public var kind: Kind
    /// The column or columns read (one per group for probabilities).
    public var columns: [String]
    /// The declared reference group, if any (otherwise the most favoured group).
    public var reference: String?
    /// The bins, for binned attributes.
    public var bins: [Bin]?
    /// The number of rows whose group is unknown.
    public var unknownCount: Int

    /// Creates a protected attribute record.
    public init(
      name: String, kind: Kind, columns: [String], reference: String?, bins: [Bin]? = nil,
      unknownCount: Int
    ) {
      self.name = name
      self.kind = kind
      self.columns = columns
      self.reference = reference
      self.bins = bins
      self.unknownCount = unknownCount
    }
  }
}
