package import _FairSupport

/// The mergeable statistics of one grouping: a ``SliceTally`` per slice, the bootstrap
/// replicates of the outcome counts, and each slice's ``ScoreCounts`` when there are scores.
package struct GroupingTally: Sendable, Equatable, Codable {
  /// One tally per slice, in the membership's slice order.
  package var slices: [SliceTally]
  /// One map of the scores per slice, in the same order; empty without scores.
  package var scores: [ScoreCounts] = []
  /// The replicates of ``ReplicateTally/Statistic``, per slice.
  package var replicates: ReplicateTally

  package init(sliceCount: Int, replicateCount: Int) {
    slices = Array(repeating: SliceTally(), count: sliceCount)
    replicates = ReplicateTally(
      replicateCount: replicateCount, sliceCount: sliceCount,
      statisticCount: ReplicateTally.Statistic.allCases.count)
  }

  /// Adds `other`'s rows.
  package mutating func merge(_ other: GroupingTally) {
    for index in slices.indices { slices[index].merge(other.slices[index]) }
    if scores.isEmpty {
      scores = other.scores
    } else {
      for index in other.scores.indices { scores[index].merge(other.scores[index]) }
    }
    replicates.merge(other.replicates)
  }
}

/// The per-slice sums of attributions, and their bootstrap replicates.
package struct AttributionTally: Sendable, Equatable, Codable {
  /// Per slice: the membership weight of the attributed rows.
  package var weight: [ExactSum]
  /// Per slice: `Σ w·output`, the model's output in the attributions' space.
  package var outputSums: [ExactSum]
  /// Per slice and feature (`slice · m + feature`): `Σ w·φ`.
  package var sums: [ExactSum]
  /// Per slice and feature: `Σ w·|φ|`.
  package var absoluteSums: [ExactSum]
  /// Replicates per slice of: the weight (statistic 0), `|φ|` per feature (1…m) and `φ` per
  /// feature (m+1…2m).
  package var replicates: ReplicateTally
  /// The number of features.
  package let featureCount: Int

  /// Whether the replicate sums are exact: no bootstrap, or every slice's absolute values
  /// add up to less than ``ReplicateTally/exactLimit`` (and are numbers).
  package var replicatesAreExact: Bool {
    replicates.replicateCount == 0
      || absoluteSums.allSatisfy { $0.value < ReplicateTally.exactLimit }
  }

  package init(sliceCount: Int, featureCount: Int, replicateCount: Int) {
    self.featureCount = featureCount
    weight = Array(repeating: ExactSum(), count: sliceCount)
    outputSums = weight
    sums = Array(repeating: ExactSum(), count: sliceCount * featureCount)
    absoluteSums = sums
    replicates = ReplicateTally(
      replicateCount: replicateCount, sliceCount: sliceCount, statisticCount: 2 * featureCount + 1)
  }

  /// Adds `other`'s rows.
  package mutating func merge(_ other: AttributionTally) {
    for index in weight.indices {
      weight[index].add(other.weight[index])
      outputSums[index].add(other.outputSums[index])
    }
    for index in sums.indices {
      sums[index].add(other.sums[index])
      absoluteSums[index].add(other.absoluteSums[index])
    }
    replicates.merge(other.replicates)
  }
}
