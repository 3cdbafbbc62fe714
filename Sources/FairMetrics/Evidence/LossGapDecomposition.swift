import FairAttribution
import _FairSupport

/// Which features make the model worse for each slice: the slice's mean-loss gap to the
/// reference split into per-feature contributions that add up to it.
///
/// Each row's loss attributions add up to its loss minus the background's expected loss at
/// the row's label, `ℓ_r − b(y_r)` with `b(y) = Σ_k w_k·L(m_k, y)` over background rows `k`
/// (see FairAttribution's `LossExplainer`). Averaged over a slice and differenced with the
/// reference, for slice `g`:
///
/// ```
/// gap_g        = meanLoss_g − meanLoss_ref
///              = Σ_j (mean φ_gj − mean φ_ref,j)  +  (mean b_g − mean b_ref)
///                   feature contributions            outcome mix
/// ```
///
/// The *outcome mix* is the part of the gap the background would show on the two slices'
/// labels alone: a slice with more of the outcome the model finds harder has a higher
/// baseline loss. The rest belongs to the features, and a feature with a positive
/// contribution raises the slice's loss relative to the reference. Every figure has a
/// percentile Poisson-bootstrap interval from the evidence's row-keyed replicates.
public struct LossGapDecomposition: Sendable, Hashable, Codable {
  /// One feature's part of a slice's gap.
  public struct Contribution: Sendable, Hashable, Codable {
    /// The feature (or feature group).
    public var feature: String
    /// Its part of the gap: its mean attribution in the slice minus the reference's.
    public var contribution: Double
    /// See ``contribution``.
    public var interval: ConfidenceInterval?
    /// ``contribution`` over the gap when the slice's mean loss is above the reference's
    /// (its share of the excess loss); 0 otherwise.
    public var shareOfExcess: Double
  }

  /// One slice.
  public struct Slice: Sendable, Hashable, Codable {
    /// The slice.
    public var slice: String
    /// The weighted rows.
    public var weight: Double
    /// The mean loss (as attributed).
    public var meanLoss: Double
    /// The mean loss minus the reference's.
    public var gap: Double
    /// See ``gap``.
    public var gapInterval: ConfidenceInterval?
    /// The part of the gap due to the slices' labels alone (the background's expected loss).
    public var outcomeMix: Double
    /// See ``outcomeMix``.
    public var outcomeMixInterval: ConfidenceInterval?
    /// The features' contributions, in attribution column order.
    public var contributions: [Contribution]
    /// `gap − outcomeMix − Σ contributions`: rounding.
    public var additivityError: Double
  }

  /// The grouping.
  public var grouping: String
  /// The reference slice.
  public var reference: String
  /// The attributed loss.
  public var loss: String
  /// The attribution method that ran (`tree` or `permutation`).
  public var method: String
  /// The slices.
  public var slices: [Slice]

  /// The slice named `name`.
  public func slice(named name: String) -> Slice? { slices.first { $0.slice == name } }

  /// The column of the attribution tally that holds each row's baseline.
  package static let baselineColumn = "(outcome mix)"

  /// Builds the decomposition from an attribution summary over `[φ…, baseline]` with the
  /// loss as output.
  init(summary: AttributionSummary, loss: String, method: String) {
    grouping = summary.grouping
    reference = summary.reference
    self.loss = loss
    self.method = method
    slices = summary.slices.map { slice in
      let features = slice.features.filter { $0.feature != Self.baselineColumn }
      let baseline = slice.features.first { $0.feature == Self.baselineColumn }
      let contributions = features.map {
        Contribution(
          feature: $0.feature, contribution: $0.gapContribution,
          interval: $0.gapContributionInterval,
          shareOfExcess: slice.gap > 0 ? $0.gapContribution / slice.gap : 0)
      }
      return Slice(
        slice: slice.slice, weight: slice.weight, meanLoss: slice.meanOutput, gap: slice.gap,
        gapInterval: slice.gapInterval, outcomeMix: baseline?.gapContribution ?? 0,
        outcomeMixInterval: baseline?.gapContributionInterval,
        contributions: contributions, additivityError: slice.additivityError)
    }
  }
}
