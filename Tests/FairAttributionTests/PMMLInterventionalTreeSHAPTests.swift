import FairAttribution
import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// Interventional TreeSHAP of sklearn2pmml trees (no `recordCount` on inner nodes), against
/// brute-force enumeration of the interventional game through the model's own scoring.
@Suite struct PMMLInterventionalTreeSHAPTests {
  static let fixtures = ["decision-tree", "random-forest"]
  /// The most players enumerated (2^12 coalitions × 8 background rows per explained row).
  static let playerLimit = 12

  /// How many node predicates read each field, over all trees.
  static func splitCounts(_ model: PMMLModel) throws -> [Int] {
    let trees = try model.additiveTrees(requiringCovers: false)
    var counts = [Int](repeating: 0, count: model.featureCount)
    for member in trees.members {
      for feature in member.predicateFeature where feature >= 0 { counts[feature] += 1 }
    }
    return counts
  }

  /// The enumerated players: every field a tree splits on when there are at most
  /// ``playerLimit``, else the ``playerLimit`` most used.
  static func players(_ counts: [Int]) -> [Int] {
    let used = counts.indices.filter { counts[$0] > 0 }
    let ranked = used.sorted { (counts[$0], -$0) > (counts[$1], -$1) }
    return Array(ranked.prefix(playerLimit)).sorted()
  }

  /// The interventional Shapley values of `x` over `players`, with
  /// `v(S) = mean_b margin(x_S, b_S̄)` scored by the model itself.
  static func enumerated(
    _ model: PMMLModel, x: ArraySlice<Double>, background: FeatureMatrix, players: [Int]
  ) -> [Double] {
    let width = model.featureCount
    let count = background.rowCount
    return BruteForceShapley.shapley(featureCount: players.count) { coalition in
      var hybrids = background.values
      for row in 0..<count {
        for (bit, field) in players.enumerated() where coalition & (1 << bit) != 0 {
          hybrids[row * width + field] = x[x.startIndex + field]
        }
      }
      let matrix = FeatureMatrix(values: hybrids, rowCount: count, featureCount: width)
      return PMMLFixtureRows.margins(model, matrix).reduce(0, +) / Double(count)
    }
  }

  /// Matches enumeration field by field.
  ///
  /// When the trees split on more than ``playerLimit``
  /// fields, every field outside the enumerated players takes the explained row's value in
  /// each background row, which makes it a null player of the game exactly, so the Shapley
  /// values of the players are unchanged by leaving it out (and the explainer must give it
  /// 0). Both sides sum the same `Double` margins in different orders over at most 2^12
  /// coalitions of margins in [0, 1], so they agree to about 1e-15; 1e-9 leaves room while
  /// still catching any wrong leaf weight (those are at least 1/(12·C(12,6)) ≈ 9e-5).
  @Test(arguments: fixtures)
  func matchesEnumerationThroughTheModelsOwnScoring(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    let width = model.featureCount
    let players = Self.players(try Self.splitCounts(model))
    let playerSet = Set(players)
    let reference = PMMLFixtureRows.slice(all, 900..<908)
    for row in 0..<5 {
      let x = all.values[(row * width)..<((row + 1) * width)]
      var values = reference.values
      for b in 0..<reference.rowCount {
        for field in 0..<width where !playerSet.contains(field) {
          values[b * width + field] = x[x.startIndex + field]
        }
      }
      let background = FeatureMatrix(
        values: values, rowCount: reference.rowCount, featureCount: width)
      let explainer = try PMMLInterventionalTreeSHAP(model: model, background: background)
      let single = PMMLFixtureRows.slice(all, row..<(row + 1))
      let result = try explainer.explain(single, threads: 1)
      let expected = Self.enumerated(model, x: x, background: background, players: players)
      for (bit, field) in players.enumerated() {
        expectClose(
          result.values[field], expected[bit], absolute: 1e-9,
          "\(fixture) row \(row + 1) field \(model.features[field].name)")
      }
      for field in 0..<width where !playerSet.contains(field) {
        #expect(result.values[field] == 0, "\(fixture) row \(row + 1) field \(field)")
      }
    }
  }

  /// φ₀ is the mean background margin, `φ₀ + Σφ` is the model's margin to 1e-9 (the
  /// attributions are `Double` sums of at most a few hundred leaf shares per pair, rounding
  /// near 1e-15), and a field no tree splits on gets exactly 0.
  @Test(arguments: fixtures)
  func localAccuracyHoldsAndUnusedFieldsGetZero(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    let counts = try Self.splitCounts(model)
    let background = PMMLFixtureRows.slice(all, 900..<908)
    let rows = PMMLFixtureRows.slice(all, 0..<40)
    let explainer = try PMMLInterventionalTreeSHAP(model: model, background: background)
    let meanMargin = PMMLFixtureRows.margins(model, background).reduce(0, +) / 8
    expectClose(explainer.baseValue, meanMargin, absolute: 1e-12)
    let result = try explainer.explain(rows, threads: 1)
    let margins = PMMLFixtureRows.margins(model, rows)
    let width = model.featureCount
    for row in 0..<rows.rowCount {
      #expect(result.baseValues[row] == explainer.baseValue)
      #expect(result.predictions[row] == margins[row])
      let sum = result.values[(row * width)..<((row + 1) * width)].reduce(0, +)
      expectClose(result.baseValues[row] + sum, margins[row], absolute: 1e-9, "row \(row + 1)")
      for field in 0..<width where counts[field] == 0 {
        #expect(result.values[row * width + field] == 0)
      }
    }
  }

  @Test(arguments: fixtures)
  func resultDoesNotDependOnTheThreadCount(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    let explainer = try PMMLInterventionalTreeSHAP(
      model: model, background: PMMLFixtureRows.slice(all, 900..<908),
      weights: [1, 2, 3, 1, 2, 3, 1, 2])
    let rows = PMMLFixtureRows.slice(all, 0..<50)
    let one = try explainer.explain(rows, threads: 1)
    let four = try explainer.explain(rows, threads: 4)
    #expect(one.values == four.values)
    #expect(one.baseValues == four.baseValues)
  }

  @Test(arguments: fixtures)
  func autoChoosesInterventionalTreeSHAPWithABackground(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    #expect(ExactMethod.choose(for: model, hasBackground: true) == .method(.treeInterventional))
    #expect(ExactMethod.choose(for: model, hasBackground: false).method == nil)
    let plan = try ExplanationPlan(
      model: model, method: .auto, background: PMMLFixtureRows.slice(all, 900..<908))
    #expect(plan.method == .treeInterventional)
    #expect(plan.explainer is PMMLInterventionalTreeSHAP)
  }

  /// A compacted regression tree without `recordCount`: the root's children form an
  /// if-else-if chain over two fields, and a missing value gives no prediction.
  static let chainPMML = """
    <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
      <Header/>
      <DataDictionary>
        <DataField name="a" optype="continuous" dataType="double"/>
        <DataField name="b" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
      </DataDictionary>
      <TreeModel functionName="regression" missingValueStrategy="nullPrediction">
        <MiningSchema>
          <MiningField name="a"/><MiningField name="b"/>
          <MiningField name="y" usageType="target"/>
        </MiningSchema>
        <Node><True/>
          <Node score="1"><SimplePredicate field="a" operator="lessThan" value="0"/></Node>
          <Node score="2"><SimplePredicate field="b" operator="lessThan" value="0"/></Node>
          <Node score="4"><True/></Node>
        </Node>
      </TreeModel>
    </PMML>
    """

  /// With x = (1, -1) and r = (-1, 1): v(∅) = 1, v({a}) = 4, v({b}) = 1, v({a, b}) = 2, so
  /// φ_a = (3 + 1)/2 = 2 and φ_b = (0 − 2)/2 = −1 exactly.
  @Test func chainsOverSeveralFieldsMatchTheHandComputedGame() throws {
    let model = try PMMLModelLoader.load(data: Array(Self.chainPMML.utf8), file: "chain.pmml")
    let background = FeatureMatrix(values: [-1, 1], rowCount: 1, featureCount: 2)
    let explainer = try PMMLInterventionalTreeSHAP(model: model, background: background)
    let rows = FeatureMatrix(values: [1, -1], rowCount: 1, featureCount: 2)
    let result = try explainer.explain(rows, threads: 1)
    // Dyadic values: every operation is exact.
    #expect(result.values == [2, -1])
    #expect(result.baseValues == [1])
    #expect(result.predictions == [2])
  }

  @Test func rejectsRowsTheModelGivesNoPredictionFor() throws {
    let model = try PMMLModelLoader.load(data: Array(Self.chainPMML.utf8), file: "chain.pmml")
    let missing = FeatureMatrix(values: [-1, 1, .nan, 1], rowCount: 2, featureCount: 2)
    let background = #expect(throws: AttributionError.self) {
      try PMMLInterventionalTreeSHAP(model: model, background: missing)
    }
    #expect(background?.subject == "background row 2")
    let explainer = try PMMLInterventionalTreeSHAP(
      model: model, background: FeatureMatrix(values: [1, -1], rowCount: 1, featureCount: 2))
    // Row 2 scores (a < 0 decides first), but its hybrid with the background reads b = NaN.
    let rows = FeatureMatrix(values: [1, 1, -1, .nan], rowCount: 2, featureCount: 2)
    let hybrid = #expect(throws: AttributionError.self) {
      try explainer.explain(rows, threads: 1)
    }
    #expect(hybrid?.subject == "row 2")
  }
}
