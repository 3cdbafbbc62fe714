/// The group metrics of every slice of a grouping, and the grouping-level disparities.
///
/// The grouping-level figures are fairlearn's: the demographic-parity difference is the
/// largest minus the smallest selection rate of the compared slices, the ratio the smallest
/// over the largest; the equal-opportunity difference is the spread of true-positive rates;
/// the equalized-odds difference is the larger of the spreads of true- and false-positive
/// rates. Slices left out of comparisons (unknown rows, excluded small slices) take no part.
public struct GroupingMetrics: Sendable, Hashable, Codable {
  /// The grouping's name.
  public var grouping: String
  /// The attributes it crosses.
  public var attributes: [String]
  /// The reference slice (declared, or the most favoured).
  public var reference: String
  /// Whether the reference was declared (otherwise it is the most favoured slice).
  public var referenceIsDeclared: Bool
  /// The slice with the highest selection rate among the compared slices.
  public var mostFavoured: String
  /// The slices, in report order.
  public var slices: [SliceMetrics]
  /// The rows that belong to no slice (missing or unknown attribute values).
  public var unknownCount: Int
  /// ``unknownCount`` over all rows.
  public var unknownShare: Double
  /// The slices under the minimum share, left out of comparisons but still reported.
  public var excludedSliceCount: Int
  /// The smallest share of the data among the slices.
  public var minimumSliceShare: Double
  /// Whether membership is probabilistic (weighted counts).
  public var isWeighted: Bool
  /// The full sample's median score, for the LL144 scoring rate, and the share of scores
  /// tied at it.
  public var medianScore: Double?
  /// See ``medianScore``.
  public var tiedAtMedianShare: Double?
  /// The demographic-parity difference, with a bootstrap interval.
  public var demographicParityDifference: Double
  /// See ``demographicParityDifference``.
  public var demographicParityDifferenceInterval: ConfidenceInterval?
  /// The demographic-parity ratio, with a bootstrap interval.
  public var demographicParityRatio: Double
  /// See ``demographicParityRatio``.
  public var demographicParityRatioInterval: ConfidenceInterval?
  /// The equal-opportunity difference (needs true outcomes).
  public var equalOpportunityDifference: Double?
  /// See ``equalOpportunityDifference``.
  public var equalOpportunityDifferenceInterval: ConfidenceInterval?
  /// The equalized-odds difference (needs true outcomes).
  public var equalizedOddsDifference: Double?
  /// See ``equalizedOddsDifference``.
  public var equalizedOddsDifferenceInterval: ConfidenceInterval?

  /// The metrics of the slice named `name`.
  public func slice(named name: String) -> SliceMetrics? {
    slices.first { $0.slice == name }
  }
}
