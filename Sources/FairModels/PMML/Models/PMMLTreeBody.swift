/// A compiled `TreeModel`: the tree plus its strategies.
struct PMMLTreeBody: Sendable {
  /// `missingValueStrategy`, for the strategies that follow a single path.
  enum MissingValueStrategy: String, Sendable {
    case none, nullPrediction, lastPrediction, defaultChild
  }

  /// The `missingValueStrategy` values that follow several paths and combine the nodes
  /// they reach; defined for classification trees only.
  enum Aggregation: String, Sendable {
    /// Each class's confidence is the sum over the reached nodes of the node's
    /// `ScoreDistribution` probability, weighted by its share of the records
    /// (`Node@recordCount` over the parent's) along the way.
    case weightedConfidence
    /// The `ScoreDistribution` record counts of the reached nodes are summed per class.
    case aggregateNodes
  }

  /// The nodes.
  var tree: PMMLTree
  /// What an unknown predicate does on the single-path strategies.
  ///
  /// For trees with an ``aggregation``, `nullPrediction`: walkers that follow one path
  /// (such as `step(from:truth:)`) then give no prediction where the model would
  /// combine several paths, rather than a different one.
  var missingValueStrategy: MissingValueStrategy
  /// Whether `noTrueChildStrategy="returnLastPrediction"`.
  var returnsLastPrediction: Bool
  /// The multi-path strategy, `nil` for the single-path ones.
  var aggregation: Aggregation? = nil
  /// The `ScoreDistribution@recordCount` sums of each node, for `aggregateNodes` only.
  ///
  /// Category 0 is at `2 · node`, category 1 at `2 · node + 1`; both are NaN for a node
  /// without `ScoreDistribution`. Empty for the other strategies.
  var classCounts: [Double] = []
}
