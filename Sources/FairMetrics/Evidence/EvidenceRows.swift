/// The per-row inputs of the evidence: decisions, and the scores, true outcomes and row
/// identifiers when there are any.
///
/// Decisions are *favourable* or not (credit granted, candidate selected). True outcomes are
/// favourable or not on the same scale (the loan repaid, the candidate qualified), so the
/// true-positive rate is the share of rows with a favourable outcome that got a favourable
/// decision, as fairlearn computes it with `pos_label = 1`.
public struct EvidenceRows: Sendable, Equatable {
  /// How a score is to be read.
  public enum ScoreScale: String, Sendable, Hashable, Codable {
    /// A probability of the favourable outcome, in `[0, 1]`: calibration, log-loss and the
    /// Brier score are computable.
    case probability
    /// A margin or any other score where greater means more favourable: only rank-based
    /// figures (the AUC, the LL144 scoring rate) are computable.
    case score
  }

  /// Each row's stable identifier: a row's bootstrap weights depend only on it and the seed,
  /// so results do not depend on how rows are split into chunks or partitions.
  public var rowIDs: [UInt64]
  /// Whether each row's decision is favourable.
  public var decisions: [Bool]
  /// Each row's score, when there is one (a model's output or a score column).
  public var scores: [Double]?
  /// How the scores are read.
  public var scoreScale: ScoreScale
  /// Whether each row's true outcome is favourable, when outcomes are known.
  public var outcomes: [Bool]?

  /// Creates the inputs.
  ///
  /// - Precondition: every array has one element per row.
  public init(
    rowIDs: [UInt64], decisions: [Bool], scores: [Double]? = nil,
    scoreScale: ScoreScale = .probability, outcomes: [Bool]? = nil
  ) {
    precondition(
      rowIDs.count == decisions.count && scores.map { $0.count == decisions.count } ?? true
        && outcomes.map { $0.count == decisions.count } ?? true,
      "every input needs one value per row (\(decisions.count))")
    self.rowIDs = rowIDs
    self.decisions = decisions
    self.scores = scores
    self.scoreScale = scoreScale
    self.outcomes = outcomes
  }

  /// The number of rows.
  public var rowCount: Int { decisions.count }
}
