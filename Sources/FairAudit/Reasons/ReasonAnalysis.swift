package import FairAttribution
public import FairMetrics
public import FairModels
import FairTabular

/// Principal reasons for every adverse decision of a model, their Regulation B checks, their
/// stability and, for scorecards, their agreement with attribution-based reasons.
public struct ReasonAnalysis: Sendable {
  /// Stability settings; `replicates` 0 skips the measurement.
  public struct StabilitySettings: Sendable, Hashable {
    /// Replicates of each stability measurement; 0 measures none.
    public var replicates: Int
    /// The relative input perturbation δ.
    public var perturbation: Double
    /// The change rate above which an applicant's reasons are unstable.
    public var unstableAbove: Double

    /// Creates settings.
    public init(
      replicates: Int = ReasonStability.defaultReplicates,
      perturbation: Double = ReasonStability.defaultPerturbation,
      unstableAbove: Double = ReasonStability.defaultUnstableAbove
    ) {
      self.replicates = replicates
      self.perturbation = perturbation
      self.unstableAbove = unstableAbove
    }

    /// The replicates that run: ``replicates``, or none below 2.
    package var replicatesRun: Int { ReasonStability.replicatesRun(replicates) }
  }

  /// The attribution-based derivation (also run for scorecards, for the comparison).
  public let derivation: ReasonDerivation
  /// Where the principal reasons came from: `scorecard` or an attribution method.
  public let source: ReasonMethod
  /// The principal reasons reported, one entry per ranked row.
  public let applicants: [ApplicantReasons]
  /// For scorecards: agreement between the scorecard's reasons and the attribution reasons.
  public let scorecardAgreement: ReasonAgreement?
  /// The Regulation B checks on ``applicants``.
  public let checks: ReasonChecks
  /// Stability of the attribution reasons: background resampling, then input perturbation.
  public let stability: [ReasonStability]

  /// Runs the analysis.
  ///
  /// The figures are those an audit computes from the same rows' tallies
  /// (``ReasonTallies``, ``ReasonSummary``); an unstable applicant's `row` is its 0-based
  /// data row.
  ///
  /// - Parameters:
  ///   - bound: The model and the rows.
  ///   - request: The attribution request (decision, reference, table, top).
  ///   - method: Where reasons come from.
  ///   - restrictions: Features that may not be reasons (prohibited bases and proxies).
  ///   - ageColumn: The data column holding the applicant's age, for the elderly check; if it
  ///     is a model feature, its reasons are age reasons.
  ///   - ageFeatures: Further features whose reasons are age reasons.
  ///   - stability: Stability settings.
  /// - Throws: `MetricsError`, `AttributionError`, `ModelError`, or `DataError` when the age
  ///   column is missing or not numeric.
  public init(
    bound: BoundRows, request: ReasonRequest, method: ReasonMethod,
    restrictions: [ReasonChecks.Restriction] = [], ageColumn: String? = nil,
    ageFeatures: Set<String> = [], stability: StabilitySettings = StabilitySettings()
  ) throws {
    let derived = try ReasonAnalysis.derive(
      bound: bound, request: request, method: method, ageColumn: ageColumn,
      ageFeatures: ageFeatures, memberships: [], drawn: nil, stability: stability)
    let summary = try ReasonSummary(
      derived.tallies, model: bound.model, request: derived.derivation.request, layouts: [],
      restrictions: restrictions, replicates: stability.replicates,
      perturbation: stability.perturbation, unstableAbove: stability.unstableAbove)
    derivation = derived.derivation
    source = derived.source
    applicants = derived.applicants
    scorecardAgreement = derived.agreement
    checks = summary.checks
    self.stability = summary.stability
  }

  /// The reasons of `bound`'s rows and their tallies.
  package struct Derived: Sendable {
    package var derivation: ReasonDerivation
    package var source: ReasonMethod
    package var applicants: [ApplicantReasons]
    package var agreement: ReasonAgreement?
    package var tallies: ReasonTallies
  }

  /// Derives the reasons of `bound`'s rows and tallies them.
  ///
  /// - Parameters:
  ///   - memberships: The groupings' slices of the rows, for the distribution of reasons.
  ///   - drawn: The reference background and the replicates' backgrounds drawn beforehand
  ///     from all rows; `nil` to draw them from these rows' reference population.
  ///   - Others: As ``init(bound:request:method:restrictions:ageColumn:ageFeatures:stability:)``.
  package static func derive(
    bound: BoundRows, request: ReasonRequest, method: ReasonMethod, ageColumn: String?,
    ageFeatures: Set<String>, memberships: [SliceMembership], drawn: [KeyedSample]?,
    stability: StabilitySettings
  ) throws -> Derived {
    var attributionRequest = request
    if case .attribution(let chosen) = method { attributionRequest.method = chosen }
    attributionRequest.background = drawn?.first?.matrix
    let derivation = try ReasonDerivation(
      model: bound.model, matrix: bound.matrix, request: attributionRequest)
    let backgrounds =
      drawn
      ?? ReasonTallies.drawBackgrounds(
        derivation.population, keys: derivation.populationKeys, size: request.backgroundRows,
        seed: request.seed, replicates: stability.replicatesRun)
    let step = try Step(
      bound: bound, request: request, method: method, ageColumn: ageColumn,
      ageFeatures: ageFeatures, memberships: memberships, backgrounds: backgrounds,
      drawn: drawn != nil)
    let (reported, tallies) = try step.tally(
      derivation, rowIDs: request.rowIDs ?? (0..<UInt64(bound.matrix.rowCount)).map { $0 },
      rowOffset: 0)
    return Derived(
      derivation: derivation, source: reported.source, applicants: reported.applicants,
      agreement: reported.agreement, tallies: tallies)
  }

  /// The tallies of the reasons of `bound`'s rows, derived in chunks of `chunkRows` rows so
  /// that memory stays bounded (a chunk's attributions and reasons are dropped once
  /// tallied); the same tallies as ``derive(bound:request:method:ageColumn:ageFeatures:memberships:drawn:stability:)``'s,
  /// bit for bit (counts add, the followed rows are drawn by row id, sums are exact).
  package static func tallies(
    bound: BoundRows, request: ReasonRequest, method: ReasonMethod, ageColumn: String?,
    ageFeatures: Set<String>, memberships: [SliceMembership], drawn: [KeyedSample]?,
    stability: StabilitySettings, chunkRows: Int = 65_536
  ) throws -> ReasonTallies {
    precondition(chunkRows > 0)
    let matrix = bound.matrix
    let ids = request.rowIDs ?? (0..<UInt64(matrix.rowCount)).map { $0 }
    let margins = try ReasonDerivation.margins(model: bound.model, matrix: matrix, request: request)
    let backgrounds: [KeyedSample]
    if let drawn {
      backgrounds = drawn
    } else {
      let scores = ReasonDerivation.scores(margins, model: bound.model, rule: request.rule)
      let reference = try ReasonDerivation.referencePopulation(
        matrix: matrix, scores: scores, request: request)
      backgrounds = ReasonTallies.drawBackgrounds(
        reference.population, keys: reference.keys, size: request.backgroundRows,
        seed: request.seed, replicates: stability.replicatesRun)
    }
    let step = try Step(
      bound: bound, request: request, method: method, ageColumn: ageColumn,
      ageFeatures: ageFeatures, memberships: memberships, backgrounds: backgrounds,
      drawn: drawn != nil)
    var chunkRequest = step.request
    chunkRequest.background = backgrounds[0].matrix
    var total: ReasonTallies?
    for start in stride(from: 0, to: max(1, matrix.rowCount), by: chunkRows) {
      let rows = Array(start..<min(matrix.rowCount, start + chunkRows))
      chunkRequest.margins = rows.map { margins[$0] }
      chunkRequest.rowIDs = rows.map { ids[$0] }
      let derivation = try ReasonDerivation(
        model: bound.model, matrix: matrix.rows(rows), request: chunkRequest)
      let (_, part) = try step.tally(
        derivation, rowIDs: chunkRequest.rowIDs ?? [], rowOffset: start)
      if total == nil { total = part } else { total?.add(part) }
    }
    guard let total else { preconditionFailure("at least one chunk is tallied") }
    return total
  }

  /// The reasons reported for some rows: their source, the applicants' reasons and, for a
  /// scorecard, their agreement with the attribution reasons.
  private typealias Reported = (
    applicants: [ApplicantReasons], source: ReasonMethod, agreement: ReasonAgreement?
  )

  /// What every derivation of the same rows' reasons shares, whole or in chunks: it turns one
  /// derivation into the reported reasons and their tallies.
  private struct Step {
    /// The attribution request, with the method that `method` chooses.
    var request: ReasonRequest
    var model: any ScoringModel
    var method: ReasonMethod
    var memberships: [SliceMembership]
    var ages: [Double]?
    var ageFeatures: Set<String>
    var backgrounds: [KeyedSample]
    /// Whether the backgrounds come from these rows alone (not drawn beforehand from all
    /// rows, nor from a population given apart).
    var dependsOnPartition: Bool

    init(
      bound: BoundRows, request: ReasonRequest, method: ReasonMethod, ageColumn: String?,
      ageFeatures: Set<String>, memberships: [SliceMembership], backgrounds: [KeyedSample],
      drawn: Bool
    ) throws {
      self.request = request
      if case .attribution(let chosen) = method { self.request.method = chosen }
      model = bound.model
      self.method = method
      self.memberships = memberships
      (ages, self.ageFeatures) = try ReasonAnalysis.ages(
        bound, column: ageColumn, features: ageFeatures)
      self.backgrounds = backgrounds
      dependsOnPartition = !drawn && request.population == nil
    }

    /// The reported reasons of `derivation`'s rows (row ids `rowIDs`, the first at data row
    /// `rowOffset`) and their tallies.
    func tally(_ derivation: ReasonDerivation, rowIDs: [UInt64], rowOffset: Int) throws
      -> (Reported, ReasonTallies)
    {
      let reported = try ReasonAnalysis.reported(derivation, model: model, method: method)
      let tallies = ReasonTallies(
        derivation: derivation, applicants: reported.applicants, source: reported.source.name,
        rowIDs: rowIDs, memberships: memberships, ages: ages, ageFeatures: ageFeatures,
        backgrounds: backgrounds, dependsOnPartition: dependsOnPartition, seed: request.seed,
        rowOffset: rowOffset)
      return (reported, tallies)
    }
  }

  /// The reasons reported for `derivation`'s rows: a scorecard's own (with their agreement
  /// with the attribution reasons) or the attribution reasons.
  private static func reported(
    _ derivation: ReasonDerivation, model: any ScoringModel, method: ReasonMethod
  ) throws -> Reported {
    let request = derivation.request
    let scorecard = (model as? PMMLModel).flatMap { model in
      model.scorecard.map { (model, $0) }
    }
    let useScorecard: Bool
    switch method {
    case .scorecard:
      guard scorecard != nil else {
        throw MetricsError(
          subject: "reason method",
          message: "'scorecard' needs a PMML Scorecard model; this model is \(model.summary)")
      }
      useScorecard = true
    case .auto: useScorecard = scorecard?.1.usesReasonCodes == true
    case .attribution: useScorecard = false
    }
    guard useScorecard, let (pmml, _) = scorecard else {
      return (derivation.applicants, .attribution(derivation.method), nil)
    }
    let own = try ScorecardReasons.reasons(
      model: pmml, matrix: derivation.matrix, rows: derivation.rankedRows,
      scores: derivation.scores, rule: request.rule, table: request.table, top: request.top)
    return (own, .scorecard, ReasonAgreement(own, derivation.applicants, top: request.top))
  }

  /// Each row's age from `column`, and the features whose reasons are age reasons (`column`
  /// too, when it is a model input).
  private static func ages(_ bound: BoundRows, column: String?, features: Set<String>) throws
    -> ([Double]?, Set<String>)
  {
    guard let column else { return (nil, features) }
    let found = try bound.dataset.requireColumn(
      named: column, role: "age column", file: bound.dataFile)
    guard let numeric = found.column.numeric else {
      throw DataError(
        .expectedNumber, file: bound.dataFile, column: found.reference,
        message: "the age column '\(column)' must hold numbers")
    }
    var ageFeatures = features
    if bound.model.features.contains(where: { $0.name == column }) { ageFeatures.insert(column) }
    return (numeric.values, ageFeatures)
  }
}
