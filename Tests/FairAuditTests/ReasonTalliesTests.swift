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

  /// Tallies of the German credit rows against backgrounds drawn beforehand (so they merge),
  /// with a missing value in the reference background.
  static func talliesWithMissingBackgroundValue() throws -> ReasonTallies {
    let bound = try Self.bound()
    let request = Self.request(.all)
    var drawn = ReasonTallies.drawBackgrounds(
      bound.matrix, keys: (0..<UInt64(bound.matrix.rowCount)).map { $0 },
      size: request.backgroundRows, seed: request.seed, replicates: 2)
    drawn[0].values[3] = .nan
    return try ReasonAnalysis.derive(
      bound: bound, request: request, method: .auto, ageColumn: "age", ageFeatures: [],
      memberships: [], drawn: drawn, stability: .init(replicates: 2)
    ).tallies
  }

  /// Two partitions' tallies read from their files merge when their backgrounds are the same
  /// draw, missing values included (NaN equals itself there).
  @Test func talliesWithMissingValuesInTheirBackgroundMerge() throws {
    let tallies = try Self.talliesWithMissingBackgroundValue()
    let file = try Self.encoded(tallies)
    var first = try JSONDecoder().decode(ReasonTallies.self, from: file)
    let second = try JSONDecoder().decode(ReasonTallies.self, from: file)
    #expect(first.backgrounds[0].values[3].isNaN)
    #expect(first.merge(second, maps: [], sliceCounts: []) == nil)
    #expect(first.counts.adverse == 2 * tallies.counts.adverse)
  }

  /// Tallies whose backgrounds were drawn from their own rows merge with those of a partition
  /// whose reasons were not derived into the same tallies in either order.
  @Test func droppedTalliesAreTheSameInEitherOrder() throws {
    let bound = try Self.bound()
    let own = try ReasonAnalysis.derive(
      bound: bound, request: Self.request(.all), method: .auto, ageColumn: "age",
      ageFeatures: [], memberships: [], drawn: nil, stability: .init(replicates: 2)
    ).tallies
    let underived = ReasonTallies.underived(
      groupings: [], featureCount: bound.model.features.count, hasAges: true)
    var ownFirst = own
    #expect(ownFirst.merge(underived, maps: [], sliceCounts: []) == nil)
    var underivedFirst = underived
    #expect(underivedFirst.merge(own, maps: [], sliceCounts: []) == nil)
    #expect(try Self.encoded(ownFirst) == Self.encoded(underivedFirst))
    #expect(!ownFirst.isDerived && ownFirst.dependsOnPartition)
  }

  /// Counts that cannot come from one set of rows are refused as read, with what is wrong.
  @Test(arguments: [
    ("elderly", "one of the two counts of elderly applicants without the other"),
    ("reasonCounts", "adverse decisions but reason counts for"),
    ("featureCodes", "more decisions of a kind than adverse decisions"),
  ])
  func inconsistentCountsAreRefused(field: String, message: String) throws {
    var tallies = try Self.talliesWithMissingBackgroundValue()
    let asDerived = tallies.inconsistency(layouts: [])
    #expect(asDerived == nil)
    switch field {
    case "elderly": tallies.counts.elderlyAgeReason = nil
    case "reasonCounts": tallies.counts.reasonCounts[0] += 1
    default: tallies.counts.featureCodes[0].count = tallies.counts.adverse + 1
    }
    let problem = try #require(tallies.inconsistency(layouts: []))
    #expect(problem.contains(message), "\(problem)")
  }

  /// With a sampling method, resampling a background from a population no larger than it
  /// gives the same background, and so the same reasons: the explainer samples with the
  /// audit's seed in every replicate, and its sampling noise is not counted as instability.
  @Test func aSamplingMethodsNoiseIsNotInstability() throws {
    let text = try String(
      contentsOfFile: Self.root + "/fixtures/data/german-credit/german-credit.csv",
      encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).prefix(61)
    let path =
      try FixturePaths.temporaryDirectory(named: "fairgate-reason-stability") + "/sixty.csv"
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let bound = try BoundRows(
      model: .file(Self.root + "/fixtures/german-credit/model.json"), data: path)
    var request = Self.request(.all)
    request.backgroundRows = 100
    let analysis = try ReasonAnalysis(
      bound: bound, request: request, method: .attribution(.lime),
      stability: .init(replicates: 4))
    let resampling = try #require(analysis.stability.first)
    #expect(resampling.kind == .backgroundResampling)
    #expect(resampling.adverseCount > 0)
    #expect(resampling.changedShare == 0)
    #expect(resampling.unstable.isEmpty)
  }
}
