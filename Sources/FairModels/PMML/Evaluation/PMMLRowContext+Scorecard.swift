extension PMMLRowContext {
  /// The index of the first attribute of each characteristic whose predicate is true, and
  /// its partial score; `nil` when some characteristic has no true attribute.
  mutating func scorecardAttributes(_ body: PMMLScorecardBody) -> [(index: Int, score: Double)]? {
    var chosen: [(index: Int, score: Double)] = []
    chosen.reserveCapacity(body.predicates.count)
    for (characteristic, predicates) in body.predicates.enumerated() {
      var match: Int?
      for (position, predicate) in predicates.enumerated() where holds(predicate) {
        match = position
        break
      }
      guard let index = match else {
        let name = body.description.characteristics[characteristic].name ?? "\(characteristic + 1)"
        fail(.noPrediction, field: nil, "no attribute of characteristic '\(name)' matches the row")
        return nil
      }
      var score: Double
      if let expression = body.expressions[characteristic][index] {
        score = evaluate(expression)
      } else {
        score =
          body.description.characteristics[characteristic].attributes[index].partialScore
          ?? .nan
      }
      if score.isNaN {
        fail(.noPrediction, field: nil, "a partial score of the scorecard is missing")
        return nil
      }
      chosen.append((index, score))
    }
    return chosen
  }

  /// Evaluates a `Scorecard`.
  mutating func predict(_ body: PMMLScorecardBody) -> PMMLPrediction {
    guard let chosen = scorecardAttributes(body) else { return .missing }
    var score = body.description.initialScore
    for attribute in chosen { score += attribute.score }
    return .regression(score)
  }
}
