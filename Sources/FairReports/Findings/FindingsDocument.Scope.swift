extension FindingsDocument {
  /// What an audit compared: the protected attributes, the groupings built from them, the
  /// label and the rows.
  public struct Scope: Codable, Sendable, Equatable {
    /// The protected attributes.
    public var protectedAttributes: [ProtectedAttribute]
    /// The groupings: one per attribute and one per declared intersection.
    public var groupings: [Grouping]
    /// The outcome label column, when the data has one.
    public var labelColumn: String?
    /// The label value that counts as the favourable outcome.
    public var favourableLabel: String?
    /// The number of rows audited.
    public var rows: Int

    /// Creates a scope record.
    public init(
      protectedAttributes: [ProtectedAttribute], groupings: [Grouping], labelColumn: String?,
      favourableLabel: String?, rows: Int
    ) {
      self.protectedAttributes = protectedAttributes
      self.groupings = groupings
      self.labelColumn = labelColumn
      self.favourableLabel = favourableLabel
      self.rows = rows
    }
  }
}
