import _FairSupport

/// The distinct scores of a set of rows, each with its row count, membership weight and
/// favourable-outcome weight: the mergeable form of the rank statistics.
///
/// The AUC compares every favourable row's score with every unfavourable row's, and the median
/// needs every score, so neither is a function of per-chunk summaries — except this one: the
/// map `score → (rows, weight, favourable weight)`. Two maps merge by adding the entries of
/// equal scores, so the map of any split of the rows, merged in any order, equals the map of
/// all of them, and so do the AUC, the median and the weight above it computed from it.
///
/// Weights are held in fixed point, in units of 2⁻³² as ``ReplicateTally`` holds its sums, so
/// that they add exactly: a certain membership (weight 1) is exact, a fractional one is
/// rounded once per row to the nearest 2⁻³² (at most 1.2·10⁻¹⁰). `-0.0` is stored as `0.0`,
/// and NaN scores are counted apart. The map grows with the number of distinct scores: up to
/// one entry per row for continuous scores, 28 bytes each.
package struct ScoreCounts: Sendable, Equatable, Codable {
  /// The distinct scores, ascending.
  package private(set) var scores: [Double] = []
  /// Per score: the rows (each counted once, whatever its weight).
  package private(set) var rows: [Int] = []
  /// Per score: the membership weight, in units of 2⁻³².
  package private(set) var weights: [Int64] = []
  /// Per score: the weight of rows whose true outcome is favourable, in units of 2⁻³².
  package private(set) var favourable: [Int64] = []
  /// Rows whose score is NaN.
  package private(set) var nanRows = 0

  /// An empty map.
  package init() {}

  /// The map of some rows.
  ///
  /// - Parameters:
  ///   - scores: Each row's score.
  ///   - weights: Each row's membership weight; 1 for every row when `nil`.
  ///   - outcomes: Whether each row's true outcome is favourable, when known.
  /// - Complexity: O(*n* log *n*).
  package init(scores: [Double], weights: [Double]? = nil, outcomes: [Bool]? = nil) {
    var order: [Int] = []
    order.reserveCapacity(scores.count)
    for row in scores.indices {
      if scores[row].isNaN { nanRows += 1 } else { order.append(row) }
    }
    order.sort { scores[$0] < scores[$1] }
    for row in order {
      let score = scores[row] + 0  // -0.0 becomes 0.0
      let weight = ReplicateTally.fixed(weights?[row] ?? 1)
      if let last = self.scores.last, last == score {
        self.rows[self.rows.count - 1] += 1
        self.weights[self.weights.count - 1] &+= weight
        if outcomes?[row] == true { favourable[favourable.count - 1] &+= weight }
      } else {
        self.scores.append(score)
        self.rows.append(1)
        self.weights.append(weight)
        favourable.append(outcomes?[row] == true ? weight : 0)
      }
    }
  }

  /// Adds `other`'s rows.
  /// - Complexity: O(*a* + *b*) for the two maps' entries.
  package mutating func merge(_ other: ScoreCounts) {
    guard !other.scores.isEmpty else {
      nanRows += other.nanRows
      return
    }
    var merged = ScoreCounts()
    merged.nanRows = nanRows + other.nanRows
    let capacity = scores.count + other.scores.count
    merged.scores.reserveCapacity(capacity)
    merged.rows.reserveCapacity(capacity)
    merged.weights.reserveCapacity(capacity)
    merged.favourable.reserveCapacity(capacity)
    var mine = 0
    var theirs = 0
    while mine < scores.count || theirs < other.scores.count {
      let takeMine =
        theirs == other.scores.count
        || (mine < scores.count && scores[mine] <= other.scores[theirs])
      let takeTheirs =
        mine == scores.count
        || (theirs < other.scores.count && other.scores[theirs] <= scores[mine])
      let score = takeMine ? scores[mine] : other.scores[theirs]
      var count = 0
      var weight: Int64 = 0
      var positive: Int64 = 0
      if takeMine {
        count += rows[mine]
        weight &+= weights[mine]
        positive &+= favourable[mine]
        mine += 1
      }
      if takeTheirs {
        count += other.rows[theirs]
        weight &+= other.weights[theirs]
        positive &+= other.favourable[theirs]
        theirs += 1
      }
      merged.scores.append(score)
      merged.rows.append(count)
      merged.weights.append(weight)
      merged.favourable.append(positive)
    }
    self = merged
  }

  /// Whether the arrays agree with each other (a decoded map is checked before use).
  package var isConsistent: Bool {
    scores.count == rows.count && rows.count == weights.count
      && weights.count == favourable.count && nanRows >= 0 && rows.allSatisfy { $0 > 0 }
      && !scores.contains(where: { $0.isNaN || $0.bitPattern == (-0.0 as Double).bitPattern })
      && zip(scores, scores.dropFirst()).allSatisfy { $0 < $1 }
  }

  /// The rows with a score that is not NaN.
  package var rowCount: Int { rows.reduce(0, +) }

  /// The weight of the rows scored strictly above `threshold`.
  package func weight(above threshold: Double) -> Double {
    var total: Int64 = 0
    var index = scores.count - 1
    while index >= 0 && scores[index] > threshold {
      total &+= weights[index]
      index -= 1
    }
    return Double(total) / ReplicateTally.scale
  }

  /// The weighted ROC AUC of the scores against the favourable outcomes, ties counted half;
  /// NaN when a score is NaN or a class has no weight.
  ///
  /// Equal to ``AUC/value(labels:scores:weights:)`` over the same rows (with the weights in
  /// fixed point): the same walk from the highest score down, one step per distinct score.
  package var auc: Double {
    guard nanRows == 0 else { return .nan }
    var positivesAbove = 0.0
    var negativesAbove = 0.0
    var area = 0.0
    for index in scores.indices.reversed() {
      let positives = Double(favourable[index]) / ReplicateTally.scale
      let negatives = Double(weights[index] &- favourable[index]) / ReplicateTally.scale
      area += negatives * (positivesAbove + positives / 2)
      positivesAbove += positives
      negativesAbove += negatives
    }
    guard positivesAbove > 0, negativesAbove > 0 else { return .nan }
    return area / (positivesAbove * negativesAbove)
  }

  /// The median of the scores, and the share of rows whose score equals it.
  ///
  /// The median is numpy's: the mean of the middle pair for an even count, each row counted
  /// once whatever its weight. NaN scores are left out; with no rows, both are NaN.
  package var median: (value: Double, tiedShare: Double) {
    let count = rowCount
    guard count > 0 else { return (.nan, .nan) }
    /// The score at 0-based position `position` of the sorted scores.
    func score(at position: Int) -> Double {
      var seen = 0
      for index in scores.indices {
        seen += rows[index]
        if position < seen { return scores[index] }
      }
      return scores[scores.count - 1]
    }
    let middle = count / 2
    let value = count % 2 == 1 ? score(at: middle) : (score(at: middle - 1) + score(at: middle)) / 2
    let tied = scores.firstIndex(of: value).map { rows[$0] } ?? 0
    return (value, Double(tied) / Double(count))
  }

  /// The median of the scores in `range` (numpy's, each row counted once), or `nil` when no
  /// row's score is in it.
  package func median(in range: Range<Double>) -> Double? {
    let inside = scores.indices.filter { range.contains(scores[$0]) }
    let count = inside.reduce(0) { $0 + rows[$1] }
    guard count > 0 else { return nil }
    /// The score at 0-based position `position` of the sorted scores in the range.
    func score(at position: Int) -> Double {
      var seen = 0
      for index in inside {
        seen += rows[index]
        if position < seen { return scores[index] }
      }
      return scores[inside[inside.count - 1]]
    }
    let middle = count / 2
    return count % 2 == 1 ? score(at: middle) : (score(at: middle - 1) + score(at: middle)) / 2
  }
}

extension ScoreCounts {
  private enum CodingKeys: String, CodingKey {
    case scores, rows, weights, favourable, nanRows
  }

  /// Decodes a map whose arrays are base64 of little-endian 64-bit values (scores as their
  /// bit patterns).
  ///
  /// - Throws: `DecodingError` when an array is not canonical base64.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    scores = try container.decodeBase64(.scores, Base64Integers.decodeDoubles)
    rows = try container.decodeBase64(.rows, Base64Integers.decodeCounts)
    weights = try container.decodeBase64(.weights, Base64Integers.decode)
    favourable = try container.decodeBase64(.favourable, Base64Integers.decode)
    nanRows = try container.decode(Int.self, forKey: .nanRows)
  }

  /// Encodes the arrays as base64 of little-endian 64-bit values: compact and canonical.
  ///
  /// - Throws: What the encoder throws.
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Base64Integers.encode(scores), forKey: .scores)
    try container.encode(Base64Integers.encode(rows), forKey: .rows)
    try container.encode(Base64Integers.encode(weights), forKey: .weights)
    try container.encode(Base64Integers.encode(favourable), forKey: .favourable)
    try container.encode(nanRows, forKey: .nanRows)
  }
}
