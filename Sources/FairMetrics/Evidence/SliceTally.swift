package import _FairSupport

/// The sufficient statistics of one slice: weighted counts and sums that merge exactly.
///
/// Every sum is an `ExactSum` (a floating-point expansion), so a tally merged from any
/// split of the rows holds the correctly rounded sum of all of them, whatever the split or
/// the order of the merge. Rates, confusion matrices, log-loss, the Brier score and the
/// calibration table are all functions of these sums. Rank statistics (the AUC, the sample
/// median and the weight above it) are not; they come from ``ScoreCounts``, which merge too.
package struct SliceTally: Sendable, Equatable, Codable {
  /// The rows with a membership in the slice.
  package var rows = 0
  /// The total membership weight (the row count when membership is certain).
  package var weight = ExactSum()
  /// The weight of rows with a favourable decision.
  package var selected = ExactSum()
  /// The weighted sum of scores.
  package var scoreSum = ExactSum()
  /// The weight of rows whose true outcome is favourable.
  package var positives = ExactSum()
  /// The weight of rows with a favourable outcome and a favourable decision.
  package var truePositives = ExactSum()
  /// The weight of rows with an unfavourable outcome and a favourable decision.
  package var falsePositives = ExactSum()
  /// The weighted log-loss of probability scores (clipped as scikit-learn does).
  package var logLoss = LogLoss()
  /// The weighted Brier score of probability scores.
  package var brier = BrierScore()
  /// Per calibration bin (ten equal-width bins of the probability): weight, score sum and
  /// favourable-outcome weight.
  package var calibrationWeight = [ExactSum](repeating: ExactSum(), count: SliceTally.binCount)
  /// See ``calibrationWeight``.
  package var calibrationScore = [ExactSum](repeating: ExactSum(), count: SliceTally.binCount)
  /// See ``calibrationWeight``.
  package var calibrationPositives = [ExactSum](repeating: ExactSum(), count: SliceTally.binCount)

  /// The number of calibration bins.
  package static let binCount = 10

  package init() {}

  /// Adds `other`'s rows.
  package mutating func merge(_ other: SliceTally) {
    rows += other.rows
    weight.add(other.weight)
    selected.add(other.selected)
    scoreSum.add(other.scoreSum)
    positives.add(other.positives)
    truePositives.add(other.truePositives)
    falsePositives.add(other.falsePositives)
    logLoss.merge(other.logLoss)
    brier.merge(other.brier)
    for bin in 0..<SliceTally.binCount {
      calibrationWeight[bin].add(other.calibrationWeight[bin])
      calibrationScore[bin].add(other.calibrationScore[bin])
      calibrationPositives[bin].add(other.calibrationPositives[bin])
    }
  }

  /// Adds one row's membership.
  @inline(__always)
  mutating func record(
    weight: Double, decision: Bool, score: Double?, outcome: Bool?, isProbability: Bool
  ) {
    rows += 1
    self.weight.add(weight)
    if decision { selected.add(weight) }
    if let score { scoreSum.add(weight * score) }
    guard let outcome else { return }
    if outcome {
      positives.add(weight)
      if decision { truePositives.add(weight) }
    } else if decision {
      falsePositives.add(weight)
    }
    guard let score, isProbability, score >= 0 && score <= 1 else { return }
    logLoss.add(label: outcome, probability: score, weight: weight)
    brier.add(label: outcome, probability: score, weight: weight)
    let bin = SliceTally.bin(of: score)
    calibrationWeight[bin].add(weight)
    calibrationScore[bin].add(weight * score)
    if outcome { calibrationPositives[bin].add(weight) }
  }

  /// The calibration bin of a probability: `⌊10·p⌋`, with 1 in the last bin.
  static func bin(of probability: Double) -> Int {
    min(SliceTally.binCount - 1, max(0, Int(probability * Double(SliceTally.binCount))))
  }
}
