public import FairAttribution
public import FairModels

/// Principal reasons for a model's adverse decisions, derived from attributions against a
/// reference population.
///
/// ```swift
/// let derivation = try ReasonDerivation(model: model, matrix: matrix, request: request)
/// for applicant in derivation.applicants where applicant.isAdverse { … }
/// ```
public struct ReasonDerivation: Sendable {
  /// The model.
  public let model: any ScoringModel
  /// The rows, bound to the model's features.
  public let matrix: FeatureMatrix
  /// The request.
  public let request: ReasonRequest
  /// Every row's score in the decision rule's space.
  public let scores: [Double]
  /// The rows of the reference population (empty when the request gave the population).
  public let referenceRows: [Int]
  /// The reference population the background is drawn from (empty when the request gave
  /// the background).
  public let population: FeatureMatrix
  /// The row ids of ``population``'s rows, which the backgrounds are drawn by.
  package let populationKeys: [UInt64]
  /// The background the attributions were computed against.
  public let background: FeatureMatrix
  /// The attribution method used.
  public let method: AttributionMethod
  /// Why the method was chosen, when `auto` chose it.
  public let methodNote: String?
  /// The rows ranked (adverse rows, or every row), in data order.
  public let rankedRows: [Int]
  /// The attributions of ``rankedRows``.
  public let attributions: Attributions
  /// The explainer against ``background``; `nil` when no row is ranked.
  let plan: ExplanationPlan?
  /// The ranking.
  public let ranking: ReasonRanking
  /// One entry per ranked row.
  public let applicants: [ApplicantReasons]

  /// Derives the reasons.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - matrix: The rows, bound to the model's features.
  ///   - request: How to derive them.
  /// - Throws: `MetricsError` when the reference population is empty or the method has no
  ///   reference population; `AttributionError` when the method cannot explain the model.
  /// - Complexity: One model pass over every row plus one attribution per ranked row.
  public init(model: any ScoringModel, matrix: FeatureMatrix, request: ReasonRequest) throws {
    self.model = model
    self.matrix = matrix
    self.request = request
    let margins = try ReasonDerivation.margins(model: model, matrix: matrix, request: request)
    let scores = ReasonDerivation.scores(margins, model: model, rule: request.rule)
    self.scores = scores
    let ids = request.rowIDs ?? (0..<UInt64(matrix.rowCount)).map { $0 }
    if let given = request.background {
      referenceRows = []
      population = FeatureMatrix(values: [], rowCount: 0, featureCount: matrix.featureCount)
      populationKeys = []
      background = given
    } else {
      (referenceRows, population, populationKeys) = try ReasonDerivation.referencePopulation(
        matrix: matrix, scores: scores, request: request)
      background =
        ReasonTallies.drawBackgrounds(
          population, keys: populationKeys, size: request.backgroundRows, seed: request.seed,
          replicates: 0)[0].matrix
    }
    (method, methodNote) = try ReasonDerivation.chooseMethod(
      request.method, for: model, output: request.output)
    rankedRows =
      matrix.rowCount == 0
      ? []
      : (0..<matrix.rowCount).filter { row in
        request.includesFavourable || !request.rule.isFavourable(scores[row])
      }
    ranking = ReasonRanking(
      table: request.table, featureNames: model.features.map(\.name), top: request.top,
      highIsFavourable: request.rule.favourable == .above)
    plan =
      rankedRows.isEmpty
      ? nil
      : try ReasonDerivation.plan(
        model: model, background: background, method: method, request: request,
        threads: request.threads)
    attributions = try ReasonDerivation.attribute(
      model: model, rows: matrix.rows(rankedRows), margins: rankedRows.map { margins[$0] },
      plan: plan, request: request, seed: request.seed, threads: request.threads,
      rowKeys: rankedRows.map { ids[$0] })
    applicants = ranking.reasons(
      attributions, rows: rankedRows, scores: rankedRows.map { scores[$0] },
      isAdverse: rankedRows.map { !request.rule.isFavourable(scores[$0]) })
  }

  /// Every row's margin: the request's, or the model's, scored once in margin space
  /// (probabilities follow through the model's own transform, as `predict` applies it, and
  /// the explainer reuses them).
  package static func margins(
    model: any ScoringModel, matrix: FeatureMatrix, request: ReasonRequest
  ) throws -> [Double] {
    try request.margins.flatMap { $0.count == matrix.rowCount ? $0 : nil }
      ?? model.predict(matrix, output: .margin, threads: request.threads)
  }

  /// The margins in the decision rule's space.
  package static func scores(_ margins: [Double], model: any ScoringModel, rule: DecisionRule)
    -> [Double]
  {
    let transform = model.outputTransform
    return rule.space == .probability ? margins.map(transform.apply) : margins
  }

  /// The reference population of `matrix`'s rows, whose decision scores are `scores`: the
  /// rows it selects (none when the request gives the population), the population, and the
  /// row ids the backgrounds are drawn by.
  ///
  /// - Throws: `MetricsError` when the population is empty.
  package static func referencePopulation(
    matrix: FeatureMatrix, scores: [Double], request: ReasonRequest
  ) throws -> (rows: [Int], population: FeatureMatrix, keys: [UInt64]) {
    if let given = request.population {
      return ([], given, (0..<UInt64(given.rowCount)).map { $0 })
    }
    let ids = request.rowIDs ?? (0..<UInt64(matrix.rowCount)).map { $0 }
    let rows = try request.reference.rows(scores: scores, rule: request.rule)
    return (rows, matrix.rows(rows), rows.map { ids[$0] })
  }

  /// The adverse decisions among ``applicants``.
  public var adverse: [ApplicantReasons] { applicants.filter(\.isAdverse) }

  /// The method that realises `requested` against a background.
  static func chooseMethod(
    _ requested: AttributionMethod, for model: any ScoringModel, output: OutputSpace
  ) throws -> (AttributionMethod, String?) {
    switch requested {
    case .treePathDependent:
      throw MetricsError(
        subject: "attribution method",
        message: "'tree-path' has no reference population, so it cannot give comment "
          + "9(b)(2)-5 reasons; use 'tree-interventional'")
    case .auto:
      switch ExactMethod.choose(for: model, hasBackground: true, output: output) {
      case .method(.treePathDependent), .method(.treeInterventional):
        return (.treeInterventional, "tree-interventional is exact for \(model.summary)")
      case .method(.linear):
        return (.linear, "linear is exact for \(model.summary)")
      case .unavailable(let why):
        return (.kernel, "kernel SHAP, since \(why)")
      }
    default:
      return (requested, nil)
    }
  }

  /// The explainer of `method` against `background`.
  static func plan(
    model: any ScoringModel, background: FeatureMatrix, method: AttributionMethod,
    request: ReasonRequest, threads: Int
  ) throws -> ExplanationPlan {
    try ExplanationPlan(
      model: model, method: method, background: background, samples: request.samples,
      threads: threads, output: request.output)
  }

  /// Attributions of `rows` (whose margins are `margins`, when known) by `plan`, sampling
  /// methods keyed by the rows' ids; with `needsPredictions` false, their predictions may be
  /// left NaN.
  static func attribute(
    model: any ScoringModel, rows: FeatureMatrix, margins: [Double]?, plan: ExplanationPlan?,
    request: ReasonRequest, seed: UInt64, threads: Int, rowKeys: [UInt64],
    needsPredictions: Bool = true
  ) throws -> Attributions {
    guard rows.rowCount > 0, let plan else {
      return Attributions(
        values: [], rowCount: 0, baseValues: [], predictions: [],
        featureNames: model.features.map(\.name), outputSpace: request.output)
    }
    var options = ExplainOptions(output: request.output, threads: threads, seed: seed)
    options.margins = margins
    options.rowKeys = rowKeys
    options.needsPredictions = needsPredictions
    return try plan.explain(rows, options: options)
  }
}
