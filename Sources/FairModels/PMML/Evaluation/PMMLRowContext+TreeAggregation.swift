extension PMMLRowContext {
  /// Evaluates a classification `TreeModel` whose `missingValueStrategy` follows several
  /// paths (`weightedConfidence` or `aggregateNodes`), following PMML 4.4.
  ///
  /// Children are tried in document order, as for the other strategies. While no predicate
  /// is unknown, the row follows its first true child, and its prediction is that of the
  /// node it ends in, exactly as with `none`. At a node where a child's predicate is
  /// unknown, the row follows that child and every later sibling that is not false, up to
  /// and including the first true one (siblings after a true child cannot be reached
  /// whatever the missing values are). This applies recursively below. A node whose
  /// children are all false ends its branch by the `noTrueChildStrategy`: itself with
  /// `returnLastPrediction` when it has a score, else nothing.
  ///
  /// The nodes reached are then combined per class:
  /// ```
  /// weightedConfidence: confidence(c) = Σ_leaf w(leaf) · P(c | leaf)
  ///                     w(leaf) = Π over the splits with an unknown child on its path of
  ///                               recordCount(child) / recordCount(parent)
  /// aggregateNodes:     count(c)      = Σ_leaf ScoreDistribution@recordCount(c | leaf)
  /// ```
  /// `P(c | leaf)` is the node's normalised `ScoreDistribution` (1 or 0 from the score
  /// when it has none). The positive-class probability is the positive share of the total,
  /// and the predicted category the class with the larger total (category 0 on ties).
  /// With the parent-relative weights, the normalised confidences are the training
  /// records' class shares among the leaves the row may reach.
  ///
  /// - Returns: The prediction, or `.missing` when no node was reached.
  mutating func predict(
    _ body: PMMLTreeBody, aggregation: PMMLTreeBody.Aggregation
  ) -> PMMLPrediction {
    let tree = body.tree
    guard holds(tree.predicates[0]) else { return .missing }
    var evidence = ClassEvidence()
    guard collect(body, aggregation, from: 0, weight: 1, into: &evidence) else {
      return .missing
    }
    guard evidence.isCombined else {
      guard let node = evidence.lastNode else { return .missing }
      return prediction(body, at: node, function: .classification)
    }
    let total = evidence.negative + evidence.positive
    guard evidence.lastNode != nil, total > 0, total.isFinite else { return .missing }
    return .classification(probability: evidence.positive / total)
  }

  /// Adds the evidence of the nodes a row reaches from `node` to `evidence`.
  ///
  /// - Returns: `false` when the row fails (a reached node has no score or no counts).
  private mutating func collect(
    _ body: PMMLTreeBody, _ aggregation: PMMLTreeBody.Aggregation, from node: Int,
    weight: Double, into evidence: inout ClassEvidence
  ) -> Bool {
    let tree = body.tree
    let first = Int(tree.childStart[node])
    let end = Int(tree.childStart[node + 1])
    if first == end { return reach(body, aggregation, node, weight: weight, into: &evidence) }
    var isSplit = false
    for position in first..<end {
      let child = Int(tree.children[position])
      let truth = truth(of: tree.predicates[child])
      if truth == .false { continue }
      if truth == .unknown {
        isSplit = true
        evidence.isCombined = true
      }
      let share = isSplit ? weight * tree.recordCount[child] / tree.recordCount[node] : weight
      guard collect(body, aggregation, from: child, weight: share, into: &evidence) else {
        return false
      }
      if truth == .true { return true }
    }
    if isSplit || !(body.returnsLastPrediction && tree.hasScore[node]) { return true }
    return reach(body, aggregation, node, weight: weight, into: &evidence)
  }

  /// Adds one reached node's class evidence.
  private mutating func reach(
    _ body: PMMLTreeBody, _ aggregation: PMMLTreeBody.Aggregation, _ node: Int,
    weight: Double, into evidence: inout ClassEvidence
  ) -> Bool {
    let tree = body.tree
    guard tree.hasScore[node] else {
      fail(.noPrediction, field: nil, "the tree ends in a node without a score")
      return false
    }
    evidence.lastNode = node
    switch aggregation {
    case .weightedConfidence:
      let probability = tree.value[node]
      guard !probability.isNaN else { return true }
      evidence.positive += weight * probability
      evidence.negative += weight * (1 - probability)
    case .aggregateNodes:
      let negative = body.classCounts[2 * node]
      let positive = body.classCounts[2 * node + 1]
      guard !negative.isNaN, !positive.isNaN else {
        // Only a problem when the counts are combined; a single path uses the node's value.
        guard evidence.isCombined else { return true }
        fail(
          .noPrediction, field: nil,
          "aggregateNodes reached node \(node + 1), which has no ScoreDistribution")
        return false
      }
      evidence.positive += positive
      evidence.negative += negative
    }
    return true
  }
}

/// The class totals that the multi-path tree strategies accumulate for one row.
private struct ClassEvidence {
  /// The total for category 0.
  var negative = 0.0
  /// The total for category 1.
  var positive = 0.0
  /// The last node reached; `nil` while none.
  var lastNode: Int?
  /// Whether an unknown predicate made the row follow several children.
  var isCombined = false
}
