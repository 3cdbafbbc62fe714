public import FairModels

/// The principal reasons a PMML scorecard defines, and how they compare with attribution-based
/// reasons for the same applicants.
///
/// A scorecard's reason codes are its own principal reasons: each characteristic earns
/// `baseline − partialScore` points (`pointsBelow`) or the reverse (`pointsAbove`), codes are
/// ranked by points, and codes with negative totals are dropped, as jpmml-evaluator does
/// (see ``FairModels/PMMLModel/reasonCodePoints(for:baseline:)``).
public enum ScorecardReasons {
  /// The scorecard's reasons for `rows`.
  ///
  /// - Parameters:
  ///   - model: A PMML model whose root is a `Scorecard`.
  ///   - matrix: All rows, bound to the model's features.
  ///   - rows: The rows to give reasons for.
  ///   - scores: Every row's decision score.
  ///   - rule: The decision rule.
  ///   - table: Texts for the codes: a table code equal to a scorecard code lends its text;
  ///     other codes are their own text.
  ///   - top: The most reasons per applicant.
  /// - Returns: One entry per row of `rows`; ``PrincipalReason/attribution`` holds the points.
  /// - Throws: `ModelError` when the model is not a scorecard or lacks baselines.
  /// - Complexity: O(*n*·*a*) for *n* rows and *a* attributes.
  public static func reasons(
    model: PMMLModel, matrix: FeatureMatrix, rows: [Int], scores: [Double], rule: DecisionRule,
    table: ReasonTable, top: Int
  ) throws -> [ApplicantReasons] {
    let points = try model.reasonCodePoints(for: matrix.rows(rows).batch(rows: 0..<rows.count))
    let features = model.scorecard?.reasonCodeFeatureIndices ?? [:]
    let names = model.features.map(\.name)
    let texts = Dictionary(
      table.codes.map { ($0.code, $0.text) }, uniquingKeysWith: { first, _ in first })
    return rows.indices.map { index in
      let row = rows[index]
      let reasons = points[index].prefix(top).map { item in
        PrincipalReason(
          code: item.code, text: texts[item.code] ?? item.code, attribution: item.points,
          features: (features[item.code] ?? []).map { names[$0] })
      }
      return ApplicantReasons(
        row: row, score: scores[row], isAdverse: !rule.isFavourable(scores[row]),
        reasons: reasons, candidateCount: points[index].count)
    }
  }
}

/// Agreement between two sets of principal reasons for the same applicants, compared by the
/// features behind each reason (a scorecard code and a reason-table code agree when they stand
/// for the same features).
public struct ReasonAgreement: Sendable, Hashable, Codable {
  /// Applicants compared: those for whom both sides give at least one reason.
  public var comparedCount: Int
  /// Applicants whose top reasons stand for the same features.
  public var topAgreementCount: Int
  /// Applicants whose top-*K* reasons stand for the same set of feature sets.
  public var topKAgreementCount: Int
  /// *K*.
  public var top: Int

  /// Share of compared applicants whose top reasons agree (NaN when none was compared).
  public var topAgreementRate: Double {
    comparedCount == 0 ? .nan : Double(topAgreementCount) / Double(comparedCount)
  }
  /// Share of compared applicants whose top-*K* sets agree (NaN when none was compared).
  public var topKAgreementRate: Double {
    comparedCount == 0 ? .nan : Double(topKAgreementCount) / Double(comparedCount)
  }

  /// Compares `left` and `right`, matched by row.
  ///
  /// - Parameters:
  ///   - left: One side's reasons.
  ///   - right: The other side's reasons.
  ///   - top: *K*.
  public init(_ left: [ApplicantReasons], _ right: [ApplicantReasons], top: Int) {
    let other = Dictionary(right.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
    var compared = 0
    var topAgree = 0
    var setAgree = 0
    for applicant in left {
      guard let match = other[applicant.row], let first = applicant.reasons.first,
        let matchFirst = match.reasons.first
      else { continue }
      compared += 1
      if Set(first.features) == Set(matchFirst.features) { topAgree += 1 }
      let mine = Set(applicant.reasons.prefix(top).map { Set($0.features) })
      let theirs = Set(match.reasons.prefix(top).map { Set($0.features) })
      if mine == theirs { setAgree += 1 }
    }
    comparedCount = compared
    topAgreementCount = topAgree
    topKAgreementCount = setAgree
    self.top = top
  }
}
