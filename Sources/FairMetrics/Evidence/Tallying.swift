package import _FairSupport

/// Accumulates tallies over the rows, in fixed chunks on several threads.
///
/// The chunks depend only on the number of rows, each row's bootstrap weights only on the
/// seed and its identifier, and every merge is exact, so the result is bit-identical for any
/// thread count and equals the merge of tallies computed over any split of the rows.
///
/// The bootstrap's replicate sums are most of the work: with *B* replicates and *s*
/// statistics, every row adds *B*·*s* weighted values to its slice in every grouping. Two
/// rearrangements make that cheaper without changing a bit of the result, because the sums
/// are integers and wrapping integer addition is associative and commutative:
///
/// - Rows in the same slice of every unweighted grouping (a ``SliceCombinations``
///   combination; for the outcome tallies, also with the same decision and outcome) are
///   summed once, and each combination's sums are added to its slice in each grouping at the
///   end of the chunk. The work per row no longer grows with the number of groupings.
/// - A combination keeps its replicate sums replicate-major, and a row adds to replicate *b*
///   its statistics multiplied by its draw `w_b`, taken from a table of multiples computed
///   once per row: nothing to do for the 37% of draws that are zero, and plain vectorisable
///   additions for the rest.
///
/// Rows of weighted (probabilistic) groupings, and rows of combinations beyond the memory
/// budget, are added to their slices directly.
package enum Tallying {
  /// The row ranges tallied separately: at most 16, of at least 4,096 rows each.
  static func chunks(rowCount: Int) -> [Range<Int>] {
    let size = max(4096, (rowCount + 15) / 16)
    return stride(from: 0, to: rowCount, by: size).map { $0..<min(rowCount, $0 + size) }
  }

  /// The bytes of replicate sums one chunk may keep per combination of slices, in all.
  static let combinationBudget = 32 << 20

  /// The outcome tallies of every grouping.
  ///
  /// - Parameters:
  ///   - memberships: The groupings' memberships.
  ///   - rows: Decisions, scores, outcomes and row identifiers.
  ///   - replicateCount: The bootstrap replicates (0 for none).
  ///   - seed: The bootstrap seed.
  ///   - threads: Worker threads; the result does not depend on it.
  ///   - progress: Where to report the rows tallied, if anywhere.
  /// - Complexity: O(*n*·(*g* + *B*) + *c*·*g*·*B*) for *n* rows, *g* groupings, *B*
  ///   replicates and *c* combinations of slices.
  package static func outcomes(
    memberships: [SliceMembership], rows: EvidenceRows, replicateCount: Int, seed: UInt64,
    threads: Int, progress: WorkProgress? = nil
  ) -> [GroupingTally] {
    merged(
      rowCount: rows.rowCount, threads: threads, task: "bootstrap of outcomes",
      progress: progress,
      empty: memberships.map {
        GroupingTally(sliceCount: $0.sliceNames.count, replicateCount: replicateCount)
      },
      merge: { $0.merge($1) }
    ) { range in
      outcomes(
        in: range, memberships: memberships, rows: rows, replicateCount: replicateCount,
        seed: seed)
    }
  }

  /// Tallies the rows chunk by chunk (``chunks(rowCount:)``) on up to `threads` threads,
  /// reporting them to `progress` as `task`, and merges the chunks' tallies in chunk order
  /// onto `empty`.
  private static func merged<Tally: Sendable>(
    rowCount: Int, threads: Int, task name: String, progress: WorkProgress?, empty: [Tally],
    merge: (inout Tally, Tally) -> Void, _ body: @Sendable (Range<Int>) -> [Tally]
  ) -> [Tally] {
    let ranges = chunks(rowCount: rowCount)
    let task = progress?.start(name, total: rowCount)
    let parts = ParallelChunks.map(count: ranges.count, threads: threads) { chunk in
      defer { task?.advance(by: ranges[chunk].count) }
      return body(ranges[chunk])
    }
    task?.finish()
    var total = empty
    for part in parts {
      for index in total.indices { merge(&total[index], part[index]) }
    }
    return total
  }

  /// The outcome tallies of the rows in `range`.
  ///
  /// `combinationCapacity` caps the combinations of slices summed together (the rest are
  /// added to each grouping directly); by default it follows ``combinationBudget``. The
  /// result does not depend on it.
  package static func outcomes(
    in range: Range<Int>, memberships: [SliceMembership], rows: EvidenceRows,
    replicateCount: Int, seed: UInt64, combinationCapacity: Int? = nil
  ) -> [GroupingTally] {
    var tallies = memberships.map {
      GroupingTally(sliceCount: $0.sliceNames.count, replicateCount: replicateCount)
    }
    let isProbability = rows.scoreScale == .probability
    // Each slice's scores, membership weights and outcomes, for its score map.
    var sliceScores = memberships.map { Array(repeating: [Double](), count: $0.sliceNames.count) }
    var sliceWeights = sliceScores
    var sliceOutcomes = memberships.map { Array(repeating: [Bool](), count: $0.sliceNames.count) }
    for row in range {
      let decision = rows.decisions[row]
      let outcome = rows.outcomes?[row]
      let score = rows.scores?[row]
      for grouping in memberships.indices {
        memberships[grouping].forEachMembership(of: row) { slice, weight in
          tallies[grouping].slices[slice].record(
            weight: weight, decision: decision, score: score, outcome: outcome,
            isProbability: isProbability)
          if let score {
            sliceScores[grouping][slice].append(score)
            sliceWeights[grouping][slice].append(weight)
            if let outcome { sliceOutcomes[grouping][slice].append(outcome) }
          }
        }
      }
    }
    if rows.scores != nil {
      for grouping in memberships.indices {
        tallies[grouping].scores = sliceScores[grouping].indices.map { slice in
          ScoreCounts(
            scores: sliceScores[grouping][slice], weights: sliceWeights[grouping][slice],
            outcomes: rows.outcomes == nil ? nil : sliceOutcomes[grouping][slice])
        }
      }
    }
    guard replicateCount > 0 else { return tallies }

    var combinations = SliceCombinations(
      memberships: memberships,
      capacity: combinationCapacity ?? combinationBudget / (8 * replicateCount))
    let weighted = memberships.indices.filter { memberships[$0].isWeighted }
    var draws = [UInt32](repeating: 0, count: replicateCount)
    var drawSums: [Int64] = []
    for row in range {
      let decision = rows.decisions[row]
      let outcome = rows.outcomes?[row]
      draws.withUnsafeMutableBufferPointer {
        PoissonBootstrap.fillWeights(seed: seed, row: rows.rowIDs[row], into: $0)
      }
      let kind = OutcomeKind(decision: decision, outcome: outcome)
      if let number = combinations.number(of: row, memberships: memberships, kind: kind.rawValue) {
        if drawSums.count == number * replicateCount {
          drawSums.append(contentsOf: repeatElement(0, count: replicateCount))
        }
        drawSums.withUnsafeMutableBufferPointer { sums in
          let out = UnsafeMutableBufferPointer(
            rebasing: sums[(number * replicateCount)..<((number + 1) * replicateCount)])
          for b in 0..<replicateCount { out[b] &+= Int64(draws[b]) }
        }
      } else {
        for grouping in combinations.groupings {
          let slice = memberships[grouping].hardSlice(of: row)
          guard slice >= 0 else { continue }
          addOutcome(
            draws: draws, weight: 1, kind: kind, slice: slice, to: &tallies[grouping].replicates)
        }
      }
      for grouping in weighted {
        memberships[grouping].forEachMembership(of: row) { slice, weight in
          addOutcome(
            draws: draws, weight: weight, kind: kind, slice: slice,
            to: &tallies[grouping].replicates)
        }
      }
    }

    // Each combination's draw sums, times the unit weight, go to every statistic its kind
    // counts in, in its slice of each grouping.
    let unit = ReplicateTally.fixed(1)
    for (number, key) in combinations.keys.enumerated() {
      let kind = OutcomeKind(rawValue: key[key.count - 1])
      for (position, grouping) in combinations.groupings.enumerated() where key[position] >= 0 {
        let sliceBase = tallies[grouping].replicates.offset(slice: Int(key[position]), statistic: 0)
        tallies[grouping].replicates.sums.withUnsafeMutableBufferPointer { sums in
          drawSums.withUnsafeBufferPointer { drawSums in
            let source = UnsafeBufferPointer(
              rebasing: drawSums[(number * replicateCount)..<((number + 1) * replicateCount)])
            for statistic in ReplicateTally.Statistic.allCases where kind.counts(statistic) {
              let start = sliceBase + statistic.rawValue * replicateCount
              let out = UnsafeMutableBufferPointer(rebasing: sums[start..<(start + replicateCount)])
              for b in 0..<replicateCount { out[b] &+= unit &* source[b] }
            }
          }
        }
      }
    }
    return tallies
  }

  /// Adds one row's replicate weights to the outcome statistics of `slice`.
  @inline(__always)
  private static func addOutcome(
    draws: [UInt32], weight: Double, kind: OutcomeKind, slice: Int,
    to replicates: inout ReplicateTally
  ) {
    let unit = ReplicateTally.fixed(weight)
    let count = replicates.replicateCount
    let sliceBase = replicates.offset(slice: slice, statistic: 0)
    replicates.sums.withUnsafeMutableBufferPointer { sums in
      draws.withUnsafeBufferPointer { draws in
        for statistic in ReplicateTally.Statistic.allCases where kind.counts(statistic) {
          let start = sliceBase + statistic.rawValue * count
          let out = UnsafeMutableBufferPointer(rebasing: sums[start..<(start + count)])
          for b in 0..<count { out[b] &+= Int64(draws[b]) &* unit }
        }
      }
    }
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
  ///   - progress: Where to report the rows tallied, if anywhere.
  ///   - task: The task's name in progress reports.
  /// - Complexity: O(*n*·*m*·(*g* + *B*) + *c*·*g*·*m*·*B*) for *n* rows, *g* groupings,
  ///   *m* features, *B* replicates and *c* combinations of slices.
  package static func attributions(
    memberships: [SliceMembership], rowIDs: [UInt64], values: [Double], outputs: [Double],
    featureCount: Int, including included: [Bool]? = nil, replicateCount: Int, seed: UInt64,
    threads: Int, progress: WorkProgress? = nil, task: String = "bootstrap of attributions"
  ) -> [AttributionTally] {
    merged(
      rowCount: rowIDs.count, threads: threads, task: task,
      progress: progress,
      empty: memberships.map {
        AttributionTally(
          sliceCount: $0.sliceNames.count, featureCount: featureCount,
          replicateCount: replicateCount)
      },
      merge: { $0.merge($1) }
    ) { range in
      attributions(
        in: range, memberships: memberships, rowIDs: rowIDs, values: values, outputs: outputs,
        featureCount: featureCount, including: included, replicateCount: replicateCount,
        seed: seed)
    }
  }

  /// The attribution tallies of the rows in `range`.
  ///
  /// `combinationCapacity` is as for ``outcomes(in:memberships:rows:replicateCount:seed:combinationCapacity:)``.
  package static func attributions(
    in range: Range<Int>, memberships: [SliceMembership], rowIDs: [UInt64], values: [Double],
    outputs: [Double], featureCount m: Int, including included: [Bool]?, replicateCount: Int,
    seed: UInt64, combinationCapacity: Int? = nil
  ) -> [AttributionTally] {
    var tallies = memberships.map {
      AttributionTally(
        sliceCount: $0.sliceNames.count, featureCount: m, replicateCount: replicateCount)
    }
    // Statistic 0 is the weight, 1…m the |φ| and m+1…2m the φ of each feature.
    let statistics = 2 * m + 1
    var combinations = SliceCombinations(
      memberships: memberships,
      capacity: combinationCapacity
        ?? (replicateCount == 0 ? 4096 : combinationBudget / (8 * replicateCount * statistics)))
    let weighted = memberships.indices.filter { memberships[$0].isWeighted }
    // Per combination: its exact sums, as an `AttributionTally` of one slice each, and its
    // replicate sums, replicate-major.
    var combined = AttributionTally(sliceCount: 0, featureCount: m, replicateCount: 0)
    var combinedReplicates: [Int64] = []
    var draws = [UInt32](repeating: 0, count: replicateCount)
    var fixedValues = [Int64](repeating: 0, count: statistics)
    var multiples: [Int64] = []
    for row in range where included?[row] ?? true {
      if replicateCount > 0 {
        draws.withUnsafeMutableBufferPointer {
          PoissonBootstrap.fillWeights(seed: seed, row: rowIDs[row], into: $0)
        }
      }
      if let number = combinations.number(of: row, memberships: memberships, kind: 0) {
        if combined.weight.count == number {
          combined.weight.append(ExactSum())
          combined.outputSums.append(ExactSum())
          combined.sums.append(contentsOf: repeatElement(ExactSum(), count: m))
          combined.absoluteSums.append(contentsOf: repeatElement(ExactSum(), count: m))
          combinedReplicates.append(
            contentsOf: repeatElement(0, count: replicateCount * statistics))
        }
        // The exact sums and the row's statistics in fixed point, as for any slice (with no
        // replicates: those are added below, replicate-major).
        addAttributions(
          row: row, slice: number, weight: 1, values: values, outputs: outputs, draws: [],
          fixedValues: &fixedValues, to: &combined)
        guard replicateCount > 0 else { continue }
        addMultiples(
          of: fixedValues, draws: draws, scratch: &multiples,
          to: &combinedReplicates, at: number * replicateCount * statistics)
      } else {
        for grouping in combinations.groupings {
          let slice = memberships[grouping].hardSlice(of: row)
          guard slice >= 0 else { continue }
          addAttributions(
            row: row, slice: slice, weight: 1, values: values, outputs: outputs,
            draws: draws, fixedValues: &fixedValues, to: &tallies[grouping])
        }
      }
      for grouping in weighted {
        memberships[grouping].forEachMembership(of: row) { slice, weight in
          addAttributions(
            row: row, slice: slice, weight: weight, values: values, outputs: outputs,
            draws: draws, fixedValues: &fixedValues, to: &tallies[grouping])
        }
      }
    }

    // Each combination's sums go to its slice in each grouping; the replicate sums are
    // transposed to the tally's statistic-major order on the way.
    for (number, key) in combinations.keys.enumerated() {
      for (position, grouping) in combinations.groupings.enumerated() where key[position] >= 0 {
        let slice = Int(key[position])
        tallies[grouping].weight[slice].add(combined.weight[number])
        tallies[grouping].outputSums[slice].add(combined.outputSums[number])
        for feature in 0..<m {
          tallies[grouping].sums[slice * m + feature].add(combined.sums[number * m + feature])
          tallies[grouping].absoluteSums[slice * m + feature].add(
            combined.absoluteSums[number * m + feature])
        }
        guard replicateCount > 0 else { continue }
        let sliceBase = tallies[grouping].replicates.offset(slice: slice, statistic: 0)
        tallies[grouping].replicates.sums.withUnsafeMutableBufferPointer { sums in
          combinedReplicates.withUnsafeBufferPointer { source in
            let size = replicateCount * statistics
            let block = UnsafeBufferPointer(
              rebasing: source[(number * size)..<((number + 1) * size)])
            for statistic in 0..<statistics {
              let start = sliceBase + statistic * replicateCount
              let out = UnsafeMutableBufferPointer(rebasing: sums[start..<(start + replicateCount)])
              for b in 0..<replicateCount { out[b] &+= block[b * statistics + statistic] }
            }
          }
        }
      }
    }
    return tallies
  }

  /// Adds `draws[b] · values` to the replicate-major block at `offset`, for every replicate
  /// `b`, through a table of the multiples of `values`.
  @inline(__always)
  private static func addMultiples(
    of values: [Int64], draws: [UInt32], scratch multiples: inout [Int64],
    to sums: inout [Int64], at offset: Int
  ) {
    let width = values.count
    let largest = Int(draws.max() ?? 0)
    guard largest > 0 else { return }
    if multiples.count < (largest + 1) * width {
      multiples = [Int64](repeating: 0, count: (largest + 1) * width)
    }
    for draw in 1...largest {
      for statistic in 0..<width {
        multiples[draw * width + statistic] = Int64(draw) &* values[statistic]
      }
    }
    sums.withUnsafeMutableBufferPointer { sums in
      multiples.withUnsafeBufferPointer { multiples in
        draws.withUnsafeBufferPointer { draws in
          for b in 0..<draws.count {
            let draw = Int(draws[b])
            if draw == 0 { continue }
            let source = UnsafeBufferPointer(
              rebasing: multiples[(draw * width)..<((draw + 1) * width)])
            let start = offset + b * width
            let out = UnsafeMutableBufferPointer(rebasing: sums[start..<(start + width)])
            for statistic in 0..<width { out[statistic] &+= source[statistic] }
          }
        }
      }
    }
  }

  /// Adds one row's membership of `slice`, with `weight`, to an attribution tally.
  @inline(__always)
  private static func addAttributions(
    row: Int, slice: Int, weight: Double, values: [Double], outputs: [Double],
    draws: [UInt32], fixedValues: inout [Int64], to tally: inout AttributionTally
  ) {
    let m = tally.featureCount
    let base = row * m
    tally.weight[slice].add(weight)
    tally.outputSums[slice].add(weight * outputs[row])
    fixedValues[0] = ReplicateTally.fixed(weight)
    for feature in 0..<m {
      let value = values[base + feature]
      tally.sums[slice * m + feature].add(weight * value)
      tally.absoluteSums[slice * m + feature].add(weight * abs(value))
      fixedValues[1 + feature] = ReplicateTally.fixed(weight * abs(value))
      fixedValues[1 + m + feature] = ReplicateTally.fixed(weight * value)
    }
    let count = draws.count
    guard count > 0 else { return }
    let sliceBase = tally.replicates.offset(slice: slice, statistic: 0)
    tally.replicates.sums.withUnsafeMutableBufferPointer { sums in
      draws.withUnsafeBufferPointer { draws in
        for statistic in 0..<fixedValues.count {
          let value = fixedValues[statistic]
          if value == 0 { continue }
          let start = sliceBase + statistic * count
          let out = UnsafeMutableBufferPointer(rebasing: sums[start..<(start + count)])
          for b in 0..<count { out[b] &+= Int64(draws[b]) &* value }
        }
      }
    }
  }
}

/// A row's decision and true outcome, which decide the outcome statistics it counts in.
struct OutcomeKind: RawRepresentable {
  let rawValue: Int32

  init(rawValue: Int32) { self.rawValue = rawValue }

  init(decision: Bool, outcome: Bool?) {
    let outcomeCode: Int32 = outcome.map { $0 ? 2 : 1 } ?? 0
    rawValue = outcomeCode * 2 + (decision ? 1 : 0)
  }

  /// Whether a row of this kind adds its weight to `statistic`.
  @inline(__always)
  func counts(_ statistic: ReplicateTally.Statistic) -> Bool {
    let decision = rawValue & 1 == 1
    let outcomeCode = rawValue >> 1
    switch statistic {
    case .weight: return true
    case .selected: return decision
    case .positives: return outcomeCode == 2
    case .truePositives: return outcomeCode == 2 && decision
    case .falsePositives: return outcomeCode == 1 && decision
    }
  }
}

/// Numbers the combinations of slices that rows fall in across the unweighted groupings
/// (with a kind, such as the row's decision and outcome), for ``Tallying``.
struct SliceCombinations {
  /// The unweighted groupings, as indexes into the memberships.
  let groupings: [Int]
  /// The most combinations numbered; rows of further combinations get no number.
  let capacity: Int
  /// Each combination: its slice in each of ``groupings`` (-1 for none), then its kind.
  private(set) var keys: [[Int32]] = []
  private var numbers: [[Int32]: Int] = [:]
  private var key: [Int32]

  init(memberships: [SliceMembership], capacity: Int) {
    groupings = memberships.indices.filter { !memberships[$0].isWeighted }
    self.capacity = groupings.isEmpty ? 0 : capacity
    key = [Int32](repeating: 0, count: groupings.count + 1)
  }

  /// The number of `row`'s combination, or `nil` when it is new and the capacity is reached.
  mutating func number(of row: Int, memberships: [SliceMembership], kind: Int32) -> Int? {
    guard capacity > 0 else { return nil }
    for (position, grouping) in groupings.enumerated() {
      key[position] = Int32(memberships[grouping].hardSlice(of: row))
    }
    key[groupings.count] = kind
    if let number = numbers[key] { return number }
    guard keys.count < capacity else { return nil }
    numbers[key] = keys.count
    keys.append(key)
    return keys.count - 1
  }
}
