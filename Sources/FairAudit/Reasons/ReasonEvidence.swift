import FairAttribution
public import FairMetrics
public import FairModels
import FairTabular
import Synchronization

/// The adverse-action reasons of an audit, summarised on first use and kept.
///
/// The rules engine asks for reason metrics one subject at a time; the summary (the
/// attributions of every adverse decision, then the stability replicates) is computed once,
/// on the first request: from the rows of an audit that read them, or from the merged tallies
/// of an audit of partial evidence — the same figures for the same rows.
public final class ReasonEvidence: Sendable {
  /// Where the reasons come from.
  enum Source: Sendable {
    /// The rows, with their ids, their groupings' slices and the backgrounds drawn from all
    /// rows beforehand (`nil`: drawn from these rows).
    case rows(BoundRows, ids: [UInt64]?, memberships: [SliceMembership], drawn: [KeyedSample]?)
    /// Tallies computed elsewhere, and the model they were computed with.
    case tallies(ReasonTallies, model: any ScoringModel)
  }

  /// The derivation request.
  public let request: ReasonRequest
  /// The audit's reason settings.
  public let settings: ReasonSettings
  /// The age column for the elderly check, if any.
  public let ageColumn: String?
  private let source: Source
  private let layouts: [SliceLayout]
  private let cache = Mutex<Result<ReasonSummary, any Error>?>(nil)

  /// Creates the evidence of `bound`'s rows; nothing is computed until
  /// ``summary(restrictions:)``.
  ///
  /// - Parameters:
  ///   - bound: The model and the rows.
  ///   - rule: The audit's decision rule.
  ///   - table: The reason-code table.
  ///   - settings: The audit's reason settings.
  ///   - ageColumn: The age column for the elderly check, if any.
  ///   - output: The attribution output space.
  ///   - seed: The audit's seed.
  ///   - threads: Worker threads.
  public convenience init(
    bound: BoundRows, rule: DecisionRule, table: ReasonTable, settings: ReasonSettings,
    ageColumn: String?, output: OutputSpace, seed: UInt64, threads: Int
  ) {
    self.init(
      source: .rows(bound, ids: nil, memberships: [], drawn: nil),
      request: ReasonEvidence.request(
        rule: rule, table: table, settings: settings, output: output, seed: seed,
        threads: threads),
      settings: settings, ageColumn: ageColumn, layouts: [])
  }

  init(
    source: Source, request: ReasonRequest, settings: ReasonSettings, ageColumn: String?,
    layouts: [SliceLayout]
  ) {
    self.source = source
    self.request = request
    self.settings = settings
    self.ageColumn = ageColumn
    self.layouts = layouts
  }

  /// The derivation request of an audit's settings.
  static func request(
    rule: DecisionRule, table: ReasonTable, settings: ReasonSettings, output: OutputSpace,
    seed: UInt64, threads: Int
  ) -> ReasonRequest {
    ReasonRequest(
      rule: rule, reference: settings.reference, backgroundRows: settings.backgroundRows,
      table: table, top: settings.top, output: output, threads: threads, seed: seed)
  }

  /// The tallies of the rows (computed again on each call), or the tallies given.
  package func tallies() throws -> ReasonTallies {
    switch source {
    case .rows(let bound, let ids, let memberships, let drawn):
      var request = request
      request.rowIDs = ids
      return try ReasonAnalysis.tallies(
        bound: bound, request: request, method: .auto, ageColumn: ageColumn, ageFeatures: [],
        memberships: memberships, drawn: drawn, stability: stabilitySettings)
    case .tallies(let tallies, _):
      return tallies
    }
  }

  /// The summary, computed on the first call with `restrictions` and kept.
  ///
  /// - Parameter restrictions: The features that may not be reasons (used on the first call).
  /// - Throws: Whatever the summary threw (again on every call).
  public func summary(restrictions: () -> [ReasonChecks.Restriction]) throws -> ReasonSummary {
    try cache.withLock { cached in
      if let cached { return try cached.get() }
      let result = Result {
        let model: any ScoringModel
        switch source {
        case .rows(let bound, _, _, _): model = bound.model
        case .tallies(_, let given): model = given
        }
        return try ReasonSummary(
          try tallies(), model: model, request: request, layouts: layouts,
          restrictions: restrictions(), replicates: settings.stabilityReplicates,
          perturbation: settings.perturbation)
      }
      cached = result
      return try result.get()
    }
  }

  /// The summary if it has been computed and succeeded.
  public var computed: ReasonSummary? {
    cache.withLock { cached in try? cached?.get() }
  }

  private var stabilitySettings: ReasonAnalysis.StabilitySettings {
    .init(replicates: settings.stabilityReplicates, perturbation: settings.perturbation)
  }
}
