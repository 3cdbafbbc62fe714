public import FairMetrics
package import FairPolicy

/// How scores become decisions: a threshold in a score space and the favourable side.
///
/// ```yaml
/// decision:
///   space: probability    # probability | margin | score
///   threshold: 0.5
///   favourable: above     # above: score >= threshold is favourable; below: score < threshold
/// ```
public struct DecisionDeclaration: Sendable, Hashable {
  /// The scale of the threshold.
  public var space: DecisionRule.Space
  /// The threshold.
  public var threshold: Double
  /// The favourable side.
  public var favourable: DecisionRule.Side

  /// Where the `decision:` section starts.
  package var position: SourcePosition?
  /// Where the threshold is written.
  package var thresholdPosition: SourcePosition?

  /// Creates a rule.
  public init(
    space: DecisionRule.Space, threshold: Double, favourable: DecisionRule.Side = .above
  ) {
    self.space = space
    self.threshold = threshold
    self.favourable = favourable
  }

  /// The rule itself, without its place in the manifest.
  public var rule: DecisionRule {
    DecisionRule(space: space, threshold: threshold, favourable: favourable)
  }

  /// Rules are equal when their space, threshold and side are.
  public static func == (lhs: DecisionDeclaration, rhs: DecisionDeclaration) -> Bool {
    lhs.space == rhs.space && lhs.threshold == rhs.threshold && lhs.favourable == rhs.favourable
  }

  /// Hashes the space, threshold and side.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(space)
    hasher.combine(threshold)
    hasher.combine(favourable)
  }
}
