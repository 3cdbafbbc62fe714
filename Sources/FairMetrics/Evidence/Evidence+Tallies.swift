import _FairSupport

extension Evidence {
  /// The kinds of tallies partial evidence can hold.
  public struct TallyKinds: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: Int
    /// Creates a set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The outcome tallies behind every group metric (always computed).
    public static let outcomes = TallyKinds(rawValue: 1 << 0)
    /// The attributions' overall sums (attribution shares and ranks).
    public static let attributions = TallyKinds(rawValue: 1 << 1)
    /// The per-slice attribution tallies over all rows (gap decompositions).
    public static let attributionSummaries = TallyKinds(rawValue: 1 << 2)
    /// The joint counts of the proxy screen.
    public static let proxies = TallyKinds(rawValue: 1 << 3)
    /// The counterfactual flips.
    public static let flips = TallyKinds(rawValue: 1 << 4)
    /// The loss and cost tallies.
    public static let losses = TallyKinds(rawValue: 1 << 5)
    /// The loss-attribution tallies (loss-gap decompositions).
    public static let lossGaps = TallyKinds(rawValue: 1 << 6)
  }

  /// Computes the tallies of `kinds` from the rows, without computing any figure from them,
  /// and returns every tally computed so far.
  ///
  /// A kind the audit cannot have is skipped: attributions and flips without a model, losses
  /// without a declared loss or cost matrix, loss gaps without a declared loss. The proxy
  /// screen takes the attributions' sums along when there is a model, as the figures do.
  ///
  /// - Throws: The data's, the model's or the explainer's error.
  public func computeTallies(_ kinds: TallyKinds) throws -> EvidenceTallies {
    guard let data else { return tallies() }
    _ = try outcomeTallies()
    let hasModel = data.attributionSource != nil
    if hasModel && !kinds.isDisjoint(with: [.attributions, .attributionSummaries, .proxies]) {
      _ = try attributions()
    }
    if kinds.contains(.attributionSummaries) && hasModel {
      _ = try populationTallies(.all)
    }
    if kinds.contains(.proxies) { _ = try proxyTallies() }
    if kinds.contains(.flips) { _ = try flipTallies() }
    if kinds.contains(.losses), let rows = data.lossRows, rows.losses != nil || rows.costs != nil {
      _ = try lossTallies()
    }
    if kinds.contains(.lossGaps) && data.lossAttributionSource != nil {
      _ = try lossGapTallies()
    }
    return tallies()
  }
}

extension EvidenceTallies {
  /// The most rows tallies may count, one file or merged (2³⁰, about 1.07·10⁹): far above
  /// the data sets of credit and hiring audits, and low enough that no score map or bootstrap
  /// replicate of the outcome counts passes its fixed point (2³¹ units of weight per slice,
  /// ``ReplicateTally``), so that none wraps into a wrong number.
  package static let maximumRowCount = 1 << 30

  /// The first way in which the tallies are not the tallies of any rows (decoded tallies
  /// are checked before use), or `nil`.
  package var inconsistency: String? {
    if let problem = configuration.inconsistency { return "'configuration': \(problem)" }
    let groupings = configuration.groupings.count
    if layouts.count != groupings {
      return "'layouts' has \(layouts.count) entries for \(groupings) groupings"
    }
    for (index, layout) in layouts.enumerated() {
      if layout.grouping != configuration.groupings[index] {
        return "'layouts[\(index)]' is not the grouping '\(configuration.groupings[index].name)'"
      }
      if layout.sliceNames.count != layout.sliceParts.count
        || Set(layout.sliceParts).count != layout.sliceParts.count
        || layout.sliceParts.contains(where: { $0.count != layout.grouping.attributes.count })
      {
        return "'layouts[\(index)]' has inconsistent slices"
      }
      if layout.sliceNames != layout.sliceParts.map(Grouping.sliceName) {
        return "'layouts[\(index)]' has slice names that are not its slices' parts"
      }
      if layout.rowCount != rowCount || !(0...rowCount).contains(layout.unknownRowCount) {
        return "'layouts[\(index)]' counts \(layout.rowCount) rows (\(layout.unknownRowCount) "
          + "unknown) for the evidence's \(rowCount)"
      }
    }
    let replicates = configuration.bootstrapReplicates
    // Counts are bounded, so that adding the tallies of many partitions cannot overflow.
    guard partitionCount >= 1, (0...EvidenceTallies.maximumRowCount).contains(rowCount) else {
      return "'partitionCount' or 'rowCount' is out of range"
    }
    /// Whether counts that add up to a part of the rows do (no overflow on the way).
    func withinRows(_ counts: [Int]) -> Bool {
      counts.countTotal(atMost: rowCount) != nil
    }
    if let outcomes {
      guard outcomes.count == groupings else { return "'outcomes' has \(outcomes.count) entries" }
      for (index, tally) in outcomes.enumerated()
      where !tally.isConsistent(sliceCount: layouts[index].sliceNames.count)
        || tally.replicates.replicateCount != replicates
      {
        return "'outcomes[\(index)]' does not fit its grouping's slices and replicates"
      }
      // Every slice has its map of scores when the rows have scores, none otherwise.
      for (index, tally) in outcomes.enumerated()
      where tally.scores.count != (shape.hasScores ? layouts[index].sliceNames.count : 0) {
        return "'outcomes[\(index)].scores' has \(tally.scores.count) maps of scores for "
          + "\(shape.hasScores ? layouts[index].sliceNames.count : 0)"
      }
      for (index, tally) in outcomes.enumerated()
      where !tally.slices.allSatisfy({ withinRows([$0.rows]) })
        || !tally.scores.allSatisfy({ withinRows($0.rows + [$0.nanRows]) })
      {
        return "'outcomes[\(index)]' counts more rows than the evidence has"
      }
    }
    if let allScores, !allScores.isConsistent || !withinRows(allScores.rows + [allScores.nanRows]) {
      return "'allScores' is inconsistent"
    }
    // The map of every row's score (the median's) comes with the group metrics' tallies of
    // rows that have scores, and counts every row.
    guard (allScores != nil) == (shape.hasScores && outcomes != nil) else {
      return allScores == nil
        ? "'allScores' is missing: the rows have scores" : "'allScores' is present without scores"
    }
    if let allScores, allScores.rowCount + allScores.nanRows != rowCount {
      return "'allScores' counts \(allScores.rowCount + allScores.nanRows) rows for \(rowCount)"
    }
    func check(_ tallies: [AttributionTally], _ name: String, features: Int) -> String? {
      guard tallies.count == groupings else { return "'\(name)' has \(tallies.count) entries" }
      for (index, tally) in tallies.enumerated()
      where !tally.isConsistent(sliceCount: layouts[index].sliceNames.count, featureCount: features)
        || tally.replicates.replicateCount != replicates
      {
        return "'\(name)[\(index)]' does not fit its grouping's slices, features and replicates"
      }
      return nil
    }
    if let attributions, carries(attributions.dependsOnPartition) {
      let m = attributions.columns.featureNames.count
      if Set(attributions.columns.featureNames).count != m {
        return "'attributions.columns.featureNames' names a column twice"
      }
      if attributions.absoluteTotals.count != m {
        return
          "'attributions.absoluteTotals' has \(attributions.absoluteTotals.count) entries for \(m) columns"
      }
      for (key, tallies) in attributions.populations {
        guard Evidence.Population(rawValue: key) != nil else {
          return "'attributions.populations' names an unknown population '\(key)'"
        }
        if let problem = check(tallies, "attributions.populations.\(key)", features: m) {
          return problem
        }
      }
    }
    if let proxies {
      for (index, entry) in proxies.enumerated() {
        guard layouts.indices.contains(entry.grouping), entry.counts.isConsistent,
          entry.counts.sliceCount == layouts[entry.grouping].sliceNames.count,
          withinRows(entry.counts.rows)
        else {
          return "'proxies[\(index)]' does not fit its grouping's slices"
        }
      }
    }
    if let losses {
      let count = (losses.declared.hasLosses ? 1 : 0) + (losses.declared.hasCosts ? 1 : 0)
      if (losses.lossTotal == nil) == losses.declared.hasLosses
        || (losses.costTotal == nil) == losses.declared.hasCosts
      {
        return "'losses' totals do not match the declared loss and costs"
      }
      if let problem = check(losses.groupings, "losses.groupings", features: count) {
        return problem
      }
    }
    if let lossGaps, carries(lossGaps.dependsOnPartition) {
      if Set(lossGaps.featureNames).count != lossGaps.featureNames.count {
        return "'lossGaps.featureNames' names a feature twice"
      }
      if let problem = check(
        lossGaps.groupings, "lossGaps.groupings", features: lossGaps.featureNames.count)
      {
        return problem
      }
    }
    if let flips {
      // In range; the rate and its interval those of the counts; the attribute the
      // configuration's.
      for (index, entry) in flips.enumerated() {
        let flip = entry.flip
        guard configuration.attributes.indices.contains(entry.attribute), entry.candidate >= 0,
          flip.rows >= 1, flip.flipped >= 0, flip.flipped <= flip.rows, flip.rows <= rowCount
        else {
          return "'flips[\(index)]' is out of range"
        }
        if flip.attribute != configuration.attributes[entry.attribute].name {
          return "'flips[\(index)]' names the attribute '\(flip.attribute)' at the "
            + "place of '\(configuration.attributes[entry.attribute].name)'"
        }
        let counted = CounterfactualFlip(
          counting: flip, rows: flip.rows, flipped: flip.flipped, alpha: configuration.alpha)
        if flip != counted {
          return "'flips[\(index)]' has a rate or interval that is not its counts'"
        }
        if !carries(entry.dependsOnPartition) {
          return "'flips[\(index)]' tried a value taken from one partition's rows, in "
            + "evidence of \(partitionCount) partitions"
        }
      }
    }
    if let reasons {
      if let problem = reasons.inconsistency(layouts: layouts) { return "'reasons' \(problem)" }
      guard reasons.counts.adverse <= rowCount else {
        return "'reasons' counts more adverse decisions than the evidence has rows"
      }
    }
    return nil
  }
}

extension Evidence.Configuration {
  /// The first setting no audit could have, or `nil`.
  var inconsistency: String? {
    guard confidenceLevel > 0 && confidenceLevel < 1 else {
      return "the confidence level must be between 0 and 1"
    }
    guard minimumSliceShare >= 0 && minimumSliceShare <= 1 else {
      return "the minimum slice share must be between 0 and 1"
    }
    guard bootstrapReplicates >= 0 && bootstrapReplicates <= 1_000_000 else {
      return "the bootstrap replicates must be between 0 and 1000000"
    }
    guard proxyThreshold.isFinite else { return "the proxy threshold must be a number" }
    let names = Set(attributes.map(\.name))
    guard names.count == attributes.count else { return "an attribute is declared twice" }
    for attribute in attributes {
      guard attribute.assignmentThreshold.isFinite else {
        return "attribute '\(attribute.name)' has no assignment threshold"
      }
      switch attribute.source {
      case .bins(_, let edges, let labels):
        guard edges.count >= 2, zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }),
          labels.map({ $0.count == edges.count - 1 }) ?? true
        else {
          return "attribute '\(attribute.name)' needs at least two increasing edges and a "
            + "label per bin"
        }
      case .probabilities(let groups):
        guard !groups.isEmpty else { return "attribute '\(attribute.name)' has no groups" }
      case .column: break
      }
    }
    for grouping in groupings {
      guard !grouping.attributes.isEmpty, grouping.attributes.allSatisfy(names.contains) else {
        return "grouping '\(grouping.name)' names an attribute that is not declared"
      }
    }
    return nil
  }
}
