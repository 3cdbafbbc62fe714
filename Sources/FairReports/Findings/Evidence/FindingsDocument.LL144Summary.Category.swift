extension FindingsDocument.LL144Summary {
  /// One category's row of the published table.
  public struct Category: Codable, Sendable, Equatable {
    /// The dimension: `sex`, `race/ethnicity` or `intersectional`.
    public var dimension: String
    /// The category, such as `Hispanic or Latino`.
    public var category: String
    /// The number of applicants or candidates.
    public var applicants: Int
    /// The number selected, for selection-type tools.
    public var selected: Int?
    /// The selection or scoring rate.
    public var rate: Double
    /// The impact ratio; absent for an excluded category.
    public var impactRatio: Double?
    /// Whether the category is excluded from the impact ratios (§ 5-301(d), under 2 %).
    public var excluded: Bool
    /// The auditor's justification for the exclusion.
    public var exclusionJustification: String?

    /// Creates a category row.
    public init(
      dimension: String, category: String, applicants: Int, selected: Int? = nil,
      rate: Double, impactRatio: Double?, excluded: Bool = false,
      exclusionJustification: String? = nil
    ) {
      self.dimension = dimension
      self.category = category
      self.applicants = applicants
      self.selected = selected
      self.rate = rate
      self.impactRatio = impactRatio
      self.excluded = excluded
      self.exclusionJustification = exclusionJustification
    }
  }
}
