/// The compiled part of a scorecard: one predicate (and optional expression) per attribute.
struct PMMLScorecardBody: Sendable {
  /// The public description.
  var description: PMMLScorecard
  /// Per characteristic, per attribute: the predicate.
  var predicates: [[PMMLPredicate]]
  /// Per characteristic, per attribute: the `ComplexPartialScore` expression, if any.
  var expressions: [[PMMLExpression?]]
}
