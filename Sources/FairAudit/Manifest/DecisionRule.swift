package import FairPolicy

/// How scores become decisions: a threshold in a score space and the favourable side.
///
/// ```yaml
/// decision:
///   space: probability    # probability | margin | score
///   threshold: 0.5
///   favourable: above     # above: score >= threshold is favourable; below: score < threshold
/// ```
public struct DecisionRule: Sendable, Hashable {
  /// The scale the threshold is on.
  public enum Space: String, Sendable, Hashable, CaseIterable, Codable {
    /// The model's probability of the positive class; the threshold lies in (0, 1).
    case probability
    /// The model's margin (log-odds for a classifier).
    case margin
    /// The values of a score column, on whatever scale they have.
    case score
  }

  /// Which side of the threshold is favourable.
  public enum Side: String, Sendable, Hashable, CaseIterable, Codable {
    /// A score at or above the threshold is favourable (approve, select).
    case above
    /// A score below the threshold is favourable (a risk or default score).
    case below
  }

  /// The scale of the threshold.
  public var space: Space
  /// The threshold.
  public var threshold: Double
  /// The favourable side.
  public var favourable: Side

  /// Where the `decision:` section starts.
  package var position: SourcePosition?
  /// Where the threshold is written.
  package var thresholdPosition: SourcePosition?

  /// Creates a rule.
  public init(space: Space, threshold: Double, favourable: Side = .above) {
    self.space = space
    self.threshold = threshold
    self.favourable = favourable
  }

  /// Whether `score` is a favourable decision; a NaN score never is.
  public func isFavourable(_ score: Double) -> Bool {
    guard !score.isNaN else { return false }
    switch favourable {
    case .above: return score >= threshold
    case .below: return score < threshold
    }
  }

  /// Rules are equal when their space, threshold and side are.
  public static func == (lhs: DecisionRule, rhs: DecisionRule) -> Bool {
    lhs.space == rhs.space && lhs.threshold == rhs.threshold && lhs.favourable == rhs.favourable
  }

  /// Hashes the space, threshold and side.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(space)
    hasher.combine(threshold)
    hasher.combine(favourable)
  }
}
