package import _FairSupport

/// The mergeable evidence of a set of rows: every tally that the figures of an audit are
/// computed from, and nothing that needs the rows themselves.
///
/// ``Evidence`` computes these tallies when something asks for a figure and keeps them;
/// ``Evidence/tallies()`` returns what it has computed. Tallies of disjoint sets of rows —
/// partitions of one data set, each audited on its own machine — merge with
/// ``merged(_:)`` into the tallies of all the rows, and ``Evidence/init(tallies:threads:)``
/// computes the figures from them with the same code as from rows. Every sum is exact (a
/// floating-point expansion or a fixed-point integer) and every bootstrap weight a function
/// of the seed, the row's identifier and the replicate, so the merged tallies equal the
/// tallies of one pass over all rows, bit for bit, however the rows were split; rank
/// statistics come from maps of distinct scores and values (<doc:Mergeability>).
///
/// A few figures depend on values fixed from all rows before the pass: a background sampled
/// from the data for attributions, the bin medians or distinct values that counterfactual
/// flips try, and the backgrounds of adverse-action reasons. Tallies of one partition keep
/// them; a merge of several drops them and says so in ``unavailable``, and the figures read
/// from them are then not computable, with that reason — unless they were drawn from all rows
/// beforehand (`fairgate evidence sample`), when they merge like any tally.
public struct EvidenceTallies: Sendable, Equatable, Codable {
  /// What was computed and how: the attributes, groupings, confidence, replicates and seed.
  public internal(set) var configuration: Evidence.Configuration
  /// The partitions merged into these tallies (1 for one pass over the data).
  public internal(set) var partitionCount: Int
  /// The rows.
  public internal(set) var rowCount: Int
  /// Whether there are scores and true outcomes, and how scores are read.
  package internal(set) var shape: RowShape
  /// Each grouping's slices, in configuration order.
  public internal(set) var layouts: [SliceLayout]
  /// The map of every row's score (for the median), when there are scores and the group
  /// metrics were computed.
  package internal(set) var allScores: ScoreCounts?
  /// Each grouping's outcome tally, once the group metrics were computed.
  package internal(set) var outcomes: [GroupingTally]?
  /// The attribution tallies, once attributions were computed.
  package internal(set) var attributions: AttributionTallies?
  /// The joint counts of the proxy screen, once it ran.
  package internal(set) var proxies: [ProxyTally]?
  /// The loss and cost tallies, once loss metrics were computed.
  package internal(set) var losses: LossTallies?
  /// The loss-attribution tallies, once loss-gap decompositions were computed.
  package internal(set) var lossGaps: LossGapTallies?
  /// The counterfactual flips, once computed.
  package internal(set) var flips: [FlipTally]?
  /// The adverse-action reason tallies, when the audit's rules read reasons.
  package var reasons: ReasonTallies?
  /// What a merge of several partitions could not carry, and why: one sentence each.
  public internal(set) var unavailable: [String] = []

  /// Whether there are scores and true outcomes, and how scores are read.
  package struct RowShape: Sendable, Hashable, Codable {
    package var hasScores: Bool
    package var hasOutcomes: Bool
    package var scoreScale: EvidenceRows.ScoreScale
  }

  /// The attribution tallies of every grouping.
  package struct AttributionTallies: Sendable, Equatable, Codable {
    /// The attribution columns and their output space.
    package var columns: Evidence.AttributionColumns
    /// Per column: `Σ|φ|` over every row, for the overall attribution shares.
    package var absoluteTotals: [ExactSum]
    /// Per population (``Evidence/Population``'s raw value) summarised: each grouping's
    /// tally, in configuration order.
    package var populations: [String: [AttributionTally]]
    /// Whether the attributions depend on the partition's own rows (a background sampled
    /// from the data), so that tallies of several partitions do not add up to those of all.
    package var dependsOnPartition: Bool
  }

  /// The joint counts of one candidate feature and one grouping's slices.
  package struct ProxyTally: Sendable, Equatable, Codable {
    package var grouping: Int
    package var feature: String
    package var counts: FeatureCounts
  }

  /// The per-slice loss and cost tallies, and their totals over all rows.
  package struct LossTallies: Sendable, Equatable, Codable {
    package var declared: Evidence.DeclaredLoss
    package var lossTotal: ExactSum?
    package var costTotal: ExactSum?
    /// Each grouping's tally of `[loss, cost]` (whichever are declared).
    package var groupings: [AttributionTally]
  }

  /// The tallies of the loss-gap decompositions.
  package struct LossGapTallies: Sendable, Equatable, Codable {
    /// The columns, the baseline last.
    package var featureNames: [String]
    package var lossName: String
    package var method: String
    package var groupings: [AttributionTally]
    /// As ``AttributionTallies/dependsOnPartition``.
    package var dependsOnPartition: Bool
  }

  /// One counterfactual flip: the rows changed and the decisions that flipped, which add up
  /// across partitions when the value tried does not come from the rows.
  package struct FlipTally: Sendable, Equatable, Codable {
    /// The attribute's position in the configuration.
    package var attribute: Int
    /// The value's position among the values tried.
    package var candidate: Int
    package var flip: CounterfactualFlip
    /// Whether the value tried comes from the rows (a bin's median, a distinct value).
    package var dependsOnPartition: Bool
  }
}

extension EvidenceTallies {
  /// A reason that tallies cannot be merged, naming the part that differs.
  public struct MergeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The position of the tallies that differ from the first.
    public var index: Int
    /// What differs.
    public var message: String
    /// The message.
    public var description: String { message }
  }

  /// The tallies of the rows of all of `parts`, which must be tallies of disjoint rows
  /// computed with the same configuration.
  ///
  /// Associative and commutative: any grouping and order of the same parts gives the same
  /// value, bit for bit.
  ///
  /// - Throws: ``MergeProblem`` naming the first part whose configuration, row shape,
  ///   groupings or computed kinds differ from the first part's.
  public static func merged(_ parts: [EvidenceTallies]) throws -> EvidenceTallies {
    guard var result = parts.first else {
      throw MergeProblem(index: 0, message: "there is nothing to merge")
    }
    for (index, part) in parts.enumerated().dropFirst() {
      try result.merge(part, index: index)
    }
    result.unavailable.sort()
    return result
  }

  private mutating func merge(_ other: EvidenceTallies, index: Int) throws {
    func problem(_ message: String) -> MergeProblem {
      MergeProblem(index: index, message: message)
    }
    var mine = configuration
    var theirs = other.configuration
    mine.threads = 1
    theirs.threads = 1
    guard mine == theirs else {
      throw problem("it was computed with another configuration (\(mine.difference(theirs)))")
    }
    guard shape == other.shape else {
      throw problem("its rows differ in kind (scores, true outcomes or the score scale)")
    }
    // Both counts are at most the maximum (checked as read), so the difference is exact.
    guard rowCount <= EvidenceTallies.maximumRowCount - other.rowCount else {
      throw problem(
        "with the partitions before it, the evidence would count more than 2^30 rows "
          + "(\(EvidenceTallies.maximumRowCount)), past the exact sums of its score maps and "
          + "bootstrap replicates")
    }
    for (kind, present) in [
      ("group metrics", (outcomes == nil, other.outcomes == nil)),
      ("attributions", (attributions == nil, other.attributions == nil)),
      ("proxy screen", (proxies == nil, other.proxies == nil)),
      ("loss metrics", (losses == nil, other.losses == nil)),
      ("loss-gap decompositions", (lossGaps == nil, other.lossGaps == nil)),
      ("counterfactual flips", (flips == nil, other.flips == nil)),
      ("adverse-action reasons", (reasons == nil, other.reasons == nil)),
    ] where present.0 != present.1 {
      throw problem(
        "it \(present.1 ? "lacks" : "holds") the \(kind), which the first "
          + "\(present.1 ? "holds" : "lacks")")
    }
    if let a = attributions, let b = other.attributions {
      guard a.columns == b.columns else { throw problem("its attributions have other columns") }
      if !a.dependsOnPartition && !b.dependsOnPartition
        && Set(a.populations.keys) != Set(b.populations.keys)
      {
        throw problem("its attributions summarise other populations")
      }
    }
    if let a = losses?.declared, let b = other.losses?.declared, a != b {
      throw problem("it declares another loss or cost matrix")
    }

    // Slices: each grouping's union, and where each part's slices go in it.
    var maps: [(mine: [Int], theirs: [Int])] = []
    var unionLayouts: [SliceLayout] = []
    for (grouping, layout) in layouts.enumerated() {
      let union = SliceLayout.union(
        [layout, other.layouts[grouping]], attributes: configuration.attributes)
      unionLayouts.append(union.layout)
      maps.append((union.indexes[0], union.indexes[1]))
    }
    func aligned<Tally>(
      _ a: [Tally], _ b: [Tally], reindex: (Tally, [Int], Int) -> Tally,
      merge: (inout Tally, Tally) -> Void
    ) -> [Tally] {
      a.indices.map { grouping in
        let count = unionLayouts[grouping].sliceNames.count
        var tally = reindex(a[grouping], maps[grouping].mine, count)
        merge(&tally, reindex(b[grouping], maps[grouping].theirs, count))
        return tally
      }
    }
    func alignedAttributions(_ a: [AttributionTally], _ b: [AttributionTally])
      -> [AttributionTally]
    {
      aligned(a, b, reindex: { $0.reindexed(slices: $1, sliceCount: $2) }, merge: { $0.merge($1) })
    }

    if let a = outcomes, let b = other.outcomes {
      outcomes = aligned(
        a, b, reindex: { $0.reindexed(slices: $1, sliceCount: $2) }, merge: { $0.merge($1) })
    }
    if let b = other.allScores { allScores?.merge(b) }
    if var a = attributions, let b = other.attributions {
      if a.dependsOnPartition || b.dependsOnPartition {
        // The columns stay, so that a reader can say why there are no attributions.
        a.dependsOnPartition = true
        a.populations = [:]
        a.absoluteTotals = []
        note(
          "attributions: the background was sampled from each partition's own rows; draw it "
            + "from all rows first ('fairgate evidence sample', merged, then 'fairgate "
            + "evidence partial --sample') or declare 'attributions: background: FILE'")
      } else {
        for (key, tallies) in a.populations {
          a.populations[key] = alignedAttributions(tallies, b.populations[key] ?? [])
        }
        for feature in a.absoluteTotals.indices {
          a.absoluteTotals[feature].add(b.absoluteTotals[feature])
        }
      }
      attributions = a
    }
    if let a = proxies, let b = other.proxies {
      var merged: [ProxyTally] = []
      for (entry, theirs) in zip(a, b) {
        guard entry.grouping == theirs.grouping, entry.feature == theirs.feature,
          entry.counts.isNumeric == theirs.counts.isNumeric
        else {
          throw problem("its proxy screen covers other features")
        }
        let count = unionLayouts[entry.grouping].sliceNames.count
        var counts = entry.counts.reindexed(slices: maps[entry.grouping].mine, sliceCount: count)
        counts.merge(
          theirs.counts.reindexed(slices: maps[entry.grouping].theirs, sliceCount: count))
        merged.append(ProxyTally(grouping: entry.grouping, feature: entry.feature, counts: counts))
      }
      guard a.count == b.count else { throw problem("its proxy screen covers other features") }
      proxies = merged
    }
    if var a = losses, let b = other.losses {
      if let total = b.lossTotal { a.lossTotal?.add(total) }
      if let total = b.costTotal { a.costTotal?.add(total) }
      a.groupings = alignedAttributions(a.groupings, b.groupings)
      losses = a
    }
    if var a = lossGaps, let b = other.lossGaps {
      guard a.featureNames == b.featureNames, a.lossName == b.lossName, a.method == b.method
      else {
        throw problem("its loss attributions have other columns, loss or method")
      }
      if a.dependsOnPartition || b.dependsOnPartition {
        a.dependsOnPartition = true
        a.groupings = []
        note(
          "loss-gap decompositions: the background was sampled from each partition's own "
            + "rows; draw it from all rows first ('fairgate evidence sample', merged, then "
            + "'fairgate evidence partial --sample') or declare 'attributions: background: FILE'")
      } else {
        a.groupings = alignedAttributions(a.groupings, b.groupings)
      }
      lossGaps = a
    }
    if let a = flips, let b = other.flips {
      flips = try mergedFlips(a, b, problem: problem)
    }
    if var a = reasons, let b = other.reasons {
      // Reasons derived against a partition's own backgrounds are said so here; those not
      // derived at all carry their partition's note of why.
      let ownBackgrounds = [a, b].contains { $0.isDerived && $0.dependsOnPartition }
      if let message = a.merge(
        b, maps: maps, sliceCounts: unionLayouts.map(\.sliceNames.count))
      {
        throw problem(message)
      }
      if ownBackgrounds {
        note(
          "adverse-action reasons: their backgrounds were drawn from each partition's own "
            + "rows; with 'reasons: reference: all', draw them from all rows first ('fairgate "
            + "evidence sample', merged, then 'fairgate evidence partial --sample'); the "
            + "near-cutoff population depends on every row's score and is not drawn in pieces")
      }
      reasons = a
    }
    layouts = unionLayouts
    rowCount += other.rowCount
    partitionCount += other.partitionCount
    for line in other.unavailable where !unavailable.contains(line) { unavailable.append(line) }
  }

  /// Records that `line` (one sentence: what, and why) is not available.
  package mutating func note(_ line: String) {
    if !unavailable.contains(line) { unavailable.append(line) }
  }

  /// Flips of values fixed in advance (a model's categories, or values counted over all rows
  /// beforehand) add up; flips of values taken from a partition's rows do not, and are
  /// dropped.
  private mutating func mergedFlips(
    _ a: [FlipTally], _ b: [FlipTally], problem: (String) -> MergeProblem
  ) throws -> [FlipTally] {
    var dropped = Set<String>()
    var byKey: [[Int]: FlipTally] = [:]
    for entry in a + b {
      if entry.dependsOnPartition {
        dropped.insert(entry.flip.attribute)
        continue
      }
      let key = [entry.attribute, entry.candidate]
      guard var existing = byKey[key] else {
        byKey[key] = entry
        continue
      }
      guard existing.flip.value == entry.flip.value, existing.flip.feature == entry.flip.feature
      else {
        throw problem("its counterfactual flips try other values")
      }
      existing.flip.rows += entry.flip.rows
      existing.flip.flipped += entry.flip.flipped
      byKey[key] = existing
    }
    for attribute in dropped.sorted() {
      note(
        "counterfactual flips of '\(attribute)': the values tried (bin medians or distinct "
          + "values) came from each partition's own rows; count them over all rows first "
          + "('fairgate evidence sample', merged, then 'fairgate evidence partial --sample')")
    }
    let alpha = configuration.alpha
    return byKey.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { _, entry in
      var entry = entry
      entry.flip = CounterfactualFlip(
        counting: entry.flip, rows: entry.flip.rows, flipped: entry.flip.flipped, alpha: alpha)
      return entry
    }
  }
}
