extension PMMLRowContext {
  /// The node a row ends in, following the PMML `TreeModel` rules; `nil` for no prediction.
  ///
  /// Children are tried in document order. A child whose predicate is unknown is handled
  /// by the missing-value strategy: `none` goes on to the next sibling, `nullPrediction`
  /// gives no prediction, `lastPrediction` returns the current node, `defaultChild`
  /// continues in the default child without testing its predicate. When no child's
  /// predicate is true, `returnLastPrediction` returns the current node if it has a score.
  /// The multi-path strategies (`weightedConfidence`, `aggregateNodes`) are evaluated by
  /// `predict(_:aggregation:)` instead.
  mutating func resultNode(_ body: PMMLTreeBody) -> Int? {
    let tree = body.tree
    guard holds(tree.predicates[0]) else { return nil }
    var node = 0
    descent: while true {
      let first = Int(tree.childStart[node])
      let end = Int(tree.childStart[node + 1])
      if first == end { return node }
      for position in first..<end {
        let child = Int(tree.children[position])
        switch truth(of: tree.predicates[child]) {
        case .true:
          node = child
          continue descent
        case .false:
          continue
        case .unknown:
          switch body.missingValueStrategy {
          case .none:
            continue
          case .nullPrediction:
            return nil
          case .lastPrediction:
            return node
          case .defaultChild:
            let target = tree.defaultChild[node]
            guard target >= 0 else {
              fail(.noPrediction, field: nil, "a node with an unknown child has no defaultChild")
              return nil
            }
            node = Int(target)
            continue descent
          }
        }
      }
      return body.returnsLastPrediction && tree.hasScore[node] ? node : nil
    }
  }

  /// Evaluates a `TreeModel`.
  mutating func predict(_ body: PMMLTreeBody, function: PMMLSubmodel.Function) -> PMMLPrediction {
    if let aggregation = body.aggregation {
      return predict(body, aggregation: aggregation)
    }
    guard let node = resultNode(body) else { return .missing }
    return prediction(body, at: node, function: function)
  }

  /// The prediction of the single node a row ends in.
  mutating func prediction(
    _ body: PMMLTreeBody, at node: Int, function: PMMLSubmodel.Function
  ) -> PMMLPrediction {
    let tree = body.tree
    guard tree.hasScore[node] else {
      fail(.noPrediction, field: nil, "the tree ends in a node without a score")
      return .missing
    }
    switch function {
    case .regression:
      return .regression(tree.value[node])
    case .classification:
      let probability = tree.value[node]
      if probability.isNaN { return .missing }
      return PMMLPrediction(
        value: .nan, probability: probability, logOdds: .nan,
        category: Int(tree.scoreCategory[node]))
    }
  }
}
