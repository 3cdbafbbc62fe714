/// How a score becomes a decision: a threshold in a scale, and which side is favourable.
///
/// With ``Side/above``, a score at or above the threshold is favourable (an approval
/// probability, a hiring score); with ``Side/below``, a score below it is (a probability of
/// default). The two sides split every score without overlap.
public struct DecisionRule: Sendable, Hashable, Codable {
  /// The scale the threshold is in.
  public enum Space: String, Sendable, Hashable, Codable, CaseIterable {
    /// The model's probability of its positive class, in `[0, 1]`.
    case probability
    /// The model's margin (log-odds for a classifier).
    case margin
    /// A score column's own scale.
    case score
  }

  /// Which side of the threshold is favourable.
  public enum Side: String, Sendable, Hashable, Codable, CaseIterable {
    /// `score ≥ threshold` is favourable.
    case above
    /// `score < threshold` is favourable.
    case below
  }

  /// The scale.
  public var space: Space
  /// The threshold.
  public var threshold: Double
  /// The favourable side.
  public var favourable: Side

  /// Creates a rule.
  public init(space: Space = .probability, threshold: Double = 0.5, favourable: Side = .above) {
    self.space = space
    self.threshold = threshold
    self.favourable = favourable
  }

  /// Whether `score` gets the favourable decision; a NaN score never does.
  public func isFavourable(_ score: Double) -> Bool {
    guard !score.isNaN else { return false }
    return favourable == .above ? score >= threshold : score < threshold
  }

  /// The score turned so that greater is more favourable: a probability of the unfavourable
  /// side becomes `1 − p`, any other score is negated.
  public func favourableOriented(_ score: Double) -> Double {
    guard favourable == .below else { return score }
    return space == .probability ? 1 - score : -score
  }

  /// A short description: `probability ≥ 0.5 is favourable`.
  public var summary: String {
    "\(space.rawValue) \(favourable == .above ? "≥" : "<") \(threshold) is favourable"
  }
}
