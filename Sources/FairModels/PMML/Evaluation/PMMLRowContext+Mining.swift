extension PMMLRowContext {
  /// Evaluates a `MiningModel` following jpmml-evaluator's aggregation rules.
  ///
  /// Only segments whose predicate is true take part. For numeric and probability
  /// aggregations, a segment without a result makes the whole result missing under
  /// `continue` and `returnMissing`; under `skipSegment` it is left out unless the
  /// weighted fraction of such segments exceeds `missingThreshold`. For votes, `continue`
  /// counts a "missing" pseudo-category, which wins only with strictly more votes than
  /// every real category.
  mutating func predict(
    _ body: PMMLMiningBody, function: PMMLSubmodel.Function, isFloat: Bool
  ) -> PMMLPrediction {
    for slot in body.assignedSlots { clear(slot: slot) }
    var results: [(prediction: PMMLPrediction, weight: Double)] = []
    results.reserveCapacity(body.segments.count)
    for index in body.segments.indices {
      guard holds(body.segments[index].predicate) else { continue }
      let prediction = predict(body.segments[index].model)
      let weight = body.segments[index].weight
      switch body.method {
      case .selectFirst:
        return prediction
      case .modelChain:
        results = [(prediction, weight)]
      default:
        results.append((prediction, weight))
      }
    }
    guard !results.isEmpty else { return .missing }
    switch body.method {
    case .selectFirst, .modelChain:
      return results[results.count - 1].prediction
    case .majorityVote, .weightedMajorityVote:
      return vote(results, body)
    default:
      return aggregate(results, body, function: function, isFloat: isFloat)
    }
  }

  private func aggregate(
    _ results: [(prediction: PMMLPrediction, weight: Double)], _ body: PMMLMiningBody,
    function: PMMLSubmodel.Function, isFloat: Bool
  ) -> PMMLPrediction {
    let totalWeight = results.reduce(0) { $0 + $1.weight }
    var missingWeight = 0.0
    var values: [(value: Double, weight: Double)] = []
    values.reserveCapacity(results.count)
    for (prediction, weight) in results {
      let value = function == .regression ? prediction.value : prediction.probability
      if value.isNaN {
        switch body.missingPredictionTreatment {
        case .continue, .returnMissing:
          return .missing
        case .skipSegment:
          missingWeight += weight
          if missingWeight / totalWeight > body.missingThreshold { return .missing }
          continue
        }
      }
      values.append((value, weight))
    }
    guard !values.isEmpty else { return .missing }
    let isWeighted =
      body.method == .weightedSum || body.method == .weightedAverage
      || body.method == .weightedMedian
    var result: Double
    switch body.method {
    case .median, .weightedMedian:
      result = PMMLRowContext.median(values, weighted: isWeighted)
    case .max:
      result = values.map(\.value).max() ?? .nan
    default:
      var sum = 0.0
      var weights = 0.0
      for (value, weight) in values {
        let term = isWeighted ? value * weight : value
        sum = isFloat ? Double(Float(sum) + Float(term)) : sum + term
        weights += isWeighted ? weight : 1
      }
      let isAverage = body.method == .average || body.method == .weightedAverage
      result = isAverage ? sum / weights : sum
      if isFloat { result = Double(Float(result)) }
    }
    if function == .regression { return .regression(result) }
    return .classification(probability: result)
  }

  private func vote(
    _ results: [(prediction: PMMLPrediction, weight: Double)], _ body: PMMLMiningBody
  ) -> PMMLPrediction {
    let isWeighted = body.method == .weightedMajorityVote
    let totalWeight = results.reduce(0) { $0 + $1.weight }
    var votes = [0.0, 0.0]
    var missingVotes = 0.0
    var missingWeight = 0.0
    for (prediction, weight) in results {
      let amount = isWeighted ? weight : 1
      guard prediction.category == 0 || prediction.category == 1 else {
        switch body.missingPredictionTreatment {
        case .returnMissing:
          return .missing
        case .skipSegment, .continue:
          missingWeight += weight
          if missingWeight / totalWeight > body.missingThreshold { return .missing }
          if body.missingPredictionTreatment == .continue { missingVotes += amount }
        }
        continue
      }
      votes[prediction.category] += amount
    }
    let total = votes[0] + votes[1]
    guard total > 0 else { return .missing }
    if missingVotes > Swift.max(votes[0], votes[1]) { return .missing }
    return .classification(probability: votes[1] / total)
  }

  private static func median(_ values: [(value: Double, weight: Double)], weighted: Bool)
    -> Double
  {
    let sorted = values.sorted { $0.value < $1.value }
    guard weighted else {
      let middle = sorted.count / 2
      return sorted.count % 2 == 1
        ? sorted[middle].value : (sorted[middle - 1].value + sorted[middle].value) / 2
    }
    let half = sorted.reduce(0) { $0 + $1.weight } / 2
    var cumulative = 0.0
    for entry in sorted {
      cumulative += entry.weight
      if cumulative >= half { return entry.value }
    }
    return sorted.last?.value ?? .nan
  }
}
