import FairAudit
import FairMetrics
import FairModels
import FairTabular
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// The starter manifest of `fairgate init` parses and fits its data.
@Suite struct StarterManifestTests {
  /// Renders a starter for the data at `dataFile` (a fixture path), parses it as a manifest
  /// written beside the data, and validates it against the data.
  func starter(
    data dataFile: String, model modelFile: String? = nil
  ) throws -> (text: String, manifest: AuditManifest, warnings: [Diagnostic]) {
    let dataPath = FixturePaths.fixture(dataFile)
    let folder = (dataPath as NSString).deletingLastPathComponent
    let dataset = try CSVReader().read(contentsOf: dataPath)
    let modelPath = modelFile.map { FixturePaths.fixture($0) }
    let features = try modelPath.map { try ModelLoader.load(contentsOf: $0).features.map(\.name) }
    let text = StarterManifest.render(
      dataPath: (dataPath as NSString).lastPathComponent, dataset: dataset,
      modelPath: modelPath, modelFeatures: features)
    let manifest = try AuditManifest.parse(
      text: text, file: folder + "/fairgate.yaml",
      shippedPolicyIDs: ManifestFixtures.shippedPolicyIDs)
    let warnings = try manifest.validate(against: dataset)
    return (text, manifest, warnings)
  }

  @Test func germanCreditWithAModelParsesAndFlagsProtectedInputs() throws {
    let (text, manifest, warnings) = try starter(
      data: "data/german-credit/german-credit.csv", model: "models/lgb-german-binary/model.txt")
    #expect(warnings.isEmpty)
    #expect(manifest.identifier == "german-credit-audit")
    #expect(manifest.data.idColumn == "applicant_id")
    #expect(manifest.data.label == "credit_risk")
    #expect(manifest.data.favourableLabel == "good")
    #expect(manifest.decision?.rule == DecisionRule(space: .probability, threshold: 0.5))
    #expect(
      manifest.protectedAttributes.map(\.name)
        == ["marital_status", "age_band", "national_origin", "sex"])
    #expect(
      manifest.attributes[1].source
        == .bins(
          column: "age", edges: [0, 25, 40, 62, .infinity],
          labels: ["under 25", "25-39", "40-61", "62+"]))
    #expect(manifest.policyPackIDs == ["ecoa-reg-b", "attribution-guardrails"])
    #expect(
      text.contains(
        "# WARNING: the model reads protected attributes as inputs: 'personal_status_sex', 'age',"))
    #expect(text.contains("# WARNING: the model reads this attribute ('age')"))
    #expect(text.contains("# waivers:"))
    #expect(manifest.waivers.isEmpty)
  }

  @Test func germanCreditWithoutAModelWritesACommandToFillIn() throws {
    let (text, manifest, _) = try starter(data: "data/german-credit/german-credit.csv")
    guard case .command(let specification)? = manifest.model?.source else {
      Issue.record("expected a model command, found \(String(describing: manifest.model))")
      return
    }
    #expect(specification.command == "python score.py")
    #expect(!specification.featureNames.contains("applicant_id"))
    #expect(!specification.featureNames.contains("credit_risk"))
    // Protected attributes are left out of the suggested inputs.
    #expect(
      !specification.featureNames.contains("age") && !specification.featureNames.contains("sex"))
    #expect(specification.featureNames.contains("duration_months"))
    #expect(!text.contains("WARNING"))
    #expect(text.contains("# check: no model was given"))
  }

  @Test func adultWithAModelFindsTheUsualAttributes() throws {
    let (text, manifest, warnings) = try starter(
      data: "data/adult/adult.csv", model: "models/lgb-adult-categorical/model.txt")
    #expect(warnings.isEmpty)
    #expect(manifest.data.idColumn == "person_id")
    #expect(manifest.data.label == "income")
    #expect(manifest.data.favourableLabel == ">50K")
    #expect(
      manifest.protectedAttributes.map(\.name)
        == ["age_band", "marital_status", "race", "sex", "national_origin"])
    #expect(manifest.intersections.map(\.attributes) == [["sex", "race"]])
    #expect(
      manifest.groupings.map(\.name)
        == ["age_band", "marital_status", "race", "sex", "national_origin", "sex × race"])
    #expect(manifest.proxies.declared == ["relationship"])
    #expect(manifest.policyPackIDs == ["eeoc-four-fifths"])
    #expect(text.contains("title: \"Fairness audit of model.txt on adult.csv\""))
  }

  @Test func hiringDataWithoutAModelAuditsTheRecordedDecisions() throws {
    let dataset = try CSVReader().read(contentsOf: ManifestFixtures.directory + "/hiring.csv")
    let text = StarterManifest.render(
      dataPath: "hiring.csv", dataset: dataset, modelPath: nil, modelFeatures: nil)
    let manifest = try ManifestFixtures.parse(text)
    let warnings = try manifest.validate(against: dataset)
    #expect(warnings.isEmpty)
    #expect(manifest.scores?.scoreColumn == "vendor_score")
    #expect(manifest.scores?.decisionColumn == "vendor_selected")
    #expect(manifest.scores?.favourableDecision == "yes")
    #expect(manifest.decision == nil)
    #expect(manifest.data.label == "qualified")
    #expect(manifest.data.favourableLabel == "yes")
    #expect(
      manifest.protectedAttributes.map(\.name) == ["sex", "age_band", "race", "race_estimated"])
    #expect(manifest.protectedAttributes[0].attribute.unknownValues == ["declined"])
    #expect(
      manifest.protectedAttributes[3].attribute.source
        == .probabilities([
          .init(group: "White", column: "p_white"), .init(group: "Black", column: "p_black"),
          .init(group: "Hispanic", column: "p_hispanic"),
        ]))
    #expect(manifest.policyPackIDs == ["eeoc-four-fifths", "nyc-ll144"])
    #expect(text.contains("# attributions:"))
    #expect(!text.contains("WARNING"))
  }

  @Test func oneHotInputsBecomeFeatureGroups() throws {
    let (_, manifest, warnings) = try starter(
      data: "models/xgb-german-reglogistic/data.csv",
      model: "models/xgb-german-reglogistic/model.json")
    #expect(warnings.isEmpty)
    #expect(
      manifest.featureGroups.map(\.name).prefix(3) == [
        "checking_status", "credit_history", "purpose",
      ])
    #expect(manifest.featureGroupMembers["purpose"]?.first == "purpose=business")
  }

  @Test func quotesValuesThatYAMLWouldReadOtherwise() throws {
    let dataset = Dataset(columns: [
      .categorical(
        CategoricalColumn(name: "gender: self-described", codes: [0, 1, 0], levels: ["no", "yes"])),
      .categorical(CategoricalColumn(name: "y", codes: [0, 1, 1], levels: ["true", "false"])),
    ])
    let text = StarterManifest.render(
      dataPath: "odd names.csv", dataset: dataset, modelPath: "model.json", modelFeatures: nil)
    #expect(text.contains("    column: \"gender: self-described\""))
    #expect(text.contains("  label: \"y\""))
    #expect(text.contains("  favourable_label: \"true\""))
    #expect(text.contains("  file: \"odd names.csv\""))
  }
}
