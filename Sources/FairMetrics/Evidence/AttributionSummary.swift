import _FairSupport

/// How much each feature drives the model in each slice of a grouping, and which features
/// drive the difference in output between each slice and the reference.
///
/// For slice `g` and feature `j`, with membership weights `w` and attributions `φ`:
///
/// ```
/// meanAbs_gj  = Σ_{r∈g} w_r·|φ_rj| / Σ_{r∈g} w_r
/// share_gj    = meanAbs_gj / Σ_k meanAbs_gk
/// ratio_gj    = meanAbs_gj / meanAbs_ref,j
/// gap_g       = mean output(g) − mean output(ref)
/// contrib_gj  = mean φ_gj − mean φ_ref,j          Σ_j contrib_gj = gap_g
/// ```
///
/// The gap decomposition adds up exactly when every row's attributions start from the same
/// base value (interventional attributions against one common background, path-dependent
/// TreeSHAP, linear SHAP, KernelSHAP with one background); the additivity error reports
/// `gap − Σ contrib`, which is rounding for those methods (see ``Slice/additivityError``).
/// Every figure has a percentile
/// Poisson-bootstrap interval.
public struct AttributionSummary: Sendable, Hashable, Codable {
  /// One feature in one slice.
  public struct Feature: Sendable, Hashable, Codable {
    /// The feature (or feature group).
    public var feature: String
    /// The mean absolute attribution.
    public var meanAbsolute: Double
    /// See ``meanAbsolute``.
    public var meanAbsoluteInterval: ConfidenceInterval?
    /// The mean signed attribution.
    public var mean: Double
    /// The share of the slice's total mean absolute attribution.
    public var share: Double
    /// See ``share``.
    public var shareInterval: ConfidenceInterval?
    /// The rank by mean absolute attribution in the slice, 1 for the largest.
    public var rank: Int
    /// The mean absolute attribution over the reference slice's.
    public var ratioToReference: Double
    /// See ``ratioToReference``.
    public var ratioToReferenceInterval: ConfidenceInterval?
    /// The feature's contribution to the slice's output gap to the reference.
    public var gapContribution: Double
    /// See ``gapContribution``.
    public var gapContributionInterval: ConfidenceInterval?
    /// The contribution over the gap (NaN when the gap is 0).
    public var gapContributionShare: Double
  }

  /// One slice.
  public struct Slice: Sendable, Hashable, Codable {
    /// The slice's name.
    public var slice: String
    /// The weighted count of attributed rows.
    public var weight: Double
    /// The mean model output, in the attributions' output space.
    public var meanOutput: Double
    /// The mean output minus the reference slice's.
    public var gap: Double
    /// See ``gap``.
    public var gapInterval: ConfidenceInterval?
    /// `gap − Σ contributions`: rounding for additive methods with one base value.
    public var additivityError: Double
    /// The features, in the attributions' column order.
    public var features: [Feature]
  }

  /// The grouping.
  public var grouping: String
  /// The reference slice.
  public var reference: String
  /// The rows whose attributions are summarised: `all`, or only those with a favourable
  /// (`favourable-outcome`) or unfavourable (`unfavourable-outcome`) true outcome, which
  /// decompose the true- and false-positive-rate gaps.
  public var population: String
  /// The output space of the attributions (`margin` or `probability`).
  public var outputSpace: String
  /// The slices.
  public var slices: [Slice]

  /// The summary of the slice named `name`.
  public func slice(named name: String) -> Slice? { slices.first { $0.slice == name } }
}

extension AttributionSummary {
  /// Computes a grouping's summary from its attribution tally.
  ///
  /// - Parameters:
  ///   - layout: The grouping's slices.
  ///   - tally: The merged attribution tally.
  ///   - featureNames: The attribution columns.
  ///   - reference: The reference slice's index.
  ///   - population: What rows were attributed (see ``population``).
  ///   - outputSpace: The attributions' output space.
  ///   - alpha: One minus the confidence level.
  /// - Complexity: O(*s*·*m*·*B*) for *s* slices, *m* features and *B* replicates.
  package init(
    layout membership: SliceLayout, tally: AttributionTally, featureNames: [String], reference: Int,
    population: String, outputSpace: String, alpha: Double
  ) {
    let m = featureNames.count
    let replicates = tally.replicates.replicateCount
    let sliceCount = membership.sliceNames.count
    func replicate(_ slice: Int, _ statistic: Int) -> [Double] {
      (0..<replicates).map {
        tally.replicates.value(slice: slice, statistic: statistic, replicate: $0)
      }
    }
    func interval(_ values: [Double]) -> ConfidenceInterval? {
      replicates > 0 ? ConfidenceInterval(bootstrap: values, alpha: alpha) : nil
    }
    let weights = (0..<sliceCount).map { tally.weight[$0].value }
    let meanAbs = (0..<sliceCount).map { slice in
      (0..<m).map { tally.absoluteSums[slice * m + $0].value / weights[slice] }
    }
    let means = (0..<sliceCount).map { slice in
      (0..<m).map { tally.sums[slice * m + $0].value / weights[slice] }
    }
    let outputs = (0..<sliceCount).map { tally.outputSums[$0].value / weights[$0] }
    // Replicate means, [slice][feature][b].
    let replicateWeights = (0..<sliceCount).map { replicate($0, 0) }
    let replicateAbs = (0..<sliceCount).map { slice in
      (0..<m).map { feature in
        zip(replicate(slice, 1 + feature), replicateWeights[slice]).map { $1 > 0 ? $0 / $1 : .nan }
      }
    }
    let replicateMeans = (0..<sliceCount).map { slice in
      (0..<m).map { feature in
        zip(replicate(slice, 1 + m + feature), replicateWeights[slice]).map {
          $1 > 0 ? $0 / $1 : .nan
        }
      }
    }
    var slices: [Slice] = []
    for slice in 0..<sliceCount {
      let total = meanAbs[slice].reduce(0, +)
      let order = (0..<m).sorted {
        meanAbs[slice][$0] > meanAbs[slice][$1]
          || (meanAbs[slice][$0] == meanAbs[slice][$1] && $0 < $1)
      }
      var rank = [Int](repeating: 0, count: m)
      for (position, feature) in order.enumerated() { rank[feature] = position + 1 }
      let gap = outputs[slice] - outputs[reference]
      let replicateTotals = (0..<replicates).map { b in
        (0..<m).reduce(0.0) { $0 + replicateAbs[slice][$1][b] }
      }
      var features: [Feature] = []
      var contributionSum = 0.0
      for feature in 0..<m {
        let contribution = means[slice][feature] - means[reference][feature]
        contributionSum += contribution
        features.append(
          Feature(
            feature: featureNames[feature], meanAbsolute: meanAbs[slice][feature],
            meanAbsoluteInterval: interval(replicateAbs[slice][feature]),
            mean: means[slice][feature], share: meanAbs[slice][feature] / total,
            shareInterval: interval(
              (0..<replicates).map { replicateAbs[slice][feature][$0] / replicateTotals[$0] }),
            rank: rank[feature],
            ratioToReference: meanAbs[slice][feature] / meanAbs[reference][feature],
            ratioToReferenceInterval: interval(
              (0..<replicates).map {
                replicateAbs[slice][feature][$0] / replicateAbs[reference][feature][$0]
              }),
            gapContribution: contribution,
            gapContributionInterval: interval(
              (0..<replicates).map {
                replicateMeans[slice][feature][$0] - replicateMeans[reference][feature][$0]
              }),
            gapContributionShare: gap == 0 ? .nan : contribution / gap))
      }
      let replicateGaps = (0..<replicates).map { b in
        (0..<m).reduce(0.0) { $0 + replicateMeans[slice][$1][b] - replicateMeans[reference][$1][b] }
      }
      slices.append(
        Slice(
          slice: membership.sliceNames[slice], weight: weights[slice],
          meanOutput: outputs[slice], gap: gap, gapInterval: interval(replicateGaps),
          additivityError: gap - contributionSum, features: features))
    }
    self.grouping = membership.grouping.name
    self.reference = membership.sliceNames[reference]
    self.population = population
    self.outputSpace = outputSpace
    self.slices = slices
  }
}
