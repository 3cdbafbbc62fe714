/// A compiled PMML predicate, evaluated in three-valued logic (see ``PMMLTruth``).
enum PMMLPredicate: Sendable {
  /// `True` or `False`.
  case constant(Bool)
  /// `SimplePredicate` with a comparison operator. For symbols only equality is compiled
  /// this way; ordered comparisons of categories compare numbers or ordinal ranks.
  case compare(PMMLExpression, PMMLComparison, Double)
  /// `SimplePredicate` with `isMissing` (`true`) or `isNotMissing` (`false`).
  case missing(PMMLExpression, isMissing: Bool)
  /// `SimpleSetPredicate`: membership of a sorted set of values.
  indirect case member(PMMLExpression, values: [Double], isIn: Bool)
  /// `CompoundPredicate`.
  indirect case compound(PMMLBooleanOperator, [PMMLPredicate])
}
