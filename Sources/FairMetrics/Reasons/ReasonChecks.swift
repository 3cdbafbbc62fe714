/// The adverse-action checks of Regulation B on a set of principal reasons.
///
/// - Every adverse decision has a reason (12 CFR 1002.9(a)(2)).
/// - At most four reasons (Supplement I, comment 9(b)(2)-1: more "is not likely to be helpful").
/// - No reason is a prohibited basis or a proxy of one (12 CFR 1002.2(z), 1002.6(b)(1)).
/// - No age reason for an applicant aged 62 or older (12 CFR 1002.6(b)(2)).
/// - No generic statement in the reason table (12 CFR 1002.9(b)(2)).
public struct ReasonChecks: Sendable, Hashable, Codable {
  /// The age from which an applicant is elderly (12 CFR 1002.2(o)).
  public static let elderlyAge = 62.0
  /// The most reasons comment 9(b)(2)-1 calls helpful.
  public static let helpfulReasonCount = 4

  /// Why a feature may not be a reason.
  public struct Restriction: Sendable, Hashable, Codable {
    /// The feature.
    public var feature: String
    /// Why: "protected attribute 'sex'", "declared proxy", "proxy of 'sex' (Cramér's V 0.41)".
    public var why: String

    /// Creates a restriction.
    public init(feature: String, why: String) {
      self.feature = feature
      self.why = why
    }
  }

  /// A reason given on a prohibited basis.
  public struct RestrictedReason: Sendable, Hashable, Codable {
    /// The feature (or, for a code that declares a prohibited basis, each of its features).
    public var feature: String
    /// The code.
    public var code: String
    /// Why the feature may not be a reason.
    public var why: String
    /// How many adverse decisions give the reason.
    public var count: Int
  }

  /// How many decisions were adverse.
  public var adverseCount: Int
  /// Adverse decisions without any reason.
  public var withoutReasonCount: Int
  /// Adverse decisions with more than four reasons.
  public var overFourCount: Int
  /// The distribution of the number of reasons: index *k* counts adverse decisions with *k*.
  public var reasonCountDistribution: [Int]
  /// Reasons that are a prohibited basis or a proxy, by feature and code.
  public var restrictedReasons: [RestrictedReason]
  /// Adverse decisions of applicants aged 62 or older that give an age reason; `nil` when no
  /// age was known.
  public var elderlyAgeReasonCount: Int?
  /// Adverse decisions of applicants aged 62 or older; `nil` when no age was known.
  public var elderlyAdverseCount: Int?
  /// The codes whose statement is generic.
  public var genericCodes: [String]

  /// Share of adverse decisions without a reason (0 when none was adverse).
  public var withoutReasonShare: Double {
    adverseCount == 0 ? 0 : Double(withoutReasonCount) / Double(adverseCount)
  }
  /// Share of adverse decisions with more than four reasons (0 when none was adverse).
  public var overFourShare: Double {
    adverseCount == 0 ? 0 : Double(overFourCount) / Double(adverseCount)
  }

  /// How many adverse decisions give a reason citing `feature` on a restricted basis.
  public func restrictedCount(feature: String) -> Int {
    restrictedReasons.filter { $0.feature == feature }.reduce(0) { $0 + $1.count }
  }

  /// Runs the checks.
  ///
  /// - Parameters:
  ///   - applicants: The applicants' reasons (favourable ones are ignored).
  ///   - table: The reason-code table (for generic statements and declared bases).
  ///   - restrictions: The features that may not be reasons, and why.
  ///   - ages: Each data row's age, or `nil` when no age is known; NaN for a missing age.
  ///   - ageFeatures: The features whose reasons are age reasons.
  /// - Complexity: O(*n*·*k*·*f*) for *n* applicants with *k* reasons of *f* features.
  public init(
    applicants: [ApplicantReasons], table: ReasonTable, restrictions: [Restriction],
    ages: [Double]? = nil, ageFeatures: Set<String> = []
  ) {
    self.init(
      counts: ReasonTallies.Counts(applicants: applicants, ages: ages, ageFeatures: ageFeatures),
      table: table, restrictions: restrictions)
  }

  /// Runs the checks on counted reasons.
  ///
  /// Restricted reasons are listed by feature, then code.
  package init(counts: ReasonTallies.Counts, table: ReasonTable, restrictions: [Restriction]) {
    let why = Dictionary(
      restrictions.map { ($0.feature, $0.why) }, uniquingKeysWith: { a, b in a + "; " + b })
    let declaredBasis = Dictionary(
      table.codes.compactMap { code in code.prohibitedBasis.map { (code.code, $0) } },
      uniquingKeysWith: { a, _ in a })
    restrictedReasons = counts.featureCodes.compactMap { entry in
      var reasons: [String] = []
      if let basis = declaredBasis[entry.code] {
        reasons.append("the reason table declares prohibited basis '\(basis)'")
      }
      if let restriction = why[entry.feature] { reasons.append(restriction) }
      guard !reasons.isEmpty else { return nil }
      return RestrictedReason(
        feature: entry.feature, code: entry.code, why: reasons.joined(separator: "; "),
        count: entry.count)
    }
    adverseCount = counts.adverse
    withoutReasonCount = counts.withoutReason
    overFourCount = counts.overFour
    reasonCountDistribution = counts.reasonCounts
    elderlyAgeReasonCount = counts.elderlyAgeReason
    elderlyAdverseCount = counts.elderlyAdverse
    genericCodes = table.genericCodes.map(\.code)
  }
}
