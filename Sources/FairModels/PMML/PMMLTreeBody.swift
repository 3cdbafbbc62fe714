/// A compiled `TreeModel`: the tree plus its strategies.
struct PMMLTreeBody: Sendable {
  /// `missingValueStrategy`.
  enum MissingValueStrategy: String, Sendable {
    case none, nullPrediction, lastPrediction, defaultChild
  }

  /// The nodes.
  var tree: PMMLTree
  /// What an unknown predicate does.
  var missingValueStrategy: MissingValueStrategy
  /// Whether `noTrueChildStrategy="returnLastPrediction"`.
  var returnsLastPrediction: Bool
}
