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
