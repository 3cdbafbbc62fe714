import FairMetrics
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// The fixture datasets with the model's probabilities as the reference libraries saw them
/// (`predictions.csv`, written by xgboost 3.2.0 in the fixture script), and the values
/// fairlearn 0.15.0, scipy 1.17.1, statsmodels 0.15.0 and scikit-learn 1.9.0 computed on
/// the same decisions (`reference.json`).
struct AuditFixture {
  let dataset: Dataset
  let rows: EvidenceRows
  let reference: [String: Any]
  let attributes: [ProtectedAttribute]
  let groupings: [(key: String, grouping: Grouping)]

  static func hiring() throws -> AuditFixture {
    try AuditFixture(
      folder: "hiring", data: "fixtures/hiring/hiring.csv", label: "qualified", favourable: "yes",
      attributes: [
        ProtectedAttribute(name: "sex", source: .column("sex")),
        ProtectedAttribute(name: "race_ethnicity", source: .column("race_ethnicity")),
      ],
      groupings: [
        ("sex", Grouping(["sex"])), ("race_ethnicity", Grouping(["race_ethnicity"])),
        ("sex_x_race_ethnicity", Grouping(["sex", "race_ethnicity"])),
      ])
  }

  static func germanCredit() throws -> AuditFixture {
    try AuditFixture(
      folder: "german-credit", data: "fixtures/data/german-credit/german-credit.csv",
      label: "credit_risk", favourable: "good",
      attributes: [
        ProtectedAttribute(name: "sex", source: .column("sex")),
        ProtectedAttribute(
          name: "age_band",
          source: .bins(
            column: "age", edges: [18, 25, 35, 50, 62, .infinity],
            labels: ["18-24", "25-34", "35-49", "50-61", "62+"])),
        ProtectedAttribute(name: "foreign_worker", source: .column("foreign_worker")),
      ],
      groupings: [
        ("sex", Grouping(["sex"])), ("age_band", Grouping(["age_band"])),
        ("foreign_worker", Grouping(["foreign_worker"])),
        ("sex_x_age_band", Grouping(["sex", "age_band"])),
        ("foreign_worker_x_age_band", Grouping(["foreign_worker", "age_band"])),
      ])
  }

  init(
    folder: String, data: String, label: String, favourable: String,
    attributes: [ProtectedAttribute], groupings: [(String, Grouping)]
  ) throws {
    let root = FixturePaths.repositoryRoot()
    dataset = try CSVReader().read(contentsOf: root + "/" + data)
    let predictions = try CSVReader().read(
      contentsOf: root + "/fixtures/\(folder)/predictions.csv")
    let probabilities = try #require(predictions.column(named: "probability")?.numeric).values
    let outcomes = try dataset.binaryOutcome(column: label, positive: favourable, file: data)
    rows = EvidenceRows(
      rowIDs: (0..<UInt64(dataset.rowCount)).map { $0 }, decisions: probabilities.map { $0 >= 0.5 },
      scores: probabilities, outcomes: outcomes.map { $0 == 1 })
    let json = try Data(
      contentsOf: URL(fileURLWithPath: root + "/fixtures/\(folder)/reference.json"))
    reference = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    self.attributes = attributes
    self.groupings = groupings.map { (key: $0.0, grouping: $0.1) }
  }

  func evidence(replicates: Int = 0, threads: Int = 2) throws -> Evidence {
    try Evidence(
      configuration: Evidence.Configuration(
        attributes: attributes, groupings: groupings.map(\.grouping),
        bootstrapReplicates: replicates, seed: 11, threads: threads),
      dataset: dataset, dataFile: "fixture.csv", rows: rows)
  }

  /// The reference's slice name for one of ours (`Female × Asian` is `Female|Asian`).
  static func referenceName(_ slice: String) -> String {
    slice.replacingOccurrences(of: " × ", with: "|")
  }
}

@Suite struct GroupMetricsReferenceTests {
  static let fixtures = ["hiring", "german-credit"]

  static func fixture(_ name: String) throws -> AuditFixture {
    name == "hiring" ? try AuditFixture.hiring() : try AuditFixture.germanCredit()
  }

  private func number(_ value: Any?) -> Double? {
    if let value = value as? Double { return value }
    if let value = value as? Int { return Double(value) }
    return nil
  }

  @Test(arguments: fixtures)
  func slicesEqualFairlearnScipyStatsmodelsAndScikitLearn(fixtureName: String) throws {
    let fixture = try Self.fixture(fixtureName)
    let evidence = try fixture.evidence()
    let groups = try #require(fixture.reference["groups"] as? [String: Any])
    for (key, grouping) in fixture.groupings {
      let expected = try #require(groups[key] as? [String: Any], "\(key)")
      let metrics = try evidence.groupMetrics(named: grouping.name)
      let slices = try #require(expected["slices"] as? [String: [String: Any]])
      #expect(metrics.slices.count == slices.count, "\(key)")
      #expect(
        AuditFixture.referenceName(metrics.mostFavoured) == expected["reference_slice"] as? String,
        "\(key)")
      #expect(metrics.unknownCount == expected["rows_unknown"] as? Int, "\(key)")
      for slice in metrics.slices {
        let name = AuditFixture.referenceName(slice.slice)
        let reference = try #require(slices[name], "\(key) \(name)")
        let fairlearn = try #require(reference["fairlearn"] as? [String: Any])
        let confusion = try #require(reference["confusion"] as? [String: Int])
        let context = "\(fixtureName) \(key) \(name)"
        // Counts are exact; rates are one division of exact counts (fairlearn divides the
        // same integers), so they agree to the last bit or within one rounding: 1e-15.
        #expect(Double(slice.rows) == number(fairlearn["count"]), "\(context)")
        expectClose(
          slice.selectionRate, try #require(number(fairlearn["selection_rate"])), relative: 1e-15,
          context)
        let positives = confusion["tp", default: 0] + confusion["fn", default: 0]
        let negatives = confusion["fp", default: 0] + confusion["tn", default: 0]
        // fairlearn writes 0 where a denominator is 0; FairGate says NaN (not computable).
        if positives > 0 {
          expectClose(
            try #require(slice.truePositiveRate),
            try #require(number(fairlearn["true_positive_rate"])), relative: 1e-15, context)
        } else {
          #expect(slice.truePositiveRate?.isNaN == true, "\(context)")
        }
        if negatives > 0 {
          expectClose(
            try #require(slice.falsePositiveRate),
            try #require(number(fairlearn["false_positive_rate"])), relative: 1e-15, context)
        }
        // statsmodels' Wilson bounds are closed-form; 1e-12 allows for its different order
        // of operations.
        expectClose(
          slice.selectionRateInterval.lower, try #require(number(reference["wilson_low"])),
          absolute: 1e-12, context)
        expectClose(
          slice.selectionRateInterval.upper, try #require(number(reference["wilson_high"])),
          absolute: 1e-12, context)
        expectClose(
          slice.impactRatio, try #require(number(reference["impact_ratio"])), relative: 1e-14,
          context)
        if let comparison = slice.comparedWithMostFavoured {
          // The acceptance asks for 1e-9 against scipy on the p-values.
          let p = comparison.test.kind == .twoProportionZ ? "p_z" : "p_fisher"
          if let expectedP = number(reference[p]) {
            expectClose(comparison.test.pValue, expectedP, absolute: 1e-9, relative: 1e-9, context)
            if let holm = number(reference[p + "_holm"]) {
              expectClose(comparison.adjustedPValue, holm, absolute: 1e-9, relative: 1e-9, context)
            }
          }
          if let fisher = number(reference["p_fisher"]), comparison.test.kind == .fisherExact {
            expectClose(comparison.test.pValue, fisher, relative: 1e-9, context)
          }
          expectClose(
            comparison.test.shortfall, try #require(number(reference["shortfall"])),
            absolute: 1e-9, context)
        }
        // scikit-learn's AUC, log-loss and Brier score sum in another order: 1e-12.
        if let auc = number(reference["auc"]) {
          expectClose(try #require(slice.auc), auc, absolute: 1e-12, context)
        }
        if let logLoss = number(reference["log_loss"]) {
          expectClose(try #require(slice.logLoss), logLoss, absolute: 1e-12, context)
        }
        if let brier = number(reference["brier_score_loss"]) {
          expectClose(try #require(slice.brierScore), brier, absolute: 1e-12, context)
        }
      }
      let aggregates = try #require(expected["fairlearn_aggregates"] as? [String: Double])
      let context = "\(fixtureName) \(key)"
      expectClose(
        metrics.demographicParityDifference,
        try #require(aggregates["demographic_parity_difference"]), absolute: 1e-15, context)
      expectClose(
        metrics.demographicParityRatio, try #require(aggregates["demographic_parity_ratio"]),
        absolute: 1e-15, context)
      // fairlearn counts a zero-denominator rate as 0, which can widen its spreads; compare
      // where every slice's rates are computable.
      let computable = metrics.slices.allSatisfy {
        !($0.truePositiveRate?.isNaN ?? true) && !($0.falsePositiveRate?.isNaN ?? true)
      }
      if computable {
        expectClose(
          try #require(metrics.equalizedOddsDifference),
          try #require(aggregates["equalized_odds_difference"]), absolute: 1e-15, context)
        expectClose(
          try #require(metrics.equalOpportunityDifference),
          try #require(aggregates["equal_opportunity_difference"]), absolute: 1e-15, context)
      }
    }
  }

  @Test func threadCountAndChunkingDoNotChangeAnyBit() throws {
    let fixture = try AuditFixture.hiring()
    let one = try fixture.evidence(replicates: 200, threads: 1).groupMetrics()
    let four = try fixture.evidence(replicates: 200, threads: 4).groupMetrics()
    #expect(one == four)
  }
}
