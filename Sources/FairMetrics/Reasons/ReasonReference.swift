import Foundation

/// The reference population that attributions, and so reasons, are measured against.
///
/// Supplement I to 12 CFR Part 1002, comment 9(b)(2)-5, describes two methods: compare the
/// applicant with the average of "applicants whose total score was at or slightly above the
/// minimum passing score" (``nearCutoff(band:)``) or with that of "all applicants" (``all``).
/// FairGate realises each as the attribution background.
public enum ReasonReference: Sendable, Hashable, Codable {
  /// Every applicant in the data (comment 9(b)(2)-5, second method).
  case all
  /// Applicants with a favourable decision whose score is at or above the cutoff by at most
  /// `band` (in the decision rule's score space); with `band` `nil`, the tenth of the
  /// favourable applicants closest to the cutoff (at least one).
  case nearCutoff(band: Double?)

  /// The share of favourable applicants taken when no band is given.
  public static let defaultNearCutoffShare = 0.1

  /// The name used on the command line and in reports: `all` or `near-cutoff`.
  public var name: String {
    switch self {
    case .all: "all"
    case .nearCutoff: "near-cutoff"
    }
  }

  /// A sentence saying which population this is.
  public var summary: String {
    switch self {
    case .all:
      return "all applicants (comment 9(b)(2)-5, all applicants)"
    case .nearCutoff(let band?):
      return "applicants at or up to \(band) above the cutoff (comment 9(b)(2)-5, "
        + "at or slightly above the minimum passing score)"
    case .nearCutoff(nil):
      return "the 10% of favourable applicants closest to the cutoff (comment 9(b)(2)-5, "
        + "at or slightly above the minimum passing score)"
    }
  }

  /// The rows of the reference population.
  ///
  /// - Parameters:
  ///   - scores: Every row's decision score.
  ///   - rule: The decision rule.
  /// - Returns: The rows, in data order.
  /// - Throws: `MetricsError` when the population is empty.
  /// - Complexity: O(*n* log *n*) for *n* rows.
  public func rows(scores: [Double], rule: DecisionRule) throws -> [Int] {
    switch self {
    case .all:
      return Array(scores.indices)
    case .nearCutoff(let band):
      let favourable = scores.indices.filter { rule.isFavourable(scores[$0]) }
      let distance = { (row: Int) in abs(scores[row] - rule.threshold) }
      let chosen: [Int]
      if let band {
        chosen = favourable.filter { distance($0) <= band }
      } else {
        let count = max(
          1, Int((Double(favourable.count) * ReasonReference.defaultNearCutoffShare).rounded()))
        chosen = favourable.sorted { (distance($0), $0) < (distance($1), $1) }
          .prefix(count).sorted()
      }
      guard !chosen.isEmpty else {
        throw MetricsError(
          subject: "reference population",
          message: band.map {
            "no applicant with a favourable decision scores within \($0) of "
              + "the cutoff \(rule.threshold); widen '--cutoff-band'"
          }
            ?? "no applicant has a favourable decision, so there is no near-cutoff population")
      }
      return chosen
    }
  }
}
