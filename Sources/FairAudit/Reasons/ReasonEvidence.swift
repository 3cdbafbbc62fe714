public import FairMetrics
public import FairModels
import FairTabular
import Synchronization

/// The adverse-action reasons of an audit, derived on first use and kept.
///
/// The rules engine asks for reason metrics one subject at a time; the analysis (attributions
/// of every adverse decision and the stability replicates) runs once, on the first request.
public final class ReasonEvidence: Sendable {
  /// The model and the rows.
  public let bound: BoundRows
  /// The derivation request.
  public let request: ReasonRequest
  /// The audit's reason settings.
  public let settings: ReasonSettings
  /// The age column for the elderly check, if any.
  public let ageColumn: String?

  private let cache = Mutex<Result<ReasonAnalysis, any Error>?>(nil)

  /// Creates the evidence; nothing is computed until ``analysis(restrictions:)``.
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
      bound: bound, margins: nil, rule: rule, table: table, settings: settings,
      ageColumn: ageColumn, output: output, seed: seed, threads: threads)
  }

  /// Creates the evidence as the public initialiser does, with the margins of `bound`'s
  /// rows when they have been scored already.
  package init(
    bound: BoundRows, margins: [Double]?, rule: DecisionRule, table: ReasonTable,
    settings: ReasonSettings, ageColumn: String?, output: OutputSpace, seed: UInt64,
    threads: Int
  ) {
    self.bound = bound
    self.settings = settings
    self.ageColumn = ageColumn
    var request = ReasonRequest(
      rule: rule, reference: settings.reference, backgroundRows: settings.backgroundRows,
      table: table, top: settings.top, output: output, threads: threads, seed: seed)
    request.margins = margins
    self.request = request
  }

  /// The analysis, computed on the first call with `restrictions` and kept.
  ///
  /// - Parameter restrictions: The features that may not be reasons (used on the first call).
  /// - Throws: Whatever the analysis threw (again on every call).
  public func analysis(restrictions: () -> [ReasonChecks.Restriction]) throws -> ReasonAnalysis {
    try cache.withLock { cached in
      if let cached { return try cached.get() }
      let result = Result {
        try ReasonAnalysis(
          bound: bound, request: request, method: .auto, restrictions: restrictions(),
          ageColumn: ageColumn,
          stability: .init(
            replicates: settings.stabilityReplicates, perturbation: settings.perturbation))
      }
      cached = result
      return try result.get()
    }
  }

  /// The analysis if it has been computed and succeeded.
  public var computed: ReasonAnalysis? {
    cache.withLock { cached in try? cached?.get() }
  }
}
