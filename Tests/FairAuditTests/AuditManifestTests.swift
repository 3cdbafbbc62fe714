import FairAttribution
import FairAudit
import FairMetrics
import FairModels
import FairPolicy
import FairTabular
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// Reading valid manifests into typed values.
@Suite struct AuditManifestTests {
  /// The complete example of the DocC article, so the documentation stays valid.
  static func documentedExample() throws -> String {
    let path =
      FixturePaths.repositoryRoot() + "/Sources/FairAudit/FairAudit.docc/AuditManifestFormat.md"
    let article = try String(contentsOfFile: path, encoding: .utf8)
    let section = try #require(article.range(of: "### A complete manifest"))
    let rest = article[section.upperBound...]
    let start = try #require(rest.range(of: "```yaml\n"))
    let end = try #require(rest[start.upperBound...].range(of: "```"))
    return String(rest[start.upperBound..<end.lowerBound])
  }

  @Test func readsTheDocumentedExampleIntoTypedValues() throws {
    let manifest = try ManifestFixtures.parse(try AuditManifestTests.documentedExample())
    let folder = ManifestFixtures.directory
    #expect(manifest.identifier == "hiring-2026q4")
    #expect(manifest.title == "Hiring model v3 — pre-deployment audit")
    #expect(manifest.directory == folder)
    #expect(manifest.model?.source == .file(folder + "/model.json"))
    #expect(manifest.model?.writtenPath == "model.json")
    #expect(manifest.scores == nil)

    #expect(manifest.data.path == folder + "/hiring.csv")
    #expect(manifest.data.idColumn == "applicant_id")
    #expect(manifest.data.label == "qualified")
    #expect(manifest.data.favourableLabel == "yes")
    #expect(manifest.data.csvOptions.delimiter == UInt8(ascii: ","))
    #expect(manifest.data.csvOptions.missingTokens == ["", "NA", "?"])
    #expect(manifest.data.csvOptions.columnTypeHints == ["commute_zone": .categorical])
    #expect(manifest.data.columnTypes == ["commute_zone": .categorical])

    #expect(manifest.decision?.rule == DecisionRule(space: .probability, threshold: 0.5))
    #expect(manifest.decision?.rule.isFavourable(0.5) == true)
    #expect(manifest.decision?.rule.isFavourable(0.49) == false)

    #expect(
      manifest.attributes == [
        ProtectedAttribute(
          name: "sex", source: .column("sex"), reference: "Male", unknownValues: ["declined", ""]),
        ProtectedAttribute(
          name: "age_band",
          source: .bins(
            column: "age", edges: [18, 25, 35, 50, 62, .infinity],
            labels: ["18-24", "25-34", "35-49", "50-61", "62+"])),
        ProtectedAttribute(
          name: "race",
          source: .probabilities([
            .init(group: "White", column: "p_white"), .init(group: "Black", column: "p_black"),
            .init(group: "Hispanic", column: "p_hispanic"),
          ]), assignmentThreshold: 0.8),
      ])
    #expect(
      manifest.groupings == [
        FairMetrics.Grouping(["sex"]), FairMetrics.Grouping(["age_band"]),
        FairMetrics.Grouping(["race"]),
        FairMetrics.Grouping(["race"], assignsMostProbableGroup: true),
        FairMetrics.Grouping(["sex", "race"]),
      ])
    #expect(manifest.minimumSliceShare == 0.02)
    #expect(manifest.featureGroupMembers == ["purpose": ["purpose_car", "purpose_furniture"]])

    #expect(
      manifest.attributions
        == AttributionSettings(
          method: .auto, output: .margin, background: .file(folder + "/background.csv", rows: 50),
          samples: 2048))
    #expect(manifest.proxies == ProxySettings(threshold: 0.3, declared: ["commute_zone"]))
    #expect(
      manifest.statistics
        == StatisticsSettings(
          bootstrapReplicates: 1000, confidence: 0.95, seed: 7, test: .automatic))

    #expect(manifest.policyPackIDs == ["eeoc-four-fifths", "nyc-ll144"])
    #expect(manifest.policyFiles == [folder + "/policies/internal.yaml"])
    #expect(
      manifest.policies.map(\.written) == [
        "eeoc-four-fifths", "nyc-ll144", "./policies/internal.yaml",
      ])

    let waiver = try #require(manifest.waivers.first)
    #expect(manifest.waivers.count == 1)
    #expect(waiver.rule == "eeoc.impact-ratio")
    #expect(waiver.subject == SubjectMatch(grouping: "age_band", slice: "62+"))
    #expect(waiver.expires == CalendarDate(year: 2026, month: 12, day: 31))
    #expect(waiver.location?.file == ManifestFixtures.manifestPath)

    #expect(
      manifest.report
        == ReportMetadata(
          dataSource: "historical applicant data, 2025", dataKind: .historical,
          auditDate: CalendarDate(year: 2026, month: 1, day: 10),
          distributionDate: CalendarDate(year: 2026, month: 1, day: 15),
          auditor: "Independent Audits LLC", notes: "All requisitions in the United States."))
    #expect(manifest.warnings.isEmpty)
    #expect(manifest.reasons.table == folder + "/reason-codes.yaml")
    #expect(manifest.reasons.top == 4 && manifest.reasons.reference == .all)
  }

  @Test func theDocumentedExampleMatchesTheFixtureData() throws {
    let manifest = try ManifestFixtures.parse(try AuditManifestTests.documentedExample())
    let dataset = try CSVReader(options: manifest.data.csvOptions)
      .read(contentsOf: manifest.data.path)
    #expect(dataset.column(named: "commute_zone")?.type == .categorical)
    #expect(try manifest.validate(against: dataset).isEmpty)
    // The policy file it names is a valid policy.
    #expect(try PolicyLoader().load(files: manifest.policyFiles).map(\.id) == ["internal-hiring"])
  }

  @Test func parsesTheSameTextToTheSameManifest() throws {
    let text = try AuditManifestTests.documentedExample()
    #expect(try ManifestFixtures.parse(text) == ManifestFixtures.parse(text))
    let loaded = try FixturePaths.temporaryFile("fairgate.yaml", contents: text)
    // Loaded from another folder, the relative files do not exist.
    let error = #expect(throws: ManifestError.self) { try AuditManifest.load(path: loaded) }
    #expect(
      error?.diagnostics.map(\.message).contains("the data file 'hiring.csv' does not exist")
        == true)
  }

  @Test func appliesDefaults() throws {
    let manifest = try ManifestFixtures.parse(Part.all)
    #expect(manifest.decision == nil)
    #expect(
      manifest.scores?.decisionColumn == "vendor_selected"
        && manifest.scores?.favourableDecision == "yes")
    #expect(manifest.attributions == .standard)
    #expect(manifest.attributions.background == .sample(rows: 100))
    #expect(manifest.statistics == .standard)
    #expect(manifest.proxies == ProxySettings())
    #expect(manifest.minimumSliceShare == 0)
    #expect(manifest.intersections.isEmpty && manifest.featureGroups.isEmpty)
    #expect(manifest.waivers.isEmpty)
    #expect(manifest.report == ReportMetadata())
    #expect(manifest.data.csvOptions == CSVOptions())
  }

  @Test func readsACommandModel() throws {
    let manifest = try ManifestFixtures.parse(
      Part.audit + Part.data + Part.policies + Part.protected + """
        model:
          command: "python score.py --fast"
          features: [years_experience, purpose_car]
          output: margin
          batch_size: 500
          timeout: 2.5
        decision: {space: margin, threshold: 0, favourable: below}
        """)
    let specification = ModelSource.CommandSpecification(
      command: "python score.py --fast", featureNames: ["years_experience", "purpose_car"],
      output: .margin, batchSize: 500, timeout: .milliseconds(2500))
    #expect(manifest.model?.source == .command(specification))
    #expect(
      manifest.decision?.rule == DecisionRule(space: .margin, threshold: 0, favourable: .below))
    #expect(manifest.decision?.rule.isFavourable(-0.1) == true)
    #expect(manifest.decision?.rule.isFavourable(0) == false)
  }

  @Test func readsATabDelimiterAndAbsolutePaths() throws {
    let manifest = try ManifestFixtures.parse(
      Part.audit + Part.scores + Part.policies + Part.protected + """
        data:
          file: \(ManifestFixtures.directory)/hiring.csv
          delimiter: tab
        """)
    #expect(manifest.data.path == ManifestFixtures.directory + "/hiring.csv")
    #expect(manifest.data.csvOptions.delimiter == UInt8(ascii: "\t"))
  }

  @Test func reportsAnUnreadableManifest() {
    let error = #expect(throws: ManifestError.self) {
      try AuditManifest.load(path: "/nonexistent/fairgate.yaml")
    }
    #expect(error?.description == "/nonexistent/fairgate.yaml: error: cannot read the file")
  }
}
