public import FairMetrics

/// The audit manifest's `reasons:` section: how adverse-action reasons are derived for the
/// reason-code metrics (`reasons_missing_share`, `prohibited_reason_count`, …).
///
/// Without the section, reasons use the defaults: every feature its own code, the top four,
/// all applicants as the reference, 20 stability replicates.
public struct ReasonSettings: Sendable, Equatable {
  /// The reason-code table file, resolved against the manifest's folder; `nil` for the
  /// identity table.
  public var table: String?
  /// The most reasons per applicant.
  public var top: Int
  /// The reference population.
  public var reference: ReasonReference
  /// The most background rows sampled from the reference population.
  public var backgroundRows: Int
  /// The data column holding the applicant's age, for the 62-or-older check; `nil` to use a
  /// protected attribute read from a column named `age`, if any.
  public var ageColumn: String?
  /// Replicates of each stability measurement; 0 skips it.
  public var stabilityReplicates: Int
  /// The relative input perturbation δ of the sensitivity measurement.
  public var perturbation: Double

  /// The stability replicates that run: ``stabilityReplicates``, or none below 2.
  package var replicatesRun: Int { ReasonStability.replicatesRun(stabilityReplicates) }

  /// The settings when the manifest has no `reasons:` section.
  public static let standard = ReasonSettings()

  /// Creates settings; see the properties.
  public init(
    table: String? = nil, top: Int = 4, reference: ReasonReference = .all,
    backgroundRows: Int = ReasonRequest.defaultBackgroundRows, ageColumn: String? = nil,
    stabilityReplicates: Int = ReasonStability.defaultReplicates,
    perturbation: Double = ReasonStability.defaultPerturbation
  ) {
    self.table = table
    self.top = top
    self.reference = reference
    self.backgroundRows = backgroundRows
    self.ageColumn = ageColumn
    self.stabilityReplicates = stabilityReplicates
    self.perturbation = perturbation
  }
}
