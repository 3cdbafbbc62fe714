package import _FairSupport

/// The mergeable statistics of one grouping: a ``SliceTally`` per slice and the bootstrap
/// replicates of the outcome counts.
package struct GroupingTally: Sendable, Equatable, Codable {
  /// One tally per slice, in the membership's slice order.
  package var slices: [SliceTally]
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

/// Accumulates tallies over the rows, in fixed chunks on several threads.
///
/// The chunks depend only on the number of rows, each row's bootstrap weights only on the
/// seed and its identifier, and every merge is exact, so the result is bit-identical for any
/// thread count and equals the merge of tallies computed over any split of the rows.
package enum Tallying {
  /// The row ranges tallied separately: at most 16, of at least 4,096 rows each.
  static func chunks(rowCount: Int) -> [Range<Int>] {
    let size = max(4096, (rowCount + 15) / 16)
    return stride(from: 0, to: rowCount, by: size).map { $0..<min(rowCount, $0 + size) }
  }

  /// The outcome tallies of every grouping.
  ///
  /// - Parameters:
  ///   - memberships: The groupings' memberships.
  ///   - rows: Decisions, scores, outcomes and row identifiers.
  ///   - median: The full sample's median score, for the scoring rate; `nil` without scores.
  ///   - replicateCount: The bootstrap replicates (0 for none).
  ///   - seed: The bootstrap seed.
  ///   - threads: Worker threads; the result does not depend on it.
  /// - Complexity: O(*n*·*g*·*B*) for *n* rows, *g* groupings and *B* replicates.
  package static func outcomes(
    memberships: [SliceMembership], rows: EvidenceRows, median: Double?, replicateCount: Int,
    seed: UInt64, threads: Int
  ) -> [GroupingTally] {
    let parts = ParallelChunks.map(count: chunks(rowCount: rows.rowCount).count, threads: threads) {
      chunk in
      outcomes(
        in: chunks(rowCount: rows.rowCount)[chunk], memberships: memberships, rows: rows,
        median: median, replicateCount: replicateCount, seed: seed)
    }
    var total = memberships.map {
      GroupingTally(sliceCount: $0.sliceNames.count, replicateCount: replicateCount)
    }
    for part in parts {
      for index in total.indices { total[index].merge(part[index]) }
    }
    return total
  }

  /// The outcome tallies of the rows in `range`.
  package static func outcomes(
    in range: Range<Int>, memberships: [SliceMembership], rows: EvidenceRows, median: Double?,
    replicateCount: Int, seed: UInt64
  ) -> [GroupingTally] {
    var tallies = memberships.map {
      GroupingTally(sliceCount: $0.sliceNames.count, replicateCount: replicateCount)
    }
    var poisson = [UInt32](repeating: 0, count: replicateCount)
    var fixedWeights = [Int64](repeating: 0, count: replicateCount)
    let isProbability = rows.scoreScale == .probability
    for row in range {
      let decision = rows.decisions[row]
      let outcome = rows.outcomes?[row]
      let score = rows.scores?[row]
      if replicateCount > 0 {
        poisson.withUnsafeMutableBufferPointer {
          PoissonBootstrap.fillWeights(seed: seed, row: rows.rowIDs[row], into: $0)
        }
      }
      for grouping in memberships.indices {
        memberships[grouping].forEachMembership(of: row) { slice, weight in
          tallies[grouping].slices[slice].record(
            weight: weight, decision: decision, score: score, outcome: outcome, median: median,
            isProbability: isProbability)
          guard replicateCount > 0 else { return }
          let unit = ReplicateTally.fixed(weight)
          for b in 0..<replicateCount { fixedWeights[b] = Int64(poisson[b]) &* unit }
          let sliceBase = tallies[grouping].replicates.offset(slice: slice, statistic: 0)
          tallies[grouping].replicates.sums.withUnsafeMutableBufferPointer { sums in
            fixedWeights.withUnsafeBufferPointer { add in
              for statistic in ReplicateTally.Statistic.allCases {
                switch statistic {
                case .weight: break
                case .selected: guard decision else { continue }
                case .positives: guard outcome == true else { continue }
                case .truePositives: guard outcome == true && decision else { continue }
                case .falsePositives: guard outcome == false && decision else { continue }
                }
                let base = sliceBase + statistic.rawValue * replicateCount
                for b in 0..<replicateCount { sums[base + b] &+= add[b] }
              }
            }
          }
        }
      }
    }
    return tallies
  }

  /// The attribution tallies of every grouping.
  ///
  /// - Parameters:
  ///   - memberships: The groupings' memberships.
  ///   - rowIDs: The rows' identifiers.
  ///   - values: The attributions, row-major, `featureCount` per row.
  ///   - outputs: The model's output per row, in the attributions' space.
  ///   - featureCount: The number of features (or groups) per row.
  ///   - included: Which rows to tally; all when `nil`.
  ///   - replicateCount: The bootstrap replicates (0 for none).
  ///   - seed: The bootstrap seed.
  ///   - threads: Worker threads; the result does not depend on it.
  /// - Complexity: O(*n*·*g*·*m*·*B*) for *n* rows, *g* groupings, *m* features and *B*
  ///   replicates.
  package static func attributions(
    memberships: [SliceMembership], rowIDs: [UInt64], values: [Double], outputs: [Double],
    featureCount: Int, including included: [Bool]? = nil, replicateCount: Int, seed: UInt64,
    threads: Int
  ) -> [AttributionTally] {
    let ranges = chunks(rowCount: rowIDs.count)
    let parts = ParallelChunks.map(count: ranges.count, threads: threads) { chunk in
      attributions(
        in: ranges[chunk], memberships: memberships, rowIDs: rowIDs, values: values,
        outputs: outputs, featureCount: featureCount, including: included,
        replicateCount: replicateCount, seed: seed)
    }
    var total = memberships.map {
      AttributionTally(
        sliceCount: $0.sliceNames.count, featureCount: featureCount,
        replicateCount: replicateCount)
    }
    for part in parts {
      for index in total.indices { total[index].merge(part[index]) }
    }
    return total
  }

  /// The attribution tallies of the rows in `range`.
  package static func attributions(
    in range: Range<Int>, memberships: [SliceMembership], rowIDs: [UInt64], values: [Double],
    outputs: [Double], featureCount m: Int, including included: [Bool]?, replicateCount: Int,
    seed: UInt64
  ) -> [AttributionTally] {
    var tallies = memberships.map {
      AttributionTally(
        sliceCount: $0.sliceNames.count, featureCount: m, replicateCount: replicateCount)
    }
    var poisson = [Int64](repeating: 0, count: replicateCount)
    var draws = [UInt32](repeating: 0, count: replicateCount)
    var fixedValues = [Int64](repeating: 0, count: 2 * m + 1)
    for row in range where included?[row] ?? true {
      if replicateCount > 0 {
        draws.withUnsafeMutableBufferPointer {
          PoissonBootstrap.fillWeights(seed: seed, row: rowIDs[row], into: $0)
        }
        for b in 0..<replicateCount { poisson[b] = Int64(draws[b]) }
      }
      let base = row * m
      for grouping in memberships.indices {
        memberships[grouping].forEachMembership(of: row) { slice, weight in
          tallies[grouping].weight[slice].add(weight)
          tallies[grouping].outputSums[slice].add(weight * outputs[row])
          fixedValues[0] = ReplicateTally.fixed(weight)
          for feature in 0..<m {
            let value = values[base + feature]
            tallies[grouping].sums[slice * m + feature].add(weight * value)
            tallies[grouping].absoluteSums[slice * m + feature].add(weight * abs(value))
            fixedValues[1 + feature] = ReplicateTally.fixed(weight * abs(value))
            fixedValues[1 + m + feature] = ReplicateTally.fixed(weight * value)
          }
          guard replicateCount > 0 else { return }
          let sliceBase = tallies[grouping].replicates.offset(slice: slice, statistic: 0)
          tallies[grouping].replicates.sums.withUnsafeMutableBufferPointer { sums in
            poisson.withUnsafeBufferPointer { poisson in
              for statistic in 0..<(2 * m + 1) {
                let value = fixedValues[statistic]
                if value == 0 { continue }
                let offset = sliceBase + statistic * replicateCount
                for b in 0..<replicateCount { sums[offset + b] &+= poisson[b] &* value }
              }
            }
          }
        }
      }
    }
    return tallies
  }
}
