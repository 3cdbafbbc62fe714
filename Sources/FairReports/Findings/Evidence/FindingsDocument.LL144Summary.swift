extension FindingsDocument {
  /// The summary of results NYC Local Law 144 requires an employer to publish
  /// (6 RCNY § 5-303, with §§ 5-301 and 5-302).
  public struct LL144Summary: Codable, Sendable, Equatable {
    /// Whether the tool selects candidates or scores them.
    public enum RateKind: String, Codable, Sendable, CaseIterable {
      /// Selection rates: the share selected to move forward (§ 5-301(b)).
      case selection
      /// Scoring rates: the share scoring strictly above the sample median (§ 5-301(c)).
      case scoring
    }

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

    /// The date of the bias audit, `YYYY-MM-DD`.
    public var auditDate: String
    /// The source and explanation of the data.
    public var dataSource: String
    /// Why historical data were not used and how test data were made, when test data were
    /// used (§ 5-302(b)).
    public var testDataExplanation: String?
    /// The date the tool was first distributed, `YYYY-MM-DD`.
    public var distributionDate: String?
    /// Whether the table holds selection or scoring rates.
    public var rateKind: RateKind
    /// The median score of the full sample, for scoring rates.
    public var sampleMedian: Double?
    /// The share of scores equal to the median (they count as not above it).
    public var tiedAtMedianShare: Double?
    /// The number of individuals of unknown category, per dimension.
    public var unknownCounts: [UnknownCount]
    /// The table: every category of every dimension, excluded ones included.
    public var categories: [Category]

    /// Creates a summary of results.
    public init(
      auditDate: String, dataSource: String, testDataExplanation: String? = nil,
      distributionDate: String? = nil, rateKind: RateKind, sampleMedian: Double? = nil,
      tiedAtMedianShare: Double? = nil, unknownCounts: [UnknownCount], categories: [Category]
    ) {
      self.auditDate = auditDate
      self.dataSource = dataSource
      self.testDataExplanation = testDataExplanation
      self.distributionDate = distributionDate
      self.rateKind = rateKind
      self.sampleMedian = sampleMedian
      self.tiedAtMedianShare = tiedAtMedianShare
      self.unknownCounts = unknownCounts
      self.categories = categories
    }
  }
}
