/// How often the model's decision changes when a protected attribute that is a model input
/// is set to another value, all else equal.
///
/// For a categorical input each other label is tried; for a numeric input cut into bins,
/// the median of each other bin's rows. ``rate`` is the share of the rows whose value
/// differs from `value` (for a binned input: whose value lies outside the bin) that change
/// decision when set to it.
public struct CounterfactualFlip: Sendable, Hashable, Codable {
  /// The protected attribute.
  public var attribute: String
  /// The model input that carries it.
  public var feature: String
  /// The value set, as a label.
  public var value: String
  /// The rows whose value differs from ``value`` (lies outside its bin, for a binned input).
  public var rows: Int
  /// The rows whose decision changes.
  public var flipped: Int
  /// `flipped / rows`, with its Wilson interval.
  public var rate: Double
  /// See ``rate``.
  public var interval: ConfidenceInterval
}

/// The model side of counterfactual flips: the rows as the model reads them and the decision
/// rule, so that a changed input can be decided again.
public struct CounterfactualModel: Sendable {
  /// The model's input names, in matrix order.
  public var featureNames: [String]
  /// The rows, row-major, one value per input (categorical inputs as level indexes).
  public var values: [Double]
  /// For each input, its labels when it is categorical (the matrix holds their indexes).
  public var levels: [[String]?]
  /// Decides rows given row-major values; `true` is favourable.
  public var decide: @Sendable ([Double]) throws -> [Bool]
  /// For an input whose values were counted over all the rows beforehand (these rows being
  /// one partition of them, `fairgate evidence sample`): the map of those values, from which
  /// the values tried are taken instead of from these rows, so that flips merge.
  package var allValues: [Int: ScoreCounts] = [:]

  /// Creates the model side.
  public init(
    featureNames: [String], values: [Double], levels: [[String]?],
    decide: @escaping @Sendable ([Double]) throws -> [Bool]
  ) {
    self.featureNames = featureNames
    self.values = values
    self.levels = levels
    self.decide = decide
  }
}

extension CounterfactualFlip {
  /// The flips of one attribute carried by the input `feature`.
  ///
  /// - Parameters:
  ///   - attribute: The protected attribute.
  ///   - feature: The index of the model input that carries it.
  ///   - model: The rows and the decision rule.
  ///   - decisions: The decisions on the unchanged rows.
  ///   - bins: For a numeric input cut into bins: the edges and labels.
  ///   - alpha: One minus the confidence level.
  /// - Returns: Each value tried that changes some row: its position among the values tried,
  ///   and its flip.
  /// - Throws: The model's error.
  /// - Complexity: One scoring of the rows whose value changes, per value tried.
  package static func flips(
    attribute: String, feature: Int, model: CounterfactualModel, decisions: [Bool],
    bins: (edges: [Double], labels: [String])?, alpha: Double
  ) throws -> [(candidate: Int, flip: CounterfactualFlip)] {
    let width = model.featureNames.count
    let rowCount = decisions.count
    let current = (0..<rowCount).map { model.values[$0 * width + feature] }
    var candidates: [(label: String, value: Double, range: Range<Double>?)] = []
    if let levels = model.levels[feature] {
      candidates = levels.enumerated().map { ($1, Double($0), nil) }
    } else {
      // The values tried come from the map of the input's values: over all rows when they
      // were counted beforehand, else over these rows.
      let counts = model.allValues[feature] ?? ScoreCounts(scores: current)
      if let bins {
        for bin in 0..<(bins.edges.count - 1) {
          let range = bins.edges[bin]..<bins.edges[bin + 1]
          guard let median = counts.median(in: range) else { continue }
          candidates.append((bins.labels[bin], median, range))
        }
      } else {
        guard counts.scores.count <= 50 else { return [] }
        candidates = counts.scores.map { ("\($0)", $0, nil) }
      }
    }
    var result: [(candidate: Int, flip: CounterfactualFlip)] = []
    for (position, candidate) in candidates.enumerated() {
      // Only the rows whose value changes are decided again; a row already in the target bin
      // (or at the target value) keeps its value and its decision.
      var changed: [Int] = []
      for row in 0..<rowCount where !current[row].isNaN {
        if let range = candidate.range, range.contains(current[row]) { continue }
        if current[row] == candidate.value { continue }
        changed.append(row)
      }
      guard !changed.isEmpty else { continue }
      var values: [Double] = []
      values.reserveCapacity(changed.count * width)
      for row in changed {
        values.append(contentsOf: model.values[(row * width)..<((row + 1) * width)])
        values[values.count - width + feature] = candidate.value
      }
      let counterfactual = try model.decide(values)
      let flipped = changed.indices.filter { counterfactual[$0] != decisions[changed[$0]] }.count
      result.append(
        (
          position,
          CounterfactualFlip(
            attribute: attribute, feature: model.featureNames[feature], value: candidate.label,
            rows: changed.count, flipped: flipped, alpha: alpha)
        ))
    }
    return result
  }
}

extension CounterfactualFlip {
  /// A flip of `rows` changed rows of which `flipped` changed decision, with the rate's
  /// Wilson interval at level `1 − alpha`.
  init(
    attribute: String, feature: String, value: String, rows: Int, flipped: Int, alpha: Double
  ) {
    let rate = Rate(numerator: Double(flipped), denominator: Double(rows))
    self.init(
      attribute: attribute, feature: feature, value: value, rows: rows, flipped: flipped,
      rate: rate.value, interval: ConfidenceInterval(WilsonInterval(rate, alpha: alpha)))
  }

  /// `flip` with other counts, its rate and interval computed again.
  init(counting flip: CounterfactualFlip, rows: Int, flipped: Int, alpha: Double) {
    self.init(
      attribute: flip.attribute, feature: flip.feature, value: flip.value, rows: rows,
      flipped: flipped, alpha: alpha)
  }
}
