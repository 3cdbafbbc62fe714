/// The `booleanOperator` of a `CompoundPredicate`.
enum PMMLBooleanOperator: String, Sendable {
  case and, or, xor, surrogate
}
