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
    let scorecard = (bound.model as? PMMLModel).flatMap { model in
      model.scorecard.map { (model, $0) }
    }
    let useScorecard: Bool
    switch method {
    case .scorecard:
      guard scorecard != nil else {
        throw MetricsError(
          subject: "reason method",
          message: "'scorecard' needs a PMML Scorecard model; this model is \(bound.model.summary)")
      }
      useScorecard = true
    case .auto: useScorecard = scorecard?.1.usesReasonCodes == true
    case .attribution: useScorecard = false
    }
    let applicants: [ApplicantReasons]
    let source: ReasonMethod
    var agreement: ReasonAgreement?
    if useScorecard, let (model, _) = scorecard {
      applicants = try ScorecardReasons.reasons(
        model: model, matrix: bound.matrix, rows: derivation.rankedRows,
        scores: derivation.scores, rule: request.rule, table: request.table, top: request.top)
      source = .scorecard
      agreement = ReasonAgreement(applicants, derivation.applicants, top: request.top)
    } else {
      applicants = derivation.applicants
      source = .attribution(derivation.method)
    }
    var ages: [Double]?
    var ageReasonFeatures = ageFeatures
    if let ageColumn {
      let found = try bound.dataset.requireColumn(
        named: ageColumn, role: "age column", file: bound.dataFile)
      guard let numeric = found.column.numeric else {
        throw DataError(
          .expectedNumber, file: bound.dataFile, column: found.reference,
          message: "the age column '\(ageColumn)' must hold numbers")
      }
      ages = numeric.values
      if bound.model.features.contains(where: { $0.name == ageColumn }) {
        ageReasonFeatures.insert(ageColumn)
      }
    }
    let replicates = stability.replicates >= 2 ? stability.replicates : 0
    let backgrounds =
      drawn
      ?? ReasonTallies.drawBackgrounds(
        derivation.population, keys: derivation.populationKeys, size: request.backgroundRows,
        seed: request.seed, replicates: replicates)
    // A background from a file, or drawn from all rows beforehand, is the same for every
    // partition of the rows.
    let fromRows = drawn == nil && request.population == nil
    let tallies = ReasonTallies(
      derivation: derivation, applicants: applicants, source: source.name,
      rowIDs: request.rowIDs ?? (0..<UInt64(bound.matrix.rowCount)).map { $0 },
      memberships: memberships, ages: ages, ageFeatures: ageReasonFeatures,
      backgrounds: backgrounds, dependsOnPartition: fromRows, seed: request.seed)
    return Derived(
      derivation: derivation, source: source, applicants: applicants, agreement: agreement,
      tallies: tallies)
  }
}
