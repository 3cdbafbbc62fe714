import FairAttribution
import FairMetrics
import FairModels
import FairTabular
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// Attributions saved by the fixture script: `shap_path.csv` is xgboost 3.2.0's
/// `pred_contribs` on every row (float32 values written as exact doubles);
/// `shap_interventional*.csv` the interventional values of the first 300 rows against the
/// saved 100-row background.
private func savedAttributions(_ file: String, space: OutputSpace) throws -> Attributions {
  let table = try CSVReader().read(contentsOf: FixturePaths.repositoryRoot() + "/" + file)
  let names = table.columnNames.filter { $0 != "row" && $0 != "base_value" }
  let columns = try names.map { try #require(table.column(named: $0)?.numeric).values }
  let base = try #require(table.column(named: "base_value")?.numeric).values
  var values: [Double] = []
  var predictions: [Double] = []
  for row in 0..<table.rowCount {
    var sum = base[row]
    for column in columns {
      values.append(column[row])
      sum += column[row]
    }
    predictions.append(sum)
  }
  return Attributions(
    values: values, rowCount: table.rowCount, baseValues: base, predictions: predictions,
    featureNames: names, outputSpace: space)
}

private func number(_ value: Any?) -> Double? {
  (value as? Double) ?? (value as? Int).map(Double.init)
}

@Suite struct EvidenceReferenceTests {
  static let hiringFeatures = [
    "age", "years_experience", "education", "skills_test", "interview_score",
    "employment_gap_months", "referral", "commute_zone",
  ]

  func hiringEvidence(
    attributions file: String? = nil, rows: Int? = nil, replicates: Int = 0
  ) throws -> (Evidence, AuditFixture) {
    let fixture = try AuditFixture.hiring()
    let source = try file.map { file in
      let attributions = try savedAttributions(file, space: .margin)
      return Evidence.AttributionSource(
        featureNames: attributions.featureNames, outputSpace: "margin",
        compute: { attributions })
    }
    var dataset = fixture.dataset
    var inputs = fixture.rows
    if let rows {
      dataset = Dataset(
        columns: dataset.columns.map { column in
          switch column {
          case .numeric(let numbers):
            .numeric(NumericColumn(name: numbers.name, values: Array(numbers.values.prefix(rows))))
          case .categorical(let labels):
            .categorical(
              CategoricalColumn(
                name: labels.name, codes: Array(labels.codes.prefix(rows)), levels: labels.levels))
          }
        })
      inputs = EvidenceRows(
        rowIDs: Array(inputs.rowIDs.prefix(rows)), decisions: Array(inputs.decisions.prefix(rows)),
        scores: inputs.scores.map { Array($0.prefix(rows)) },
        outcomes: inputs.outcomes.map { Array($0.prefix(rows)) })
    }
    let evidence = try Evidence(
      configuration: Evidence.Configuration(
        attributes: fixture.attributes, groupings: fixture.groupings.map(\.grouping),
        bootstrapReplicates: replicates, seed: 3, threads: 2,
        candidateFeatures: Self.hiringFeatures, proxyThreshold: 0.3),
      dataset: dataset, dataFile: "hiring.csv", rows: inputs, attributions: source)
    return (evidence, fixture)
  }

  @Test func proxyMeasuresEqualScipyAndScikitLearn() throws {
    let (evidence, fixture) = try hiringEvidence()
    let reference = try #require(fixture.reference["proxy"] as? [String: [String: Any]])
    for proxy in try evidence.proxies() {
      let features = try #require(reference[proxy.attribute]?["features"] as? [String: Any])
      let expected = try #require(features[proxy.feature] as? [String: Any])
      let context = "\(proxy.feature) ~ \(proxy.attribute)"
      // Closed forms over the same weighted counts, summed in another order: 1e-12.
      let association = number(expected["cramers_v"]) ?? number(expected["eta"])
      expectClose(proxy.association, try #require(association), absolute: 1e-12, context)
      expectClose(
        proxy.normalizedMutualInformation, try #require(number(expected["nmi"])),
        absolute: 1e-12, context)
      expectClose(
        proxy.auc, try #require(number(expected["proxy_auc_max"])), absolute: 1e-12, context)
    }
  }

  @Test func thePlantedProxyIsFlaggedWithItsAttributionShare() throws {
    let (evidence, _) = try hiringEvidence(attributions: "fixtures/hiring/shap_path.csv")
    let proxies = try evidence.proxies().filter(\.isProxy)
    let commute = try #require(
      proxies.first { $0.feature == "commute_zone" && $0.attribute == "race_ethnicity" })
    #expect(commute.association > 0.5)
    #expect((commute.attributionShare ?? 0) > 0.05)
    // The only other proxy at the 0.3 threshold is the employment gap, which the fixture
    // gives mostly to women.
    #expect(
      Set(proxies.map { "\($0.feature) ~ \($0.attribute)" }) == [
        "commute_zone ~ race_ethnicity", "employment_gap_months ~ sex",
      ])
  }

  @Test func gapDecompositionAddsUpAndNamesThePlantedFeatures() throws {
    let (evidence, fixture) = try hiringEvidence(attributions: "fixtures/hiring/shap_path.csv")
    let summaries = try evidence.attributionSummaries()
    let reference = try #require(
      (fixture.reference["attributions"] as? [String: Any])?["path_dependent_margin_all_rows"]
        as? [String: Any])
    let groupings = try #require(reference["groupings"] as? [String: [String: Any]])
    for (key, grouping) in fixture.groupings {
      let summary = try #require(summaries.first { $0.grouping == grouping.name })
      let expected = try #require(groupings[key]?["slices"] as? [String: [String: Any]])
      for slice in summary.slices {
        // Σ contributions equals the mean-output gap: rounding of sums of ~6,000 values.
        #expect(abs(slice.additivityError) < 1e-9, "\(key) \(slice.slice)")
        let name = AuditFixture.referenceName(slice.slice)
        let meanAbs = try #require(expected[name]?["mean_abs_phi"] as? [String: Double])
        for feature in slice.features {
          expectClose(
            feature.meanAbsolute, try #require(meanAbs[feature.feature]), absolute: 1e-12,
            "\(key) \(name) \(feature.feature)")
        }
      }
    }
    // The planted structure: the employment gap matters about twice as much for women, and
    // the intersection's gap is driven by the proxy and the employment gap.
    let sex = try #require(summaries.first { $0.grouping == "sex" })
    let women = try #require(
      sex.slice(named: "Female")?.features.first { $0.feature == "employment_gap_months" })
    #expect(women.ratioToReference > 2)
    let intersection = try #require(summaries.first { $0.grouping == "sex × race_ethnicity" })
    let black = try #require(intersection.slice(named: "Female × Black or African American"))
    let drivers = black.features.sorted { abs($0.gapContribution) > abs($1.gapContribution) }
    #expect(Set(drivers.prefix(2).map(\.feature)) == ["commute_zone", "employment_gap_months"])
  }

  @Test(arguments: [
    ("fixtures/hiring/shap_interventional.csv", OutputSpace.margin),
    ("fixtures/hiring/shap_interventional_probability.csv", OutputSpace.probability),
  ])
  func interventionalGapsAddUpInMarginAndProbabilitySpace(file: String, space: OutputSpace)
    throws
  {
    let (evidence, _) = try hiringEvidence(attributions: file, rows: 300, replicates: 50)
    for summary in try evidence.attributionSummaries() {
      for slice in summary.slices {
        // The acceptance bound: Σ contributions equals the mean-output gap to 1e-9.
        #expect(abs(slice.additivityError) < 1e-9, "\(summary.grouping) \(slice.slice)")
      }
    }
  }

  @Test func certainMembershipProbabilitiesEqualTheUnweightedMetricsExactly() throws {
    let fixture = try AuditFixture.hiring()
    let labels = try #require(fixture.dataset.column(named: "sex")?.categorical)
    // One probability column per sex, 1 for the row's sex and 0 otherwise; missing stays missing.
    let groups = ["Female", "Male"]
    let columns = groups.map { group in
      Column.numeric(
        NumericColumn(
          name: "p_" + group,
          values: labels.codes.map { code in
            code == CategoricalColumn.missingCode
              ? .nan : (labels.levels[Int(code)] == group ? 1 : 0)
          }))
    }
    let dataset = Dataset(columns: fixture.dataset.columns + columns)
    let attributes = [
      ProtectedAttribute(name: "sex", source: .column("sex")),
      ProtectedAttribute(
        name: "sex_p", source: .probabilities(groups.map { .init(group: $0, column: "p_" + $0) })),
    ]
    let evidence = try Evidence(
      configuration: Evidence.Configuration(
        attributes: attributes, groupings: [Grouping(["sex"]), Grouping(["sex_p"])],
        bootstrapReplicates: 100, seed: 5, threads: 2),
      dataset: dataset, dataFile: "hiring.csv", rows: fixture.rows)
    let plain = try evidence.groupMetrics(named: "sex")
    var weighted = try evidence.groupMetrics(named: "sex_p")
    weighted.grouping = plain.grouping
    weighted.attributes = plain.attributes
    #expect(weighted == plain)
  }

  @Test func weightedMembershipEqualsTheIndependentPythonComputation() throws {
    let fixture = try AuditFixture.hiring()
    let groups = ["white", "black", "hispanic", "asian", "other"]
    let attribute = ProtectedAttribute(
      name: "race_bisg",
      source: .probabilities(groups.map { .init(group: $0, column: "p_" + $0) }))
    let evidence = try Evidence(
      configuration: Evidence.Configuration(
        attributes: [attribute],
        groupings: Evidence.Configuration.groupings(attributes: [attribute], intersections: []),
        bootstrapReplicates: 0, threads: 2),
      dataset: fixture.dataset, dataFile: "hiring.csv", rows: fixture.rows)
    let bisg = try #require(fixture.reference["bisg"] as? [String: Any])
    for (name, key) in [
      ("race_bisg", "weighted"), ("race_bisg (assigned)", "max_probability_assignment"),
    ] {
      let expected = try #require(
        (bisg[key] as? [String: Any])?["groups"] as? [String: [String: Double]])
      let metrics = try evidence.groupMetrics(named: name)
      for slice in metrics.slices {
        let reference = try #require(expected[slice.slice], "\(name) \(slice.slice)")
        // Weighted sums of 6,000 products; numpy sums pairwise: 1e-12.
        expectClose(slice.weight, try #require(reference["weight_sum"]), relative: 1e-12)
        expectClose(slice.selectionRate, try #require(reference["selection_rate"]), relative: 1e-12)
        expectClose(slice.impactRatio, try #require(reference["impact_ratio"]), relative: 1e-12)
        expectClose(
          try #require(slice.truePositiveRate), try #require(reference["true_positive_rate"]),
          relative: 1e-12)
        expectClose(
          try #require(slice.falsePositiveRate), try #require(reference["false_positive_rate"]),
          relative: 1e-12)
      }
    }
  }

  @Test func tallyMergedFromChunksInAnyOrderEqualsOnePiece() throws {
    let fixture = try AuditFixture.hiring()
    let evidence = try fixture.evidence(replicates: 100)
    let attributions = try savedAttributions("fixtures/hiring/shap_path.csv", space: .margin)
    let rows = fixture.rows
    let whole = Tallying.outcomes(
      in: 0..<rows.rowCount, memberships: evidence.data!.memberships, rows: rows,
      replicateCount: 100, seed: 9)
    let cuts = [0, 17, 1_000, 1_001, 3_500, rows.rowCount]
    let pieces = (0..<(cuts.count - 1)).map {
      Tallying.outcomes(
        in: cuts[$0]..<cuts[$0 + 1], memberships: evidence.data!.memberships, rows: rows,
        replicateCount: 100, seed: 9)
    }
    for order in [Array(pieces.indices), pieces.indices.reversed(), [2, 0, 4, 1, 3]] {
      var merged = evidence.data!.memberships.map {
        GroupingTally(sliceCount: $0.sliceNames.count, replicateCount: 100)
      }
      for piece in order {
        for index in merged.indices { merged[index].merge(pieces[piece][index]) }
      }
      #expect(merged.map(\.replicates) == whole.map(\.replicates))
      #expect(merged.map(\.scores) == whole.map(\.scores))
      for (left, right) in zip(merged, whole) {
        for (a, b) in zip(left.slices, right.slices) {
          #expect(a.weight.value == b.weight.value && a.selected.value == b.selected.value)
          #expect(a.logLoss.value.bitPattern == b.logLoss.value.bitPattern)
        }
      }
    }
    let attributionWhole = Tallying.attributions(
      in: 0..<rows.rowCount, memberships: evidence.data!.memberships, rowIDs: rows.rowIDs,
      values: attributions.values, outputs: attributions.predictions,
      featureCount: attributions.featureCount, including: nil, replicateCount: 100, seed: 9)
    var attributionMerged = evidence.data!.memberships.map {
      AttributionTally(
        sliceCount: $0.sliceNames.count, featureCount: attributions.featureCount,
        replicateCount: 100)
    }
    for index in (0..<(cuts.count - 1)).reversed() {
      let piece = Tallying.attributions(
        in: cuts[index]..<cuts[index + 1], memberships: evidence.data!.memberships,
        rowIDs: rows.rowIDs,
        values: attributions.values, outputs: attributions.predictions,
        featureCount: attributions.featureCount, including: nil, replicateCount: 100, seed: 9)
      for grouping in attributionMerged.indices {
        attributionMerged[grouping].merge(piece[grouping])
      }
    }
    #expect(attributionMerged.map(\.replicates) == attributionWhole.map(\.replicates))
    for (left, right) in zip(attributionMerged, attributionWhole) {
      #expect(left.absoluteSums.map(\.value) == right.absoluteSums.map(\.value))
      #expect(left.sums.map(\.value) == right.sums.map(\.value))
    }
  }

  @Test func tallyDoesNotDependOnHowSliceCombinationsAreSummed() throws {
    let fixture = try AuditFixture.hiring()
    let evidence = try fixture.evidence(replicates: 50)
    let attributions = try savedAttributions("fixtures/hiring/shap_path.csv", space: .margin)
    let rows = fixture.rows
    let memberships = evidence.data!.memberships
    #expect(memberships.count >= 2)
    let m = attributions.featureCount
    func outcomes(_ capacity: Int?) -> [GroupingTally] {
      Tallying.outcomes(
        in: 0..<rows.rowCount, memberships: memberships, rows: rows,
        replicateCount: 50, seed: 4, combinationCapacity: capacity)
    }
    func attributionTallies(_ capacity: Int?) -> [AttributionTally] {
      Tallying.attributions(
        in: 0..<rows.rowCount, memberships: memberships, rowIDs: rows.rowIDs,
        values: attributions.values, outputs: attributions.predictions, featureCount: m,
        including: nil, replicateCount: 50, seed: 4, combinationCapacity: capacity)
    }
    // 0: every row added to each grouping directly; 3: a few combinations, the rest directly.
    let direct = outcomes(0)
    #expect(outcomes(nil).map(\.replicates) == direct.map(\.replicates))
    #expect(outcomes(3).map(\.replicates) == direct.map(\.replicates))
    let directAttributions = attributionTallies(0)
    for capacity in [nil, 3] {
      let tallies = attributionTallies(capacity)
      #expect(tallies.map(\.replicates) == directAttributions.map(\.replicates))
      #expect(tallies.map(\.sums) == directAttributions.map(\.sums))
      #expect(tallies.map(\.absoluteSums) == directAttributions.map(\.absoluteSums))
      #expect(tallies.map(\.weight) == directAttributions.map(\.weight))
    }

    // Against sums written out row by row from the per-replicate weight function.
    let tallies = attributionTallies(nil)
    let outcomeTallies = outcomes(nil)
    for grouping in memberships.indices {
      for slice in memberships[grouping].sliceNames.indices {
        let members = (0..<rows.rowCount).filter {
          memberships[grouping].hardSlice(of: $0) == slice
        }
        for replicate in [0, 1, 49] {
          var weight: Int64 = 0
          var selected: Int64 = 0
          var phi: Int64 = 0
          for row in members {
            let draw = Int64(
              PoissonBootstrap.weight(seed: 4, row: rows.rowIDs[row], replicate: replicate))
            weight &+= draw &* ReplicateTally.fixed(1)
            if rows.decisions[row] { selected &+= draw &* ReplicateTally.fixed(1) }
            phi &+= draw &* ReplicateTally.fixed(attributions.values[row * m + m - 1])
          }
          let replicates = tallies[grouping].replicates
          #expect(
            replicates.sums[replicates.offset(slice: slice, statistic: 0) + replicate] == weight)
          #expect(
            replicates.sums[replicates.offset(slice: slice, statistic: 2 * m) + replicate] == phi)
          let outcomeReplicates = outcomeTallies[grouping].replicates
          #expect(
            outcomeReplicates.sums[
              outcomeReplicates.offset(
                slice: slice, statistic: ReplicateTally.Statistic.selected.rawValue) + replicate]
              == selected)
        }
      }
    }
  }
}
