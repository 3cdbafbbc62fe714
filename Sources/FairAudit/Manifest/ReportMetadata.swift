public import FairPolicy

/// The `report:` section of a manifest: facts about the audit that regulator-facing reports
/// state and that the data cannot tell.
///
/// ```yaml
/// report:
///   data_source: "historical applicant data, 2025"
///   data_kind: historical         # historical | test (NYC LL144, 6 RCNY § 5-302)
///   audit_date: 2026-01-10
///   distribution_date: 2026-01-15 # the date the tool was first used (LL144 summaries)
///   auditor: "Independent Audits LLC"
///   notes: "Scope: all requisitions in the US."
/// ```
public struct ReportMetadata: Sendable, Hashable {
  /// Whether the audited data was collected in use or made up for the audit.
  public enum DataKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Historical data from the tool's use.
    case historical
    /// Test data (LL144 allows it when historical data is insufficient).
    case test
  }

  /// Where the data came from.
  public var dataSource: String?
  /// Whether the data is historical or test data.
  public var dataKind: DataKind?
  /// The date of the audit.
  public var auditDate: CalendarDate?
  /// The date the tool was, or will be, first distributed or used.
  public var distributionDate: CalendarDate?
  /// Who performed the audit.
  public var auditor: String?
  /// Free-form notes.
  public var notes: String?

  /// Creates metadata.
  public init(
    dataSource: String? = nil, dataKind: DataKind? = nil, auditDate: CalendarDate? = nil,
    distributionDate: CalendarDate? = nil, auditor: String? = nil, notes: String? = nil
  ) {
    self.dataSource = dataSource
    self.dataKind = dataKind
    self.auditDate = auditDate
    self.distributionDate = distributionDate
    self.auditor = auditor
    self.notes = notes
  }
}
