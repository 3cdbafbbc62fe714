import FairMetrics
import Testing
import _FairSupport

/// The score maps behind the AUC, the median and the LL144 scoring rate: merged from any
/// split of the rows in any order they equal the map of all rows, and the figures read from
/// them equal the figures computed from the rows.
@Suite struct ScoreCountsTests {
  /// Rows with tied, negative-zero, NaN and fractional-weight scores, from `seed`.
  static func rows(seed: UInt64, count: Int, weighted: Bool) -> (
    scores: [Double], weights: [Double], outcomes: [Bool]
  ) {
    var generator = SplitMix64(seed: seed)
    var scores: [Double] = []
    var weights: [Double] = []
    var outcomes: [Bool] = []
    for _ in 0..<count {
      let kind = generator.nextInt(below: 20)
      let score: Double =
        kind == 0
        ? -0.0
        : kind == 1
          ? 0.0
          : kind < 8
            ? Double(generator.nextInt(below: 10)) / 10 : generator.nextDouble()
      scores.append(score)
      weights.append(weighted ? Double(generator.nextInt(below: 8)) / 7 : 1)
      outcomes.append(generator.nextDouble() < 0.3 + 0.5 * score)
    }
    return (scores, weights, outcomes)
  }

  @Test(arguments: [1, 2, 7, 64])
  func mergedFromAnySplitEqualsOnePiece(_ parts: Int) {
    let (scores, weights, outcomes) = Self.rows(seed: UInt64(parts), count: 3_000, weighted: true)
    let whole = ScoreCounts(scores: scores, weights: weights, outcomes: outcomes)
    var generator = SplitMix64(seed: 99 &+ UInt64(parts))
    // Random cut points, then the pieces merged in a random order.
    var cuts = Set([0, scores.count])
    while cuts.count < parts + 1 { cuts.insert(generator.nextInt(below: scores.count)) }
    let bounds = cuts.sorted()
    var pieces = (0..<parts).map { index in
      let range = bounds[index]..<bounds[index + 1]
      return ScoreCounts(
        scores: Array(scores[range]), weights: Array(weights[range]),
        outcomes: Array(outcomes[range]))
    }
    for index in pieces.indices.reversed() {
      pieces.swapAt(index, generator.nextInt(below: index + 1))
    }
    var merged = ScoreCounts()
    for piece in pieces { merged.merge(piece) }
    #expect(merged == whole)
    #expect(merged.auc.bitPattern == whole.auc.bitPattern)
    #expect(merged.median.value.bitPattern == whole.median.value.bitPattern)
  }

  @Test(arguments: [false, true])
  func aucEqualsTheRowComputation(_ weighted: Bool) {
    let (scores, weights, outcomes) = Self.rows(seed: 5, count: 2_000, weighted: weighted)
    let counts = ScoreCounts(scores: scores, weights: weights, outcomes: outcomes)
    // The row computation with the weights rounded to 2⁻³², as the map holds them.
    let rounded = weights.map { Double(ReplicateTally.fixed($0)) / ReplicateTally.scale }
    let expected = AUC.value(labels: outcomes, scores: scores, weights: rounded)
    if weighted {
      #expect(abs(counts.auc - expected) <= 1e-12)
    } else {
      #expect(counts.auc.bitPattern == expected.bitPattern)
    }
    // A NaN score makes the AUC NaN, as for rows.
    #expect(ScoreCounts(scores: scores + [.nan], outcomes: outcomes + [true]).auc.isNaN)
  }

  @Test func medianIsNumpysAndCountsTies() {
    #expect(ScoreCounts(scores: [3, 1, 2]).median == (2, 1.0 / 3))
    #expect(ScoreCounts(scores: [4, 1, 2, 3]).median == (2.5, 0))
    #expect(ScoreCounts(scores: [0.5, 0.5, 0.5, 0.9, .nan]).median == (0.5, 0.75))
    #expect(ScoreCounts(scores: [-0.0, 0.0]).median.value == 0)
    #expect(ScoreCounts(scores: []).median.value.isNaN)
    #expect(ScoreCounts(scores: [.nan]).median.value.isNaN)
  }

  @Test func weightAboveCountsStrictlyGreaterScores() {
    let counts = ScoreCounts(scores: [0.2, 0.5, 0.5, 0.7, 0.9], weights: [1, 1, 0.5, 0.25, 2])
    #expect(counts.weight(above: 0.5) == 2.25)
    #expect(counts.weight(above: 0.1) == 4.75)
    #expect(counts.weight(above: 0.9) == 0)
    #expect(counts.rowCount == 5)
  }
}
