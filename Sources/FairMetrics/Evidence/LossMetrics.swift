import _FairSupport

/// The declared loss and decision cost in each slice of a grouping, compared with the
/// reference slice and with the slice's share of the rows.
///
/// For slice `g` with membership weights `w`, per-row losses `ℓ` and costs `c`:
///
/// ```
/// meanLoss_g      = Σ_{r∈g} w_r·ℓ_r / Σ_{r∈g} w_r
/// lossRatio_g     = meanLoss_g / meanLoss_ref         lossDifference_g = meanLoss_g − meanLoss_ref
/// lossShare_g     = Σ_{r∈g} w_r·ℓ_r / Σ_all ℓ_r       (all rows of the data, unknown included)
/// lossShareRatio_g = lossShare_g / rowShare_g         > 1: the slice bears more than its share
/// ```
///
/// and the same for costs. Every mean, ratio and difference has a percentile
/// Poisson-bootstrap interval from the same row-keyed replicates as the group metrics, so
/// the figures merge exactly across any split of the rows.
public struct LossMetrics: Sendable, Hashable, Codable {
  /// The figures of one per-row quantity (the loss, or the decision cost) in one slice.
  public struct Figures: Sendable, Hashable, Codable {
    /// The mean over the slice's rows.
    public var mean: Double
    /// See ``mean``.
    public var meanInterval: ConfidenceInterval?
    /// The slice's share of the total over all rows.
    public var share: Double
    /// ``share`` over the slice's share of the rows: above 1, the slice bears more than its
    /// share.
    public var shareRatio: Double
    /// The mean over the reference slice's.
    public var ratio: Double
    /// See ``ratio``.
    public var ratioInterval: ConfidenceInterval?
    /// The mean minus the reference slice's.
    public var difference: Double
    /// See ``difference``.
    public var differenceInterval: ConfidenceInterval?
  }

  /// One slice.
  public struct Slice: Sendable, Hashable, Codable {
    /// The slice's name.
    public var slice: String
    /// The rows in the slice.
    public var rows: Int
    /// The weighted count.
    public var weight: Double
    /// The slice's share of all rows.
    public var rowShare: Double
    /// Whether the slice is left out of comparisons (under the minimum share).
    public var isExcluded: Bool
    /// The declared loss's figures, when a loss is declared.
    public var loss: Figures?
    /// The decision cost's figures, when a cost matrix is declared.
    public var cost: Figures?
  }

  /// The grouping's name.
  public var grouping: String
  /// The reference slice (as in the group metrics).
  public var reference: String
  /// The declared loss, as `focal(alpha: 0.25, gamma: 2)`, if any.
  public var loss: String?
  /// The declared cost matrix, summarised, if any.
  public var costs: String?
  /// The mean loss over all rows.
  public var overallMeanLoss: Double?
  /// The mean cost over all rows.
  public var overallMeanCost: Double?
  /// The slices, in report order.
  public var slices: [Slice]

  /// The slice named `name`.
  public func slice(named name: String) -> Slice? { slices.first { $0.slice == name } }
}

extension LossMetrics {
  /// Computes a grouping's loss metrics from its tally of `[loss, cost]` (either may be
  /// absent; ``Layout`` says which statistic is which).
  package init(
    layout membership: SliceLayout, tally: AttributionTally, statistics layout: Layout,
    groupMetrics: GroupingMetrics, totals: (loss: Double?, cost: Double?), rowCount: Int,
    declared: Evidence.DeclaredLoss, alpha: Double
  ) {
    let reference = membership.sliceIndex(named: groupMetrics.reference) ?? 0
    let k = tally.featureCount
    let replicates = tally.replicates.replicateCount
    let sliceCount = membership.sliceNames.count
    func replicateValues(_ slice: Int, _ statistic: Int) -> [Double] {
      (0..<replicates).map {
        tally.replicates.value(slice: slice, statistic: statistic, replicate: $0)
      }
    }
    func interval(_ values: [Double]) -> ConfidenceInterval? {
      replicates > 0 ? ConfidenceInterval(bootstrap: values, alpha: alpha) : nil
    }
    let weights = (0..<sliceCount).map { tally.weight[$0].value }
    let replicateWeights = (0..<sliceCount).map { replicateValues($0, 0) }
    /// Per slice: the mean of statistic `j`, its sum, and its replicate means.
    func means(_ j: Int) -> (means: [Double], sums: [Double], replicates: [[Double]]) {
      let sums = (0..<sliceCount).map { tally.sums[$0 * k + j].value }
      let means = zip(sums, weights).map { $0 / $1 }
      let replicateMeans = (0..<sliceCount).map { slice in
        zip(replicateValues(slice, 1 + k + j), replicateWeights[slice]).map {
          $1 > 0 ? $0 / $1 : .nan
        }
      }
      return (means, sums, replicateMeans)
    }
    /// The figures of statistic `j` in `slice`, against its total over all rows.
    func figures(_ j: Int, total: Double, slice: Int, rowShare: Double) -> Figures {
      let (means, sums, replicates) = means(j)
      return Figures(
        mean: means[slice], meanInterval: interval(replicates[slice]),
        share: sums[slice] / total, shareRatio: sums[slice] / total / rowShare,
        ratio: means[slice] / means[reference],
        ratioInterval: interval(zip(replicates[slice], replicates[reference]).map { $0 / $1 }),
        difference: means[slice] - means[reference],
        differenceInterval: interval(
          zip(replicates[slice], replicates[reference]).map { $0 - $1 }))
    }
    var slices: [Slice] = []
    for slice in 0..<sliceCount {
      let rowShare = weights[slice] / Double(rowCount)
      var entry = Slice(
        slice: membership.sliceNames[slice], rows: groupMetrics.slices[slice].rows,
        weight: weights[slice], rowShare: rowShare,
        isExcluded: groupMetrics.slices[slice].isExcluded)
      if let j = layout.loss, let total = totals.loss {
        entry.loss = figures(j, total: total, slice: slice, rowShare: rowShare)
      }
      if let j = layout.cost, let total = totals.cost {
        entry.cost = figures(j, total: total, slice: slice, rowShare: rowShare)
      }
      slices.append(entry)
    }
    self.grouping = membership.grouping.name
    self.reference = membership.sliceNames[reference]
    self.loss = declared.loss
    self.costs = declared.costs
    self.overallMeanLoss = totals.loss.map { $0 / Double(rowCount) }
    self.overallMeanCost = totals.cost.map { $0 / Double(rowCount) }
    self.slices = slices
  }

  /// Which tally statistic holds the loss and which the cost.
  package struct Layout: Sendable {
    /// The loss's statistic, when a loss is declared.
    package var loss: Int?
    /// The cost's statistic, when a cost matrix is declared.
    package var cost: Int?
    /// The statistics in all.
    package var count: Int { (loss == nil ? 0 : 1) + (cost == nil ? 0 : 1) }

    /// The layout of a declaration: the loss first, then the cost.
    package init(_ declared: Evidence.DeclaredLoss) {
      loss = declared.hasLosses ? 0 : nil
      cost = declared.hasCosts ? (declared.hasLosses ? 1 : 0) : nil
    }

    /// Every row's statistics, row-major.
    package func values(_ rows: LossRows) -> [Double] {
      let n = rows.labels.count
      var values = [Double](repeating: 0, count: n * count)
      for row in 0..<n {
        if let loss, let losses = rows.losses { values[row * count + loss] = losses[row] }
        if let cost, let costs = rows.costs { values[row * count + cost] = costs[row] }
      }
      return values
    }
  }
}
