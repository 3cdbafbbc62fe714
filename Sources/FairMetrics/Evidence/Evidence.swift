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
  public struct Configuration: Sendable, Hashable {
    /// The protected attributes.
    public var attributes: [ProtectedAttribute]
    /// The groupings: each attribute, the intersections, the assigned variants.
    public var groupings: [Grouping]
    /// Slices under this share of the data are left out of comparisons (LL144's 2%).
    public var minimumSliceShare: Double
    /// The confidence level of intervals.
    public var confidenceLevel: Double
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
    /// Computes the attributions of every row, in row order.
    public var compute: @Sendable () throws -> Attributions

    /// Creates a source.
    public init(
      featureNames: [String], outputSpace: String, groupOfFeature: [String: String] = [:],
      compute: @escaping @Sendable () throws -> Attributions
    ) {
      self.featureNames = featureNames
      self.outputSpace = outputSpace
      self.groupOfFeature = groupOfFeature
      self.compute = compute
    }
  }

  /// Where loss attributions come from when something asks for them.
  public struct LossAttributionSource: Sendable {
    /// The attribution columns (features or feature groups).
    public var featureNames: [String]
    /// For inputs attributed as part of a group, the group's column.
    public var groupOfFeature: [String: String]
    /// Computes the loss attributions of every row, in row order.
    public var compute: @Sendable () throws -> LossAttributions

    /// Creates a source.
    public init(
      featureNames: [String], groupOfFeature: [String: String] = [:],
      compute: @escaping @Sendable () throws -> LossAttributions
    ) {
      self.featureNames = featureNames
      self.groupOfFeature = groupOfFeature
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
  /// The data.
  public let dataset: Dataset
  /// The data file's path, for messages.
  public let dataFile: String
  /// Decisions, scores, outcomes and row identifiers.
  public let rows: EvidenceRows
  /// The slices of each grouping, in configuration order.
  public let memberships: [SliceMembership]
  /// Where attributions come from; `nil` when there is no model to attribute.
  public let attributionSource: AttributionSource?
  /// The model side of counterfactual flips; `nil` without a model.
  public let counterfactualModel: CounterfactualModel?
  /// The per-row loss and decision cost, when the audit declares a loss or a cost matrix.
  public let lossRows: LossRows?
  /// Where loss attributions come from; `nil` without a model or a declared loss.
  public let lossAttributionSource: LossAttributionSource?
  /// Where long computations report their progress, when someone is watching.
  let progress: WorkProgress?

  private let cache = Mutex(Cache())

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

  /// Prepares the evidence as ``init(configuration:dataset:dataFile:rows:attributions:counterfactual:)``
  /// does, reporting the rows of each long computation (the bootstrap passes) to `progress`.
  package init(
    configuration: Configuration, dataset: Dataset, dataFile: String, rows: EvidenceRows,
    attributions: AttributionSource?, counterfactual: CounterfactualModel?, loss: LossRows?,
    lossAttributions: LossAttributionSource? = nil, progress: WorkProgress?
  ) throws {
    self.lossAttributionSource = lossAttributions
    if let loss {
      precondition(loss.labels.count == rows.rowCount, "the loss rows need one label per row")
    }
    self.lossRows = loss
    self.progress = progress
    self.configuration = configuration
    self.dataset = dataset
    self.dataFile = dataFile
    self.rows = rows
    self.attributionSource = attributions
    self.counterfactualModel = counterfactual
    memberships = try configuration.groupings.map {
      try SliceMembership(
        grouping: $0, attributes: configuration.attributes, dataset: dataset, file: dataFile)
    }
  }

  private var alpha: Double { 1 - configuration.confidenceLevel }

  /// The group metrics of every grouping, in configuration order.
  ///
  /// - Throws: ``MetricsError`` when a declared reference group is not in the data or a
  ///   grouping has no slice to compare.
  /// - Complexity: One pass over the rows: O(*n*·*g*·*B*).
  public func groupMetrics() throws -> [GroupingMetrics] {
    if let cached = cache.withLock({ $0.groups }) { return cached }
    let median = rows.scores.map(Evidence.median)
    let tallies = Tallying.outcomes(
      memberships: memberships, rows: rows,
      replicateCount: configuration.bootstrapReplicates, seed: configuration.seed,
      threads: configuration.threads, progress: progress)
    // The groupings' metrics (rank statistics and intervals) are independent of each other.
    let groups = try ParallelChunks.map(count: tallies.count, threads: configuration.threads) {
      index in
      try located {
        try GroupingMetrics(
          membership: memberships[index], tally: tallies[index], rows: rows, median: median,
          settings: ComparisonSettings(
            reference: reference(of: memberships[index].grouping),
            minimumShare: configuration.minimumSliceShare, alpha: alpha,
            test: configuration.test))
      }
    }
    cache.withLock { $0.groups = groups }
    return groups
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

  /// The loss and decision cost per slice of every grouping, in configuration order.
  ///
  /// - Throws: ``MetricsError`` when the audit declares neither a loss nor a cost matrix; as
  ///   ``groupMetrics()``.
  /// - Complexity: One pass over the rows: O(*n*·*g*·*B*).
  public func lossMetrics() throws -> [LossMetrics] {
    if let cached = cache.withLock({ $0.losses }) { return cached }
    guard let lossRows, lossRows.losses != nil || lossRows.costs != nil else {
      throw MetricsError(message: "the audit declares no loss and no cost matrix")
    }
    let groups = try groupMetrics()
    let layout = LossMetrics.Layout(lossRows)
    let values = layout.values(lossRows)
    let tallies = Tallying.attributions(
      memberships: memberships, rowIDs: rows.rowIDs, values: values,
      outputs: lossRows.losses ?? lossRows.costs ?? [], featureCount: layout.count,
      replicateCount: configuration.bootstrapReplicates, seed: configuration.seed,
      threads: configuration.threads, progress: progress, task: "bootstrap of losses")
    func total(_ values: [Double]?) -> Double? {
      values.map { values in
        var sum = ExactSum()
        for value in values { sum.add(value) }
        return sum.value
      }
    }
    let totals = (loss: total(lossRows.losses), cost: total(lossRows.costs))
    let result = memberships.indices.map { index in
      LossMetrics(
        membership: memberships[index], tally: tallies[index], layout: layout,
        groupMetrics: groups[index], totals: totals, rowCount: rows.rowCount,
        lossRows: lossRows, alpha: alpha)
    }
    cache.withLock { $0.losses = result }
    return result
  }

  /// The loss metrics, if something has asked for them already.
  public func cachedLossMetrics() -> [LossMetrics]? { cache.withLock { $0.losses } }

  /// The loss attributions of every row, computed the first time they are needed.
  ///
  /// - Throws: ``MetricsError`` when there is no model or no declared loss; the explainer's
  ///   error.
  public func lossAttributions() throws -> LossAttributions {
    if let cached = cache.withLock({ $0.lossAttributions }) { return cached }
    guard let lossAttributionSource else {
      throw MetricsError(
        message: lossRows?.loss == nil
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
      memberships: memberships, rowIDs: rows.rowIDs, values: values,
      outputs: attributions.losses, featureCount: m + 1,
      replicateCount: configuration.bootstrapReplicates, seed: configuration.seed,
      threads: configuration.threads, progress: progress, task: "bootstrap of loss attributions")
    let names = attributions.featureNames + [LossGapDecomposition.baselineColumn]
    let result = zip(zip(memberships, tallies), groups).map { pair, metrics in
      LossGapDecomposition(
        summary: AttributionSummary(
          membership: pair.0, tally: pair.1, featureNames: names,
          reference: pair.0.sliceIndex(named: metrics.reference) ?? 0, population: "all",
          outputSpace: "loss", alpha: alpha),
        loss: attributions.lossName, method: attributions.method.rawValue)
    }
    cache.withLock { $0.lossGaps = result }
    return result
  }

  /// The loss-gap decompositions, if something has asked for them already.
  public func cachedLossGapDecompositions() -> [LossGapDecomposition]? {
    cache.withLock { $0.lossGaps }
  }

  /// The attributions of every row, computed the first time they are needed.
  ///
  /// - Throws: ``MetricsError`` when there is no model to attribute; the explainer's error.
  public func attributions() throws -> Attributions {
    if let cached = cache.withLock({ $0.attributions }) { return cached }
    guard let attributionSource else {
      throw MetricsError(message: "attributions need a model, and this audit has none")
    }
    let computed = try attributionSource.compute()
    cache.withLock { $0.attributions = computed }
    return computed
  }

  /// The attribution summaries and gap decompositions of every grouping over `population`.
  ///
  /// - Throws: As ``attributions()`` and ``groupMetrics()``; ``MetricsError`` for an
  ///   outcome population without true outcomes.
  /// - Complexity: One pass over the rows: O(*n*·*g*·*m*·*B*), after the attributions.
  public func attributionSummaries(population: Population = .all) throws -> [AttributionSummary] {
    if let cached = cache.withLock({ $0.summaries[population] }) { return cached }
    let groups = try groupMetrics()
    let attributions = try attributions()
    var included: [Bool]?
    switch population {
    case .all: included = nil
    case .favourableOutcome, .unfavourableOutcome:
      guard let outcomes = rows.outcomes else {
        throw MetricsError(message: "a decomposition by true outcome needs true outcomes")
      }
      let wanted = population == .favourableOutcome
      included = outcomes.map { $0 == wanted }
    }
    let tallies = Tallying.attributions(
      memberships: memberships, rowIDs: rows.rowIDs, values: attributions.values,
      outputs: attributions.predictions, featureCount: attributions.featureCount,
      including: included, replicateCount: configuration.bootstrapReplicates,
      seed: configuration.seed, threads: configuration.threads, progress: progress)
    let summaries = zip(zip(memberships, tallies), groups).map { pair, metrics in
      AttributionSummary(
        membership: pair.0, tally: pair.1, featureNames: attributions.featureNames,
        reference: pair.0.sliceIndex(named: metrics.reference) ?? 0,
        population: population.rawValue, outputSpace: attributions.outputSpace.rawValue,
        alpha: alpha)
    }
    cache.withLock { $0.summaries[population] = summaries }
    return summaries
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
    let attributions = try attributions()
    let m = attributions.featureCount
    var sums = [ExactSum](repeating: ExactSum(), count: m)
    for row in 0..<attributions.rowCount {
      for feature in 0..<m { sums[feature].add(abs(attributions.values[row * m + feature])) }
    }
    let totals = sums.map(\.value)
    let total = totals.reduce(0, +)
    let shares = Dictionary(
      uniqueKeysWithValues: zip(attributions.featureNames, totals.map { $0 / total }))
    cache.withLock { $0.shares = shares }
    return shares
  }

  /// The association of every candidate feature with every protected attribute.
  ///
  /// Attribution shares are filled in when attributions are available (computing them if
  /// needed); without a model they are absent.
  ///
  /// - Throws: `DataError` for a candidate feature the data lacks; as ``attributions()``.
  public func proxies() throws -> [ProxyAssociation] {
    if let cached = cache.withLock({ $0.proxies }) { return cached }
    let shares = attributionSource == nil ? nil : try overallAttributionShares()
    let declared = Set(configuration.declaredProxies)
    let attributeColumns = Set(configuration.attributes.flatMap(\.columns))
    var pairs: [(grouping: Int, feature: String, column: Column)] = []
    for (index, grouping) in configuration.groupings.enumerated()
    where !grouping.isIntersection && !grouping.assignsMostProbableGroup {
      for feature in configuration.candidateFeatures where !attributeColumns.contains(feature) {
        let (column, _) = try dataset.requireColumn(
          named: feature, role: "the proxy candidate", file: dataFile)
        pairs.append((index, feature, column))
      }
    }
    // Each pair is measured on its own (mostly sorting), so the pairs run in parallel.
    let measuredPairs = pairs
    let measured = ParallelChunks.map(count: pairs.count, threads: configuration.threads) {
      ProxyAssociation.measure(
        measuredPairs[$0].column, membership: memberships[measuredPairs[$0].grouping])
    }
    let result = zip(pairs, measured).map { pair, measured in
      ProxyAssociation(
        feature: pair.feature, attribute: configuration.groupings[pair.grouping].name,
        measure: measured.measure, association: measured.association,
        normalizedMutualInformation: measured.nmi, auc: measured.auc,
        aucGroup: measured.group,
        attributionShare: shares?[attributionSource?.groupOfFeature[pair.feature] ?? pair.feature],
        isProxy: measured.association >= configuration.proxyThreshold
          || declared.contains(pair.feature),
        isDeclared: declared.contains(pair.feature))
    }
    cache.withLock { $0.proxies = result }
    return result
  }

  /// The counterfactual flips of every protected attribute that is a model input.
  ///
  /// - Throws: The model's error.
  public func counterfactualFlips() throws -> [CounterfactualFlip] {
    if let cached = cache.withLock({ $0.flips }) { return cached }
    guard let model = counterfactualModel else { return [] }
    var result: [CounterfactualFlip] = []
    for attribute in configuration.attributes {
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
      result += try CounterfactualFlip.flips(
        attribute: attribute.name, feature: feature, model: model, decisions: rows.decisions,
        bins: bins, alpha: alpha)
    }
    cache.withLock { $0.flips = result }
    return result
  }

  /// Runs `body`, naming the data file in a ``MetricsError`` that names no file.
  private func located<Result>(_ body: () throws -> Result) throws -> Result {
    do {
      return try body()
    } catch var error as MetricsError {
      error.file = error.file ?? dataFile
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
