/// The value of a predicate: PMML's three-valued logic.
enum PMMLTruth: Sendable, Hashable {
  /// The predicate holds.
  case `true`
  /// The predicate does not hold.
  case `false`
  /// The predicate reads a missing value.
  case unknown
}
