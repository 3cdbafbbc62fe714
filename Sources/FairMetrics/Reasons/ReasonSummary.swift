public import FairAttribution
package import FairModels

/// The figures of an audit's adverse-action reasons, computed from their tallies
/// (``ReasonTallies``): the Regulation B checks, the distribution of reasons by slice and
/// the stability measurements.
///
/// One pass over all rows and the merge of several partitions' tallies give the same
/// figures, bit for bit: this is computed from the tallies alone, with the model.
public struct ReasonSummary: Sendable {
  /// Where the reported reasons came from: `scorecard` or the attribution method's name.
  public let source: String
  /// The attribution method of the reasons and their stability.
  public let method: AttributionMethod
  /// Why `auto` chose ``method``, if it did.
  public let methodNote: String?
  /// The request: the reference population, the table, the number of reasons.
  public let request: ReasonRequest
  /// The codes, in tie-break order.
  public let codes: [ResolvedReasonCode]
  /// The Regulation B checks.
  public let checks: ReasonChecks
  /// The distribution of reasons by slice, per grouping that has one.
  public let distributions: [ReasonDistribution]
  /// The stability measurements: background resampling, then input perturbation; empty
  /// when stability is off.
  public let stability: [ReasonStability]

  /// Computes the figures.
  ///
  /// - Parameters:
  ///   - tallies: The tallies, of one pass or merged; not ``ReasonTallies/dependsOnPartition``
  ///     unless of one pass.
  ///   - model: The model the tallies were computed with.
  ///   - request: The derivation request (table, top, output, seed, threads).
  ///   - layouts: The groupings' slices, in the tallies' order.
  ///   - restrictions: The features that may not be reasons, and why.
  ///   - replicates: Replicates of each stability measurement; below 2 measures none.
  ///   - perturbation: The relative input perturbation δ.
  ///   - unstableAbove: The change rate above which an applicant is unstable.
  /// - Throws: `MetricsError` when the tallies do not fit the model; `AttributionError` from
  ///   the stability replicates.
  package init(
    _ tallies: ReasonTallies, model: any ScoringModel, request: ReasonRequest,
    layouts: [SliceLayout], restrictions: [ReasonChecks.Restriction], replicates: Int,
    perturbation: Double, unstableAbove: Double = ReasonStability.defaultUnstableAbove
  ) throws {
    let width = model.features.count
    if let problem = tallies.inconsistency(layouts: layouts) {
      throw MetricsError(subject: "reason tallies", message: problem)
    }
    guard tallies.moments.count == width, let method = AttributionMethod(rawValue: tallies.method)
    else {
      throw MetricsError(
        subject: "reason tallies",
        message: "were computed for a model of \(tallies.moments.count) inputs with method "
          + "'\(tallies.method)'; this model has \(width)")
    }
    source = tallies.source
    self.method = method
    methodNote = tallies.methodNote
    self.request = request
    let ranking = ReasonRanking(
      table: request.table, featureNames: model.features.map(\.name), top: request.top,
      highIsFavourable: request.rule.favourable == .above)
    codes = ranking.codes
    checks = ReasonChecks(counts: tallies.counts, table: request.table, restrictions: restrictions)
    distributions = zip(layouts, tallies.groupings).compactMap { layout, slices in
      slices.map { ReasonDistribution(layout: layout, slices: $0) }
    }
    let replicates = ReasonStability.replicatesRun(replicates)
    guard replicates > 0, let reference = tallies.backgrounds.first else {
      stability = []
      return
    }
    guard tallies.backgrounds.count == replicates + 1 else {
      throw MetricsError(
        subject: "reason tallies",
        message: "hold \(tallies.backgrounds.count - 1) resampled backgrounds for "
          + "\(replicates) stability replicates")
    }
    let plan = try ReasonDerivation.plan(
      model: model, background: reference.matrix, method: method, request: request,
      threads: request.threads)
    // The followed rows carry their row id's bits as a last column.
    let sample = tallies.followed
    var rows: [Double] = []
    var ids: [UInt64] = []
    rows.reserveCapacity(sample.rowCount * width)
    for row in 0..<sample.rowCount {
      let start = row * sample.featureCount
      rows += sample.values[start..<(start + width)]
      ids.append(sample.values[start + width].bitPattern)
    }
    let followed = try ReasonStability.Followed(
      model: model, request: request, ranking: ranking, plan: plan,
      rows: FeatureMatrix(values: rows, rowCount: sample.rowCount, featureCount: width),
      ids: ids)
    stability = [
      try ReasonStability.backgroundResampling(
        followed, backgrounds: tallies.backgrounds.dropFirst().map(\.matrix), seed: request.seed,
        unstableAbove: unstableAbove),
      try ReasonStability.inputPerturbation(
        followed, spreads: tallies.moments.map { $0?.standardDeviation }, replicates: replicates,
        perturbation: perturbation, seed: request.seed, unstableAbove: unstableAbove),
    ]
  }
}
