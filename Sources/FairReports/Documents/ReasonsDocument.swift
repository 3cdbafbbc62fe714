import FairAttribution
public import FairAudit
public import FairMetrics
import FairModels

/// The output of `fairgate reasons`: principal reasons per applicant, the reason-code
/// dictionary, the Regulation B checks, stability and (for scorecards) the comparison with
/// attribution-based reasons.
public struct ReasonsDocument: Codable, Sendable, Equatable {
  /// The schema identifier of the JSON form.
  public static let schemaVersion = "fairgate.reasons/1"

  /// How the reasons were derived.
  public struct Method: Codable, Sendable, Equatable {
    /// `scorecard` or the attribution method.
    public var source: String
    /// The attribution method (for scorecards: the one compared against).
    public var attribution: String
    /// Why `auto` chose the attribution method, if it did.
    public var note: String?
    /// The reference population's name: `all` or `near-cutoff`.
    public var reference: String
    /// The reference population, in words.
    public var referenceSummary: String
    /// Rows in the reference population.
    public var referenceRows: Int
    /// Rows in the attribution background.
    public var backgroundRows: Int
    /// The attribution output space.
    public var output: String
    /// The decision rule, in words.
    public var decision: String
    /// The most reasons per applicant.
    public var top: Int
    /// The seed.
    public var seed: UInt64
  }

  /// The agreement of the scorecard's reasons with the attribution-based reasons.
  public struct Comparison: Codable, Sendable, Equatable {
    /// Applicants compared.
    public var compared: Int
    /// Applicants whose top reasons agree.
    public var topAgreements: Int
    /// Share of compared applicants whose top reasons agree.
    public var topAgreementRate: Double
    /// Applicants whose top-K sets agree.
    public var topKAgreements: Int
    /// Share of compared applicants whose top-K sets agree.
    public var topKAgreementRate: Double
  }

  /// The schema identifier.
  public var schema = ReasonsDocument.schemaVersion
  /// The model, in words.
  public var model: String
  /// How the reasons were derived.
  public var method: Method
  /// The reason-code dictionary (declared codes, then features standing for themselves).
  public var table: [ReasonCode]
  /// The file the table came from, if any.
  public var tableSource: String?
  /// The principal reasons, one entry per applicant listed.
  public var applicants: [ApplicantReasons]
  /// The checks.
  public var checks: ReasonChecks
  /// Stability measurements.
  public var stability: [ReasonStability]
  /// For scorecards, the comparison with attribution-based reasons.
  public var comparison: Comparison?

  /// Creates the document of `analysis`.
  public init(_ analysis: ReasonAnalysis) {
    let derivation = analysis.derivation
    let request = derivation.request
    model = derivation.model.summary
    method = Method(
      source: analysis.source.name, attribution: derivation.method.rawValue,
      note: derivation.methodNote, reference: request.reference.name,
      referenceSummary: request.population == nil
        ? request.reference.summary : "the rows of the given background file",
      referenceRows: derivation.population.rowCount,
      backgroundRows: derivation.background.rowCount, output: request.output.rawValue,
      decision: request.rule.summary, top: request.top, seed: request.seed)
    table = derivation.ranking.codes.map(\.reason)
    tableSource = request.table.source
    applicants = analysis.applicants
    checks = analysis.checks
    stability = analysis.stability
    comparison = analysis.scorecardAgreement.map { agreement in
      Comparison(
        compared: agreement.comparedCount, topAgreements: agreement.topAgreementCount,
        topAgreementRate: agreement.topAgreementRate, topKAgreements: agreement.topKAgreementCount,
        topKAgreementRate: agreement.topKAgreementRate)
    }
  }

  /// The CSV form: one line per applicant.
  ///
  /// The header is `row,score,adverse,reason_count` followed, for *k* = 1…K, by
  /// `reason_k_code,reason_k_text,reason_k_attribution`; cells past an applicant's last reason
  /// are empty. `reason_k_attribution` is the summed attribution of the code's features (for
  /// scorecard reasons, the points behind the code).
  public var csv: String {
    var header = ["row", "score", "adverse", "reason_count"]
    for rank in 1...max(1, method.top) {
      header += ["reason_\(rank)_code", "reason_\(rank)_text", "reason_\(rank)_attribution"]
    }
    var writer = CSVWriter(header: header)
    for applicant in applicants {
      var fields = [
        "\(applicant.row)", CSVWriter.number(applicant.score), applicant.isAdverse ? "1" : "0",
        "\(applicant.reasons.count)",
      ]
      for rank in 0..<max(1, method.top) {
        if rank < applicant.reasons.count {
          let reason = applicant.reasons[rank]
          fields += [
            CSVWriter.field(reason.code), CSVWriter.field(reason.text),
            CSVWriter.number(reason.attribution),
          ]
        } else {
          fields += ["", "", ""]
        }
      }
      writer.appendRow(fields)
    }
    return writer.text
  }
}
