public import FairAttribution
import FairModels
public import FairTabular
import Synchronization
package import _FairSupport

/// The fairness evidence of one dataset, computed on demand and kept once computed.
///
/// A caller (the rules engine, `fairgate metrics`) asks for what it needs: group metrics,
/// attribution summaries, gap decompositions, proxy associations or counterfactual flips.
/// Each kind is computed for every grouping in one pass the first time it is asked for, and
/// kept; attributions are never computed unless something reads them.
///
/// ```swift
/// let evidence = try Evidence(
///   configuration: configuration, dataset: dataset, dataFile: "loans.csv", rows: rows)
/// let sex = try evidence.groupMetrics(named: "sex")
/// print(sex.slice(named: "female")?.impactRatio ?? .nan)
/// ```
///
/// Results are the same for any thread count and for any split of the rows into chunks:
/// every sum is exact and every bootstrap weight depends only on the seed, the row's
/// identifier and the replicate.
public final class Evidence: Sendable {
  /// What to compute and how.
  public struct Configuration: Sendable, Hashable, Codable {
    /// The protected attributes.
    public var attributes: [ProtectedAttribute]
    /// The groupings: each attribute, the intersections, the assigned variants.
    public var groupings: [Grouping]
    /// Slices under this share of the data are left out of comparisons (LL144's 2%).
    public var minimumSliceShare: Double
    /// The confidence level of intervals.
    public var confidenceLevel: Double
    /// One minus ``confidenceLevel``: the level the intervals' tails leave out.
    var alpha: Double { 1 - confidenceLevel }
    /// The bootstrap replicates (0 for none).
    public var bootstrapReplicates: Int
    /// The bootstrap seed.
    public var seed: UInt64
    /// How significance tests are chosen.
    public var test: SignificanceTest.Method
    /// Worker threads; results do not depend on it.
    public var threads: Int
    /// The columns screened as proxies (usually the model's inputs).
    public var candidateFeatures: [String]
    /// The association at or above which a feature is a proxy.
    public var proxyThreshold: Double
    /// Features declared to be proxies.
    public var declaredProxies: [String]

    /// Creates a configuration.
    public init(
      attributes: [ProtectedAttribute], groupings: [Grouping], minimumSliceShare: Double = 0,
      confidenceLevel: Double = 0.95, bootstrapReplicates: Int = 1000, seed: UInt64 = 0,
      test: SignificanceTest.Method = .automatic, threads: Int = 1,
      candidateFeatures: [String] = [], proxyThreshold: Double = 0.3,
      declaredProxies: [String] = []
    ) {
      self.attributes = attributes
      self.groupings = groupings
      self.minimumSliceShare = minimumSliceShare
      self.confidenceLevel = confidenceLevel
      self.bootstrapReplicates = bootstrapReplicates
      self.seed = seed
      self.test = test
      self.threads = threads
      self.candidateFeatures = candidateFeatures
      self.proxyThreshold = proxyThreshold
      self.declaredProxies = declaredProxies
    }

    /// One grouping per attribute, each of `intersections`, and the most-probable-group
    /// variant of every probabilistic attribute.
    public static func groupings(
      attributes: [ProtectedAttribute], intersections: [[String]]
    ) -> [Grouping] {
      var groupings = attributes.map { Grouping([$0.name]) }
      groupings += intersections.map { Grouping($0) }
      groupings += attributes.filter(\.isProbabilistic).map {
        Grouping([$0.name], assignsMostProbableGroup: true)
      }
      return groupings
    }
  }

  /// Where attributions come from when something asks for them.
  public struct AttributionSource: Sendable {
    /// The attribution columns (features or feature groups).
    public var featureNames: [String]
    /// The output space, `margin` or `probability`.
    public var outputSpace: String
    /// For inputs attributed as part of a group, the group's column.
    public var groupOfFeature: [String: String]
    /// Whether the attributions, once computed, depend on which rows are audited together
    /// (the method used a background sampled from the data), so that evidence of
    /// partitions does not merge.
    public var dependsOnPartition: @Sendable () -> Bool
    /// Computes the attributions of every row, in row order.
    public var compute: @Sendable () throws -> Attributions

    /// Creates a source.
    public init(
      featureNames: [String], outputSpace: String, groupOfFeature: [String: String] = [:],
      dependsOnPartition: @escaping @Sendable () -> Bool = { false },
      compute: @escaping @Sendable () throws -> Attributions
    ) {
      self.featureNames = featureNames
      self.outputSpace = outputSpace
      self.groupOfFeature = groupOfFeature
      self.dependsOnPartition = dependsOnPartition
      self.compute = compute
    }

    /// The columns, without the computation.
    public var columns: AttributionColumns {
      AttributionColumns(
        featureNames: featureNames, outputSpace: outputSpace, groupOfFeature: groupOfFeature)
    }
  }

  /// The columns of attributions: features or feature groups, the output space, and the
  /// group of each input attributed as part of one.
  public struct AttributionColumns: Sendable, Hashable, Codable {
    /// The attribution columns.
    public var featureNames: [String]
    /// The output space: `margin`, `probability` or `loss`.
    public var outputSpace: String
    /// For inputs attributed as part of a group, the group's column.
    public var groupOfFeature: [String: String]
  }

  /// The loss and cost matrix an audit declares, as reports name them.
  public struct DeclaredLoss: Sendable, Hashable, Codable {
    /// The loss, as `focal(alpha: 0.25, gamma: 2)`, when one is declared.
    public var loss: String?
    /// The cost matrix, summarised, when one is declared.
    public var costs: String?
    /// Whether each row has a loss.
    public var hasLosses: Bool
    /// Whether each row has a cost.
    public var hasCosts: Bool
  }

  /// Where loss attributions come from when something asks for them.
  public struct LossAttributionSource: Sendable {
    /// The attribution columns (features or feature groups).
    public var featureNames: [String]
    /// For inputs attributed as part of a group, the group's column.
    public var groupOfFeature: [String: String]
    /// Whether the loss attributions depend on which rows are audited together (their
    /// background is sampled from the data), so that evidence of partitions does not merge.
    public var dependsOnPartition: Bool
    /// Computes the loss attributions of every row, in row order.
    public var compute: @Sendable () throws -> LossAttributions

    /// Creates a source.
    public init(
      featureNames: [String], groupOfFeature: [String: String] = [:],
      dependsOnPartition: Bool = false,
      compute: @escaping @Sendable () throws -> LossAttributions
    ) {
      self.featureNames = featureNames
      self.groupOfFeature = groupOfFeature
      self.dependsOnPartition = dependsOnPartition
      self.compute = compute
    }
  }

  /// The rows whose attributions are summarised.
  public enum Population: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every row.
    case all
    /// Rows with a favourable true outcome: decomposes the true-positive-rate gap.
    case favourableOutcome = "favourable-outcome"
    /// Rows with an unfavourable true outcome: decomposes the false-positive-rate gap.
    case unfavourableOutcome = "unfavourable-outcome"
  }

  /// The configuration.
  public let configuration: Configuration
  /// The slices of each grouping, in configuration order.
  public let layouts: [SliceLayout]
  /// The rows, when the evidence is computed from data rather than from merged tallies.
  package let data: RowData?
  /// Where long computations report their progress, when someone is watching.
  let progress: WorkProgress?

  /// What evidence computed from rows reads.
  package struct RowData: Sendable {
    /// The data.
    package let dataset: Dataset
    /// The data file's path, for messages.
    package let dataFile: String
    /// Decisions, scores, outcomes and row identifiers.
    package let rows: EvidenceRows
    /// The slices of each grouping, with each row's memberships.
    package let memberships: [SliceMembership]
    /// Where attributions come from; `nil` when there is no model to attribute.
    package let attributionSource: AttributionSource?
    /// The model side of counterfactual flips; `nil` without a model.
    package let counterfactualModel: CounterfactualModel?
    /// The per-row loss and decision cost, when the audit declares a loss or a cost matrix.
    package let lossRows: LossRows?
    /// Where loss attributions come from; `nil` without a model or a declared loss.
    package let lossAttributionSource: LossAttributionSource?
  }

  private let cache: Mutex<Cache>

  private struct Cache: Sendable {
    var groups: [GroupingMetrics]?
    var attributions: Attributions?
    var summaries: [Population: [AttributionSummary]] = [:]
    var proxies: [ProxyAssociation]?
    var flips: [CounterfactualFlip]?
    var shares: [String: Double]?
    var losses: [LossMetrics]?
    var lossAttributions: LossAttributions?
    var lossGaps: [LossGapDecomposition]?
    /// The tallies behind what has been computed.
    var tallies: EvidenceTallies
  }

  /// Prepares the evidence: reads every grouping's slices (cheap), computes nothing else.
  ///
  /// - Parameters:
  ///   - configuration: What to compute.
  ///   - dataset: The data.
  ///   - dataFile: The data file's path, for messages.
  ///   - rows: Decisions, scores, outcomes and row identifiers.
  ///   - attributions: Where attributions come from, if there is a model.
  ///   - counterfactual: The model side of counterfactual flips, if there is a model.
  ///   - loss: The per-row loss and cost, if the audit declares them.
  ///   - lossAttributions: Where loss attributions come from, if there is a model and a loss.
  /// - Throws: ``MetricsError`` or `DataError` when a grouping cannot be read.
  public convenience init(
    configuration: Configuration, dataset: Dataset, dataFile: String, rows: EvidenceRows,
    attributions: AttributionSource? = nil, counterfactual: CounterfactualModel? = nil,
    loss: LossRows? = nil, lossAttributions: LossAttributionSource? = nil
  ) throws {
    try self.init(
      configuration: configuration, dataset: dataset, dataFile: dataFile, rows: rows,
      attributions: attributions, counterfactual: counterfactual, loss: loss,
      lossAttributions: lossAttributions, progress: nil)
  }

  /// Prepares the evidence as ``init(configuration:dataset:dataFile:rows:attributions:counterfactual:loss:lossAttributions:)``
  /// does, reporting the rows of each long computation (the bootstrap passes) to `progress`.
  package init(
    configuration: Configuration, dataset: Dataset, dataFile: String, rows: EvidenceRows,
    attributions: AttributionSource?, counterfactual: CounterfactualModel?, loss: LossRows?,
    lossAttributions: LossAttributionSource? = nil, progress: WorkProgress?
  ) throws {
    if let loss {
      precondition(loss.labels.count == rows.rowCount, "the loss rows need one label per row")
    }
    self.progress = progress
    self.configuration = configuration
    let memberships = try configuration.groupings.map {
      try SliceMembership(
        grouping: $0, attributes: configuration.attributes, dataset: dataset, file: dataFile)
    }
    layouts = memberships.map(\.layout)
    data = RowData(
      dataset: dataset, dataFile: dataFile, rows: rows, memberships: memberships,
      attributionSource: attributions, counterfactualModel: counterfactual, lossRows: loss,
      lossAttributionSource: lossAttributions)
    var recorded = configuration
    recorded.threads = 1
    cache = Mutex(
      Cache(
        tallies: EvidenceTallies(
          configuration: recorded, partitionCount: 1, rowCount: rows.rowCount,
          shape: EvidenceTallies.RowShape(
            hasScores: rows.scores != nil, hasOutcomes: rows.outcomes != nil,
            scoreScale: rows.scoreScale),
          layouts: layouts)))
  }

  /// The evidence of merged tallies: every figure is computed from them, with the same code
  /// as from rows, and no data is read.
  ///
  /// A figure whose tallies are not in `tallies` (nothing asked for it where they were
  /// computed, or a merge could not carry it) throws ``MetricsError`` saying so.
  ///
  /// - Parameters:
  ///   - tallies: The tallies, usually ``EvidenceTallies/merged(_:)`` of several partitions.
  ///   - threads: Worker threads; results do not depend on it.
  public init(tallies: EvidenceTallies, threads: Int) {
    var configuration = tallies.configuration
    configuration.threads = threads
    self.configuration = configuration
    layouts = tallies.layouts
    data = nil
    progress = nil
    cache = Mutex(Cache(tallies: tallies))
  }

  /// The tallies of everything computed so far: the partial evidence of these rows.
  public func tallies() -> EvidenceTallies { cache.withLock { $0.tallies } }

  /// The merged tallies, when the evidence is computed from them rather than from rows.
  private var merged: EvidenceTallies? { data == nil ? tallies() : nil }

  /// Whether the rows have scores.
  public var hasScores: Bool { cache.withLock { $0.tallies.shape.hasScores } }

  /// The attribution columns, when there is a model to attribute.
  public var attributionColumns: AttributionColumns? {
    if let data { return data.attributionSource?.columns }
    return merged?.attributions?.columns
  }

  /// The columns of loss attributions, when there is a model and a declared loss.
  public var lossAttributionColumns: AttributionColumns? {
    if let data {
      return data.lossAttributionSource.map {
        AttributionColumns(
          featureNames: $0.featureNames, outputSpace: "loss", groupOfFeature: $0.groupOfFeature)
      }
    }
    return merged?.lossGaps.map {
      AttributionColumns(
        featureNames: Array($0.featureNames.dropLast()), outputSpace: "loss",
        groupOfFeature: merged?.attributions?.columns.groupOfFeature ?? [:])
    }
  }

  /// The declared loss and cost matrix, when the audit declares either.
  public var declaredLoss: DeclaredLoss? {
    if let data { return data.lossRows.map(Evidence.declared) }
    return merged?.losses?.declared
  }

  private static func declared(_ rows: LossRows) -> DeclaredLoss {
    DeclaredLoss(
      loss: rows.loss?.description, costs: rows.costMatrix?.summary,
      hasLosses: rows.losses != nil, hasCosts: rows.costs != nil)
  }

  private var alpha: Double { configuration.alpha }

  /// The error for a figure whose tallies the merged evidence lacks.
  private func notInTallies(_ kind: String) -> MetricsError {
    let reasons = (merged?.unavailable ?? []).filter { $0.hasPrefix(kind) }
    return MetricsError(
      message: reasons.first.map { "not available from merged evidence: \($0)" }
        ?? "the evidence holds no \(kind): nothing asked for them where it was computed")
  }

  /// Refuses figures from tallies whose bootstrap replicate sums might have wrapped
  /// (``ReplicateTally/exactLimit``): a wrong interval is worse than none.
  private func requireExactReplicates(_ tallies: [AttributionTally], of kind: String) throws {
    for (index, tally) in zip(layouts.indices, tallies) where !tally.replicatesAreExact {
      throw MetricsError(
        message: "\(kind) of '\(layouts[index].grouping.name)': a slice's values add up to "
          + "more than 2^27 in absolute value (or are not numbers), past what the bootstrap "
          + "replicates sum exactly; scale the values down, or set 'statistics: bootstrap: 0'")
    }
  }

  /// The rows, which only evidence computed from data has.
  private func rowData() throws -> RowData {
    guard let data else {
      throw MetricsError(message: "evidence merged from partitions holds no rows")
    }
    return data
  }

  // MARK: - Group metrics

  /// The group metrics of every grouping, in configuration order.
  ///
  /// - Throws: ``MetricsError`` when a declared reference group is not in the data or a
  ///   grouping has no slice to compare.
  /// - Complexity: One pass over the rows: O(*n*·*g*·*B*).
  public func groupMetrics() throws -> [GroupingMetrics] {
    if let cached = cache.withLock({ $0.groups }) { return cached }
    let (tallies, allScores) = try outcomeTallies()
    let shape = cache.withLock { $0.tallies.shape }
    let median = allScores?.median
    // The groupings' metrics (rank statistics and intervals) are independent of each other.
    let layouts = layouts
    let groups = try ParallelChunks.map(count: tallies.count, threads: configuration.threads) {
      index in
      try located {
        try GroupingMetrics(
          layout: layouts[index], tally: tallies[index], shape: shape, median: median,
          settings: ComparisonSettings(
            reference: reference(of: layouts[index].grouping),
            minimumShare: configuration.minimumSliceShare, alpha: alpha,
            test: configuration.test))
      }
    }
    cache.withLock { $0.groups = groups }
    return groups
  }

  /// The outcome tallies and the map of every score: computed from the rows once, or read
  /// from the merged tallies.
  func outcomeTallies() throws -> ([GroupingTally], ScoreCounts?) {
    if let merged {
      guard let outcomes = merged.outcomes else { throw notInTallies("group metrics") }
      return (outcomes, merged.allScores)
    }
    if let stored = cache.withLock({ $0.tallies.outcomes }) {
      return (stored, cache.withLock { $0.tallies.allScores })
    }
    let data = try rowData()
    let tallies = Tallying.outcomes(
      memberships: data.memberships, rows: data.rows,
      replicateCount: configuration.bootstrapReplicates, seed: configuration.seed,
      threads: configuration.threads, progress: progress)
    let allScores = data.rows.scores.map { ScoreCounts(scores: $0) }
    cache.withLock {
      $0.tallies.outcomes = tallies
      $0.tallies.allScores = allScores
    }
    return (tallies, allScores)
  }

  /// The group metrics of the grouping named `name`.
  ///
  /// - Throws: ``MetricsError`` when there is no such grouping, or as ``groupMetrics()``.
  public func groupMetrics(named name: String) throws -> GroupingMetrics {
    guard let found = try groupMetrics().first(where: { $0.grouping == name }) else {
      throw MetricsError(subject: "grouping '\(name)'", message: "no such grouping")
    }
    return found
  }

  // MARK: - Losses

  /// The loss and decision cost per slice of every grouping, in configuration order.
  ///
  /// - Throws: ``MetricsError`` when the audit declares neither a loss nor a cost matrix; as
  ///   ``groupMetrics()``.
  /// - Complexity: One pass over the rows: O(*n*·*g*·*B*).
  public func lossMetrics() throws -> [LossMetrics] {
    if let cached = cache.withLock({ $0.losses }) { return cached }
    let groups = try groupMetrics()
    let tallies = try lossTallies()
    try requireExactReplicates(tallies.groupings, of: "loss metrics")
    let layout = LossMetrics.Layout(tallies.declared)
    let totals = (loss: tallies.lossTotal?.value, cost: tallies.costTotal?.value)
    let rowCount = cache.withLock { $0.tallies.rowCount }
    let result = layouts.indices.map { index in
      LossMetrics(
        layout: layouts[index], tally: tallies.groupings[index], statistics: layout,
        groupMetrics: groups[index], totals: totals, rowCount: rowCount,
        declared: tallies.declared, alpha: alpha)
    }
    cache.withLock { $0.losses = result }
    return result
  }

  func lossTallies() throws -> EvidenceTallies.LossTallies {
    if let merged {
      guard let losses = merged.losses else {
        if merged.outcomes != nil && merged.losses == nil && declaredLoss == nil {
          throw MetricsError(message: "the audit declares no loss and no cost matrix")
        }
        throw notInTallies("loss metrics")
      }
      return losses
    }
    if let stored = cache.withLock({ $0.tallies.losses }) { return stored }
    let data = try rowData()
    guard let lossRows = data.lossRows, lossRows.losses != nil || lossRows.costs != nil else {
      throw MetricsError(message: "the audit declares no loss and no cost matrix")
    }
    let declared = Evidence.declared(lossRows)
    let layout = LossMetrics.Layout(declared)
    let tallies = Tallying.attributions(
      memberships: data.memberships, rowIDs: data.rows.rowIDs, values: layout.values(lossRows),
      outputs: lossRows.losses ?? lossRows.costs ?? [], featureCount: layout.count,
      replicateCount: configuration.bootstrapReplicates, seed: configuration.seed,
      threads: configuration.threads, progress: progress, task: "bootstrap of losses")
    let result = EvidenceTallies.LossTallies(
      declared: declared, lossTotal: lossRows.losses.map(ExactSum.init),
      costTotal: lossRows.costs.map(ExactSum.init), groupings: tallies)
    cache.withLock { $0.tallies.losses = result }
    return result
  }

  /// The loss metrics, if something has asked for them already.
  public func cachedLossMetrics() -> [LossMetrics]? { cache.withLock { $0.losses } }

  /// The loss attributions of every row, computed the first time they are needed.
  ///
  /// - Throws: ``MetricsError`` when there is no model or no declared loss, or the evidence
  ///   comes from merged tallies (which hold no rows); the explainer's error.
  public func lossAttributions() throws -> LossAttributions {
    if let cached = cache.withLock({ $0.lossAttributions }) { return cached }
    guard let data else {
      throw MetricsError(message: "evidence merged from partitions holds no per-row attributions")
    }
    guard let lossAttributionSource = data.lossAttributionSource else {
      throw MetricsError(
        message: data.lossRows?.loss == nil
          ? "loss attributions need a declared loss ('loss:' in the manifest)"
          : "loss attributions need a model, and this audit has none")
    }
    let computed = try lossAttributionSource.compute()
    cache.withLock { $0.lossAttributions = computed }
    return computed
  }

  /// The decomposition of every slice's mean-loss gap to the reference, per grouping.
  ///
  /// - Throws: As ``lossAttributions()`` and ``groupMetrics()``.
  /// - Complexity: One pass over the rows: O(*n*·*g*·*m*·*B*), after the loss attributions.
  public func lossGapDecompositions() throws -> [LossGapDecomposition] {
    if let cached = cache.withLock({ $0.lossGaps }) { return cached }
    let groups = try groupMetrics()
    let tallies = try lossGapTallies()
    try requireExactReplicates(tallies.groupings, of: "loss-gap decompositions")
    let result = layouts.indices.map { index in
      let layout = layouts[index]
      return LossGapDecomposition(
        summary: AttributionSummary(
          layout: layout, tally: tallies.groupings[index], featureNames: tallies.featureNames,
          reference: layout.sliceIndex(named: groups[index].reference) ?? 0, population: "all",
          outputSpace: "loss", alpha: alpha),
        loss: tallies.lossName, method: tallies.method)
    }
    cache.withLock { $0.lossGaps = result }
    return result
  }

  func lossGapTallies() throws -> EvidenceTallies.LossGapTallies {
    if let merged {
      guard let lossGaps = merged.lossGaps, merged.carries(lossGaps.dependsOnPartition)
      else {
        throw notInTallies("loss-gap decompositions")
      }
      return lossGaps
    }
    if let stored = cache.withLock({ $0.tallies.lossGaps }) { return stored }
    let data = try rowData()
    let attributions = try lossAttributions()
    // Each row's attributions and its baseline add up to its loss: the baseline is one more
    // column, so the summary's gap decomposition adds up exactly.
    let m = attributions.featureCount
    var values = [Double](repeating: 0, count: attributions.rowCount * (m + 1))
    for row in 0..<attributions.rowCount {
      for feature in 0..<m {
        values[row * (m + 1) + feature] = attributions.values[row * m + feature]
      }
      values[row * (m + 1) + m] = attributions.baselines[row]
    }
    let tallies = Tallying.attributions(
      memberships: data.memberships, rowIDs: data.rows.rowIDs, values: values,
      outputs: attributions.losses, featureCount: m + 1,
      replicateCount: configuration.bootstrapReplicates, seed: configuration.seed,
      threads: configuration.threads, progress: progress, task: "bootstrap of loss attributions")
    let result = EvidenceTallies.LossGapTallies(
      featureNames: attributions.featureNames + [LossGapDecomposition.baselineColumn],
      lossName: attributions.lossName, method: attributions.method.rawValue,
      groupings: tallies,
      dependsOnPartition: data.lossAttributionSource?.dependsOnPartition ?? false)
    cache.withLock { $0.tallies.lossGaps = result }
    return result
  }

  /// The loss-gap decompositions, if something has asked for them already.
  public func cachedLossGapDecompositions() -> [LossGapDecomposition]? {
    cache.withLock { $0.lossGaps }
  }

  // MARK: - Attributions

  /// The attributions of every row, computed the first time they are needed.
  ///
  /// - Throws: ``MetricsError`` when there is no model to attribute, or the evidence comes
  ///   from merged tallies (which hold no rows); the explainer's error.
  public func attributions() throws -> Attributions {
    if let cached = cache.withLock({ $0.attributions }) { return cached }
    guard let data else {
      throw MetricsError(message: "evidence merged from partitions holds no per-row attributions")
    }
    guard let attributionSource = data.attributionSource else {
      throw MetricsError(message: "attributions need a model, and this audit has none")
    }
    let computed = try attributionSource.compute()
    // The overall shares' sums are kept with the tallies as soon as the attributions exist.
    let m = computed.featureCount
    var sums = [ExactSum](repeating: ExactSum(), count: m)
    for row in 0..<computed.rowCount {
      for feature in 0..<m { sums[feature].add(abs(computed.values[row * m + feature])) }
    }
    cache.withLock {
      $0.attributions = computed
      if $0.tallies.attributions == nil {
        $0.tallies.attributions = EvidenceTallies.AttributionTallies(
          columns: AttributionColumns(
            featureNames: computed.featureNames, outputSpace: computed.outputSpace.rawValue,
            groupOfFeature: attributionSource.groupOfFeature),
          absoluteTotals: sums, populations: [:],
          dependsOnPartition: attributionSource.dependsOnPartition())
      }
    }
    return computed
  }

  /// The attribution tallies: computed with the attributions, or read from merged tallies.
  func attributionTallies() throws -> EvidenceTallies.AttributionTallies {
    if let merged {
      guard let attributions = merged.attributions,
        merged.carries(attributions.dependsOnPartition)
      else {
        throw notInTallies("attributions")
      }
      return attributions
    }
    _ = try attributions()
    guard let stored = cache.withLock({ $0.tallies.attributions }) else {
      throw MetricsError(message: "attributions need a model, and this audit has none")
    }
    return stored
  }

  /// The attribution summaries and gap decompositions of every grouping over `population`.
  ///
  /// - Throws: As ``attributions()`` and ``groupMetrics()``; ``MetricsError`` for an
  ///   outcome population without true outcomes.
  /// - Complexity: One pass over the rows: O(*n*·*g*·*m*·*B*), after the attributions.
  public func attributionSummaries(population: Population = .all) throws -> [AttributionSummary] {
    if let cached = cache.withLock({ $0.summaries[population] }) { return cached }
    let groups = try groupMetrics()
    let stored = try attributionTallies()
    let tallies = try populationTallies(population)
    try requireExactReplicates(tallies, of: "attributions")
    let summaries = layouts.indices.map { index in
      AttributionSummary(
        layout: layouts[index], tally: tallies[index], featureNames: stored.columns.featureNames,
        reference: layouts[index].sliceIndex(named: groups[index].reference) ?? 0,
        population: population.rawValue, outputSpace: stored.columns.outputSpace, alpha: alpha)
    }
    cache.withLock { $0.summaries[population] = summaries }
    return summaries
  }

  /// The attribution tallies of every grouping over `population`: computed from the rows
  /// once, or read from the merged tallies.
  func populationTallies(_ population: Population) throws -> [AttributionTally] {
    if let known = try attributionTallies().populations[population.rawValue] { return known }
    guard let data else { throw notInTallies("attributions over \(population.rawValue) rows") }
    let attributions = try attributions()
    var included: [Bool]?
    switch population {
    case .all: included = nil
    case .favourableOutcome, .unfavourableOutcome:
      guard let outcomes = data.rows.outcomes else {
        throw MetricsError(message: "a decomposition by true outcome needs true outcomes")
      }
      let wanted = population == .favourableOutcome
      included = outcomes.map { $0 == wanted }
    }
    let tallies = Tallying.attributions(
      memberships: data.memberships, rowIDs: data.rows.rowIDs, values: attributions.values,
      outputs: attributions.predictions, featureCount: attributions.featureCount,
      including: included, replicateCount: configuration.bootstrapReplicates,
      seed: configuration.seed, threads: configuration.threads, progress: progress)
    cache.withLock { $0.tallies.attributions?.populations[population.rawValue] = tallies }
    return tallies
  }

  /// The attribution summaries over all rows, if something has asked for them already.
  public func cachedAttributionSummaries() -> [AttributionSummary]? {
    cache.withLock { $0.summaries[.all] }
  }

  /// The proxy screen, if something has asked for it already.
  public func cachedProxies() -> [ProxyAssociation]? { cache.withLock { $0.proxies } }

  /// The counterfactual flips, if something has asked for them already.
  public func cachedCounterfactualFlips() -> [CounterfactualFlip]? {
    cache.withLock { $0.flips }
  }

  /// Each feature's share of the model's total mean absolute attribution over all rows.
  ///
  /// - Throws: As ``attributions()``.
  public func overallAttributionShares() throws -> [String: Double] {
    if let cached = cache.withLock({ $0.shares }) { return cached }
    let stored = try attributionTallies()
    let totals = stored.absoluteTotals.map(\.value)
    let total = totals.reduce(0, +)
    let shares = Dictionary(
      uniqueKeysWithValues: zip(stored.columns.featureNames, totals.map { $0 / total }))
    cache.withLock { $0.shares = shares }
    return shares
  }

  // MARK: - Proxies

  /// The association of every candidate feature with every protected attribute.
  ///
  /// Attribution shares are filled in when attributions are available (computing them if
  /// needed); without a model they are absent.
  ///
  /// - Throws: `DataError` for a candidate feature the data lacks; as ``attributions()``.
  public func proxies() throws -> [ProxyAssociation] {
    if let cached = cache.withLock({ $0.proxies }) { return cached }
    let hasShares: Bool
    if let data {
      hasShares = data.attributionSource != nil
    } else {
      let merged = tallies()
      hasShares = merged.attributions.map { merged.carries($0.dependsOnPartition) } ?? false
    }
    let shares = hasShares ? try overallAttributionShares() : nil
    let tallies = try proxyTallies()
    let groupOfFeature = attributionColumns?.groupOfFeature ?? [:]
    let declared = Set(configuration.declaredProxies)
    // Each pair is measured on its own (mostly sorting), so the pairs run in parallel.
    let layouts = layouts
    let measured = ParallelChunks.map(count: tallies.count, threads: configuration.threads) {
      ProxyAssociation.measure(
        tallies[$0].counts, sliceNames: layouts[tallies[$0].grouping].sliceNames)
    }
    let result = zip(tallies, measured).map { pair, measured in
      ProxyAssociation(
        feature: pair.feature, attribute: configuration.groupings[pair.grouping].name,
        measure: measured.measure, association: measured.association,
        normalizedMutualInformation: measured.nmi, auc: measured.auc,
        aucGroup: measured.group,
        attributionShare: shares?[groupOfFeature[pair.feature] ?? pair.feature],
        isProxy: measured.association >= configuration.proxyThreshold
          || declared.contains(pair.feature),
        isDeclared: declared.contains(pair.feature))
    }
    cache.withLock { $0.proxies = result }
    return result
  }

  func proxyTallies() throws -> [EvidenceTallies.ProxyTally] {
    if let merged {
      guard let proxies = merged.proxies else { throw notInTallies("proxy screen") }
      return proxies
    }
    if let stored = cache.withLock({ $0.tallies.proxies }) { return stored }
    let data = try rowData()
    let attributeColumns = Set(configuration.attributes.flatMap(\.columns))
    var pairs: [(grouping: Int, feature: String, column: Column)] = []
    for (index, grouping) in configuration.groupings.enumerated()
    where !grouping.isIntersection && !grouping.assignsMostProbableGroup {
      for feature in configuration.candidateFeatures where !attributeColumns.contains(feature) {
        let (column, _) = try data.dataset.requireColumn(
          named: feature, role: "the proxy candidate", file: data.dataFile)
        pairs.append((index, feature, column))
      }
    }
    let measuredPairs = pairs
    let counts = ParallelChunks.map(count: pairs.count, threads: configuration.threads) {
      FeatureCounts(
        measuredPairs[$0].column, membership: data.memberships[measuredPairs[$0].grouping])
    }
    let result = zip(pairs, counts).map {
      EvidenceTallies.ProxyTally(grouping: $0.grouping, feature: $0.feature, counts: $1)
    }
    cache.withLock { $0.tallies.proxies = result }
    return result
  }

  // MARK: - Counterfactual flips

  /// The counterfactual flips of every protected attribute that is a model input.
  ///
  /// - Throws: The model's error; ``MetricsError`` when the evidence was merged from
  ///   partitions that tried different values.
  public func counterfactualFlips() throws -> [CounterfactualFlip] {
    if let cached = cache.withLock({ $0.flips }) { return cached }
    let result: [CounterfactualFlip]
    if let merged {
      if let reason = merged.unavailable.first(where: { $0.hasPrefix("counterfactual flips") }) {
        throw MetricsError(message: "not available from merged evidence: \(reason)")
      }
      guard let flips = merged.flips else { throw notInTallies("counterfactual flips") }
      result = flips.map(\.flip)
    } else {
      result = try flipTallies().map(\.flip)
    }
    cache.withLock { $0.flips = result }
    return result
  }

  func flipTallies() throws -> [EvidenceTallies.FlipTally] {
    if let stored = cache.withLock({ $0.tallies.flips }) { return stored }
    let data = try rowData()
    guard let model = data.counterfactualModel else {
      cache.withLock { $0.tallies.flips = [] }
      return []
    }
    var result: [EvidenceTallies.FlipTally] = []
    for (position, attribute) in configuration.attributes.enumerated() {
      let column: String
      var bins: (edges: [Double], labels: [String])?
      switch attribute.source {
      case .column(let name): column = name
      case .bins(let name, let edges, let labels):
        column = name
        bins = (
          edges,
          labels
            ?? (0..<(edges.count - 1)).map {
              ProtectedAttribute.binLabel(lower: edges[$0], upper: edges[$0 + 1])
            }
        )
      case .probabilities: continue
      }
      guard let feature = model.featureNames.firstIndex(of: column) else { continue }
      let flips = try CounterfactualFlip.flips(
        attribute: attribute.name, feature: feature, model: model, decisions: data.rows.decisions,
        bins: bins, alpha: alpha)
      // A model's categories are fixed in advance, and so are values counted over all rows
      // beforehand; other values come from these rows.
      let levels = model.levels[feature]
      let fixed = levels != nil || model.allValues[feature] != nil
      for (candidate, flip) in flips {
        result.append(
          EvidenceTallies.FlipTally(
            attribute: position, candidate: candidate, flip: flip, dependsOnPartition: !fixed))
      }
    }
    let tallies = result
    cache.withLock { $0.tallies.flips = tallies }
    return result
  }

  // MARK: -

  /// Runs `body`, naming the data file in a ``MetricsError`` that names no file.
  private func located<Result>(_ body: () throws -> Result) throws -> Result {
    do {
      return try body()
    } catch var error as MetricsError {
      error.file = error.file ?? data?.dataFile
      throw error
    }
  }

  /// The declared reference of a grouping: the attribute's, or for an intersection the
  /// combination of every attribute's declared reference.
  private func reference(of grouping: Grouping) -> String? {
    let references = grouping.attributes.map { name in
      configuration.attributes.first { $0.name == name }?.reference
    }
    guard references.allSatisfy({ $0 != nil }) else { return nil }
    return Grouping.sliceName(references.compactMap { $0 })
  }

  /// The median of all scores, and the share of scores equal to it.
  ///
  /// The median is numpy's (the mean of the middle pair for an even count), from the map of
  /// every score (``ScoreCounts``), which merges across any split of the rows.
  static func median(_ scores: [Double]) -> (value: Double, tiedShare: Double) {
    ScoreCounts(scores: scores).median
  }
}

extension EvidenceTallies {
  /// Whether these tallies carry a kind that may depend on the partition: only the tallies
  /// of one partition do (a merge of several drops such a kind and says why).
  func carries(_ dependsOnPartition: Bool) -> Bool {
    !dependsOnPartition || partitionCount == 1
  }

  /// Empty tallies of rows of this shape.
  init(
    configuration: Evidence.Configuration, partitionCount: Int, rowCount: Int, shape: RowShape,
    layouts: [SliceLayout]
  ) {
    self.configuration = configuration
    self.partitionCount = partitionCount
    self.rowCount = rowCount
    self.shape = shape
    self.layouts = layouts
  }
}

extension Evidence.Configuration {
  /// The first field in which `other` differs, for messages.
  func difference(_ other: Evidence.Configuration) -> String {
    if attributes != other.attributes { return "the protected attributes" }
    if groupings != other.groupings { return "the groupings" }
    if minimumSliceShare != other.minimumSliceShare { return "the minimum slice share" }
    if confidenceLevel != other.confidenceLevel { return "the confidence level" }
    if bootstrapReplicates != other.bootstrapReplicates { return "the bootstrap replicates" }
    if seed != other.seed { return "the seed" }
    if test != other.test { return "the significance test" }
    if candidateFeatures != other.candidateFeatures { return "the proxy candidates" }
    if proxyThreshold != other.proxyThreshold { return "the proxy threshold" }
    if declaredProxies != other.declaredProxies { return "the declared proxies" }
    return "the configuration"
  }
}
