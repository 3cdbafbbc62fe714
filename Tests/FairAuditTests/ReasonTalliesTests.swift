import FairAttribution
import FairAudit
import FairMetrics
import FairModels
import Foundation
import Testing
import _FairTestSupport

/// The reason tallies of an audit: derived in chunks, they equal the tallies of one
/// derivation over all rows (what `fairgate reasons` computes), bit for bit.
@Suite struct ReasonTalliesTests {
  static let root = FixturePaths.repositoryRoot()

  static func bound() throws -> BoundRows {
    try BoundRows(
      model: .file(root + "/fixtures/german-credit/model.json"),
      data: root + "/fixtures/data/german-credit/german-credit.csv")
  }

  static func request(_ reference: ReasonReference) -> ReasonRequest {
    ReasonRequest(
      rule: DecisionRule(space: .probability, threshold: 0.5, favourable: .above),
      reference: reference, backgroundRows: 50, threads: 2, seed: 11)
  }

  static func encoded(_ tallies: ReasonTallies) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(tallies)
  }

  @Test(arguments: [
    (ReasonReference.all, 1), (.all, 97), (.all, 1_000_000), (.nearCutoff(band: 0.1), 250),
  ])
  func chunkedTalliesEqualOneDerivation(reference: ReasonReference, chunkRows: Int) throws {
    let bound = try Self.bound()
    let stability = ReasonAnalysis.StabilitySettings(replicates: 3)
    let whole = try ReasonAnalysis.derive(
      bound: bound, request: Self.request(reference), method: .auto, ageColumn: "age",
      ageFeatures: [], memberships: [], drawn: nil, stability: stability
    ).tallies
    let chunked = try ReasonAnalysis.tallies(
      bound: bound, request: Self.request(reference), method: .auto, ageColumn: "age",
      ageFeatures: [], memberships: [], drawn: nil, stability: stability, chunkRows: chunkRows)
    #expect(whole.counts.adverse > 0)
    #expect(whole.backgrounds.count == 4)
    #expect(whole.followed.rowCount == whole.counts.adverse)
    #expect(try Self.encoded(chunked) == Self.encoded(whole))
  }

  /// The figures `fairgate reasons` reports are those of the tallies' summary.
  @Test func theAnalysisReportsTheSummaryOfItsTallies() throws {
    let bound = try Self.bound()
    let analysis = try ReasonAnalysis(
      bound: bound, request: Self.request(.all), method: .auto, ageColumn: "age",
      stability: .init(replicates: 3))
    #expect(analysis.checks.adverseCount == analysis.applicants.filter(\.isAdverse).count)
    #expect(analysis.stability.map(\.kind) == [.backgroundResampling, .inputPerturbation])
    #expect(analysis.stability.allSatisfy { $0.adverseCount == analysis.checks.adverseCount })
    // An unstable applicant's row is its data row (the data has no id column here), and
    // it is an adverse decision.
    let adverseRows = Set(analysis.applicants.filter(\.isAdverse).map(\.row))
    #expect(analysis.stability.flatMap(\.unstable).allSatisfy { adverseRows.contains($0.row) })
  }
}
