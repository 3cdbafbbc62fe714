import _FairSupport

// Tallies of chunks whose slices differ (one partition has no row of some group) merge onto
// the union of their slices: each tally is first moved to the union's slice indexes. Every
// sum of a slice absent from a chunk is zero, so moving changes no value.

extension ReplicateTally {
  /// The same sums over `sliceCount` slices: slice `i` becomes `indexes[i]`.
  package func reindexed(slices indexes: [Int], sliceCount newCount: Int) -> ReplicateTally {
    var result = ReplicateTally(
      replicateCount: replicateCount, sliceCount: newCount, statisticCount: statisticCount)
    let block = statisticCount * replicateCount
    for (slice, index) in indexes.enumerated() {
      result.sums.replaceSubrange(
        (index * block)..<((index + 1) * block), with: sums[(slice * block)..<((slice + 1) * block)]
      )
    }
    return result
  }

  /// Whether the array has the declared shape (a decoded tally is checked before use).
  package var isConsistent: Bool {
    guard replicateCount >= 0 && sliceCount >= 0 && statisticCount >= 0 else { return false }
    // A crafted file's counts may overflow their product.
    let (cells, overflow) = replicateCount.multipliedReportingOverflow(by: sliceCount)
    let (size, overflowAgain) = cells.multipliedReportingOverflow(by: statisticCount)
    return !overflow && !overflowAgain && sums.count == size
  }
}

extension GroupingTally {
  /// The same tally over `sliceCount` slices: slice `i` becomes `indexes[i]`.
  package func reindexed(slices indexes: [Int], sliceCount: Int) -> GroupingTally {
    var result = GroupingTally(sliceCount: sliceCount, replicateCount: replicates.replicateCount)
    for (slice, index) in indexes.enumerated() { result.slices[index] = slices[slice] }
    if !scores.isEmpty {
      result.scores = Array(repeating: ScoreCounts(), count: sliceCount)
      for (slice, index) in indexes.enumerated() { result.scores[index] = scores[slice] }
    }
    result.replicates = replicates.reindexed(slices: indexes, sliceCount: sliceCount)
    return result
  }

  /// Whether the parts have one entry per slice (a decoded tally is checked before use).
  package func isConsistent(sliceCount: Int) -> Bool {
    slices.count == sliceCount && (scores.isEmpty || scores.count == sliceCount)
      && scores.allSatisfy(\.isConsistent) && replicates.isConsistent
      && replicates.sliceCount == sliceCount
      && replicates.statisticCount == ReplicateTally.Statistic.allCases.count
      && slices.allSatisfy {
        $0.rows >= 0 && $0.calibrationWeight.count == SliceTally.binCount
          && $0.calibrationScore.count == SliceTally.binCount
          && $0.calibrationPositives.count == SliceTally.binCount
      }
  }
}

extension AttributionTally {
  /// The same tally over `sliceCount` slices: slice `i` becomes `indexes[i]`.
  package func reindexed(slices indexes: [Int], sliceCount: Int) -> AttributionTally {
    let m = featureCount
    var result = AttributionTally(
      sliceCount: sliceCount, featureCount: m, replicateCount: replicates.replicateCount)
    for (slice, index) in indexes.enumerated() {
      result.weight[index] = weight[slice]
      result.outputSums[index] = outputSums[slice]
      result.sums.replaceSubrange(
        (index * m)..<((index + 1) * m), with: sums[(slice * m)..<((slice + 1) * m)])
      result.absoluteSums.replaceSubrange(
        (index * m)..<((index + 1) * m), with: absoluteSums[(slice * m)..<((slice + 1) * m)])
    }
    result.replicates = replicates.reindexed(slices: indexes, sliceCount: sliceCount)
    return result
  }

  /// Whether the parts have the declared shape (a decoded tally is checked before use).
  package func isConsistent(sliceCount: Int, featureCount m: Int) -> Bool {
    featureCount == m && weight.count == sliceCount && outputSums.count == sliceCount
      && sums.count == sliceCount * m && absoluteSums.count == sliceCount * m
      && replicates.isConsistent && replicates.sliceCount == sliceCount
      && replicates.statisticCount == 2 * m + 1
  }
}
