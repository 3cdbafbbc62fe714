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
    var attributionRequest = request
    if case .attribution(let chosen) = method { attributionRequest.method = chosen }
    let derivation = try ReasonDerivation(
      model: bound.model, matrix: bound.matrix, request: attributionRequest)
    self.derivation = derivation
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
    if useScorecard, let (model, _) = scorecard {
      let own = try ScorecardReasons.reasons(
        model: model, matrix: bound.matrix, rows: derivation.rankedRows,
        scores: derivation.scores, rule: request.rule, table: request.table, top: request.top)
      applicants = own
      source = .scorecard
      scorecardAgreement = ReasonAgreement(own, derivation.applicants, top: request.top)
    } else {
      applicants = derivation.applicants
      source = .attribution(derivation.method)
      scorecardAgreement = nil
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
    checks = ReasonChecks(
      applicants: applicants, table: request.table, restrictions: restrictions, ages: ages,
      ageFeatures: ageReasonFeatures)
    if stability.replicates >= 2 {
      self.stability = [
        try ReasonStability.backgroundResampling(
          derivation, replicates: stability.replicates, seed: request.seed,
          unstableAbove: stability.unstableAbove),
        try ReasonStability.inputPerturbation(
          derivation, replicates: stability.replicates, perturbation: stability.perturbation,
          seed: request.seed, unstableAbove: stability.unstableAbove),
      ]
    } else {
      self.stability = []
    }
  }
}
