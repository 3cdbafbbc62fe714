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

    /// Whether the audit's data came from the tool's use or were made for the audit
    /// (§ 5-302).
    public enum DataKind: String, Codable, Sendable, CaseIterable {
      /// Historical data from the tool's use.
      case historical
      /// Test data, allowed when historical data are insufficient (§ 5-302(b)).
      case test
    }

    /// The date of the bias audit, `YYYY-MM-DD`.
    public var auditDate: String
    /// The source and explanation of the data.
    public var dataSource: String
    /// Whether the data are historical or test data, as the manifest declares it.
    public var dataKind: DataKind?
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
    /// The facts of § 5-303 the manifest's `report:` section does not declare, each with what
    /// the summary shows in its place: the published summary is incomplete until they are.
    public var missing: [String]

    private enum CodingKeys: String, CodingKey {
      case auditDate, dataSource, dataKind, testDataExplanation, distributionDate, rateKind
      case sampleMedian, tiedAtMedianShare, unknownCounts, categories, missing
    }

    /// Reads a summary, also one written before ``missing`` was recorded (as none missing).
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      auditDate = try container.decode(String.self, forKey: .auditDate)
      dataSource = try container.decode(String.self, forKey: .dataSource)
      dataKind = try container.decodeIfPresent(DataKind.self, forKey: .dataKind)
      testDataExplanation = try container.decodeIfPresent(
        String.self, forKey: .testDataExplanation)
      distributionDate = try container.decodeIfPresent(String.self, forKey: .distributionDate)
      rateKind = try container.decode(RateKind.self, forKey: .rateKind)
      sampleMedian = try container.decodeIfPresent(Double.self, forKey: .sampleMedian)
      tiedAtMedianShare = try container.decodeIfPresent(Double.self, forKey: .tiedAtMedianShare)
      unknownCounts = try container.decode([UnknownCount].self, forKey: .unknownCounts)
      categories = try container.decode([Category].self, forKey: .categories)
      missing = try container.decodeIfPresent([String].self, forKey: .missing) ?? []
    }

    /// Creates a summary of results.
    public init(
      auditDate: String, dataSource: String, dataKind: DataKind? = nil,
      testDataExplanation: String? = nil, distributionDate: String? = nil, rateKind: RateKind,
      sampleMedian: Double? = nil, tiedAtMedianShare: Double? = nil,
      unknownCounts: [UnknownCount], categories: [Category], missing: [String] = []
    ) {
      self.auditDate = auditDate
      self.dataSource = dataSource
      self.dataKind = dataKind
      self.testDataExplanation = testDataExplanation
      self.distributionDate = distributionDate
      self.rateKind = rateKind
      self.sampleMedian = sampleMedian
      self.tiedAtMedianShare = tiedAtMedianShare
      self.unknownCounts = unknownCounts
      self.categories = categories
      self.missing = missing
    }
  }
}
