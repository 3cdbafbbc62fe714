import FairAttribution
import FairTabular
import Testing
import _FairTestSupport

// The stump cross-check builds a `PMMLLinearDecomposition`, whose memberwise initialiser is
// internal to FairModels.
@testable import FairModels

/// Probability-space SHAP of the PMML logistic regressions and GLMs of `fixtures/pmml`
/// (shap's per-reference rescaling of the margin values), against its definition evaluated by
/// brute force through the model's own scoring.
@Suite struct AdditiveTermSHAPProbabilityTests {
  static let classifiers = [
    "logistic-regression", "general-regression", "general-regression-statsmodels",
  ]
  static let regressions = ["scorecard", "linear-regression"]

  /// Compares with the definition, enumerated per background row.
  ///
  /// Every coalition of at most 12 players is scored with the model. German credit has up to
  /// 20 fields, so, as in `AdditiveTermSHAPTests`, each row takes a moving window of 11
  /// fields as single players and the other fields as one grouped player. Each pair's margin
  /// game is additive, so a group's Shapley value is the sum of its members' values, and the
  /// rescaling multiplies every player of a pair by the same factor: the singles' values
  /// and the group's summed values are those of the full game.
  @Test(.tags(.slow), arguments: classifiers)
  func matchesThePerReferenceRescaledEnumeration(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    #expect(model.outputTransform == .logistic)
    let background = PMMLFixtureRows.slice(all, 900..<908)
    let rawWeights = [1.0, 2, 3, 1, 1, 2, 5, 1]
    let total = rawWeights.reduce(0, +)
    let weights = rawWeights.map { $0 / total }
    let explainer = try AdditiveTermSHAP(
      model: model, background: background, weights: rawWeights)
    #expect(explainer.supportedOutputs == [.margin, .probability])
    let width = model.featureCount
    let rowIndices = [3, 17, 42, 101, 250, 333]
    let rows = FeatureMatrix(
      values: rowIndices.flatMap { Array(all.values[($0 * width)..<(($0 + 1) * width)]) },
      rowCount: rowIndices.count, featureCount: width)
    let attributions = try explainer.explain(rows, options: ExplainOptions(output: .probability))
    #expect(attributions.outputSpace == .probability)
    let references = background.rowCount
    var worst = 0.0
    for row in 0..<rows.rowCount {
      let x = Array(rows.values[(row * width)..<((row + 1) * width)])
      let shift = width > 12 ? (row * 11) % width : 0
      let order = (0..<width).map { ($0 + shift) % width }
      let singles = Array(order.prefix(min(width, width > 12 ? 11 : 12)))
      let rest = Array(order.dropFirst(singles.count))
      var players = singles.map { [$0] }
      if !rest.isEmpty { players.append(rest) }
      let coalitions = 1 << players.count
      var hybrids: [Double] = []
      hybrids.reserveCapacity(coalitions * references * width)
      for mask in 0..<coalitions {
        for b in 0..<references {
          var hybrid = Array(background.values[(b * width)..<((b + 1) * width)])
          for (p, members) in players.enumerated() where mask & (1 << p) != 0 {
            for field in members { hybrid[field] = x[field] }
          }
          hybrids += hybrid
        }
      }
      let scored = PMMLFixtureRows.margins(
        model,
        FeatureMatrix(values: hybrids, rowCount: coalitions * references, featureCount: width))
      let expected = RescaledShapley.values(
        playerCount: players.count, weights: weights, transform: model.outputTransform
      ) { mask, b in scored[mask * references + b] }
      for (p, members) in players.enumerated() {
        let attributed = members.reduce(0.0) { $0 + attributions[row, $1] }
        worst = max(worst, abs(attributed - expected[p]))
      }
    }
    // Both sides are exact in Double: the enumeration sums 2^12 weighted differences of
    // margins of magnitude ≲ 10 (rounding near 1e-13), the explainer one product per term and
    // background row; 1e-10 is the acceptance bound, far below any wrong factor (≳ 1e-3).
    #expect(worst <= 1e-10, "largest difference from the definition \(worst)")
  }

  /// `φ₀ + Σφ = σ(f(x))`, and φ₀ is the weighted mean background probability.
  @Test(arguments: classifiers)
  func localAccuracyHoldsInProbabilitySpace(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    let background = PMMLFixtureRows.slice(all, 900..<950)
    let rawWeights = (0..<50).map { Double(1 + $0 % 7) }
    let total = rawWeights.reduce(0, +)
    let explainer = try AdditiveTermSHAP(
      model: model, background: background, weights: rawWeights)
    let base = RescaledShapley.baseValue(
      margins: PMMLFixtureRows.margins(model, background),
      weights: rawWeights.map { $0 / total }, transform: model.outputTransform)
    // The explainer sums σ of the decomposition's margins, which equal the model's to
    // rounding (≈1e-15 on margins ≲ 10); σ' ≤ 1/4 shrinks that further.
    expectClose(explainer.baseValue(for: .probability), base, absolute: 1e-13)
    let rows = PMMLFixtureRows.slice(all, 0..<300)
    let result = try explainer.explain(
      rows, options: ExplainOptions(output: .probability, threads: 2))
    let probabilities = try model.predict(rows, output: .probability)
    #expect(result.predictions == probabilities)
    #expect(result.baseValues.allSatisfy { $0 == explainer.baseValue(for: .probability) })
    // Each pair's rescaled values add up to σ(f(x)) − σ(f(r)) up to a few roundings of
    // numbers ≤ 1, then a weighted mean: only Double rounding is left.
    expectClose(result.largestAdditivityGap, 0, absolute: 1e-12, fixture)
  }

  @Test(arguments: classifiers)
  func threadCountDoesNotChangeAnyBit(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    let explainer = try AdditiveTermSHAP(
      model: model, background: PMMLFixtureRows.slice(all, 900..<1000))
    let rows = PMMLFixtureRows.slice(all, 0..<700)
    let one = try explainer.explain(rows, options: ExplainOptions(output: .probability))
    let four = try explainer.explain(
      rows, options: ExplainOptions(output: .probability, threads: 4))
    #expect(one.values.map(\.bitPattern) == four.values.map(\.bitPattern))
    #expect(one.baseValues == four.baseValues)
    #expect(one.predictions == four.predictions)
  }

  @Test(arguments: regressions)
  func regressionsAndScorecardsAttributeOnlyTheMargin(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    #expect(model.task == .regression)
    let explainer = try AdditiveTermSHAP(
      model: model, background: PMMLFixtureRows.slice(all, 900..<910))
    #expect(explainer.supportedOutputs == [.margin])
    #expect(explainer.baseValue(for: .probability).isNaN)
    let error = #expect(throws: AttributionError.self) {
      try explainer.explain(
        PMMLFixtureRows.slice(all, 0..<3), options: ExplainOptions(output: .probability))
    }
    #expect(error?.kind == .unsupportedOutput)
  }

  /// An ensemble of stumps is additive, one term per tree, so ``AdditiveTermSHAP`` and
  /// ``InterventionalTreeSHAP`` explain the same game; their probability values must agree,
  /// which checks that both apply the same rescaling.
  @Test(arguments: [UInt64(501), 502, 503])
  func stumpsAgreeWithInterventionalTreeSHAP(seed: UInt64) throws {
    var random = RandomForests(seed: seed, featureCount: 6, flavor: .xgboost)
    let ensemble = try random.ensemble(treeCount: 15, maxDepth: 1)
    let background = random.rows(30)
    let rows = random.rows(40)
    let options = ExplainOptions(output: .probability)
    let trees = try InterventionalTreeSHAP(model: ensemble, background: background)
      .explain(rows, options: options)
    let terms = try AdditiveTermSHAP(
      terms: StumpTerms(ensemble), background: BackgroundData(background)
    ).explain(rows, options: options)
    // The same per-pair products summed in another order (per tree walk against per term),
    // on values ≤ 1: rounding only.
    expectAllClose(terms.values, trees.values, absolute: 1e-14, "seed \(seed)")
    expectAllClose(terms.baseValues, trees.baseValues, absolute: 1e-15, "seed \(seed)")
    expectAllClose(terms.predictions, trees.predictions, absolute: 1e-15, "seed \(seed)")
  }
}

/// A tree ensemble of stumps read as a sum of one-field terms: term `t` is tree `t`'s leaf
/// value (times its weight) for the row.
private struct StumpTerms: AdditiveTermModel {
  let ensemble: TreeEnsemble

  init(_ ensemble: TreeEnsemble) { self.ensemble = ensemble }

  var features: [ModelFeature] { ensemble.features }
  var task: ModelTask { ensemble.task }
  var outputTransform: OutputTransform { ensemble.outputTransform }
  var summary: String { "stumps" }

  var linearDecomposition: PMMLLinearDecomposition? {
    PMMLLinearDecomposition(
      intercept: ensemble.baseMargin,
      terms: (0..<ensemble.treeCount).map { tree in
        let root = Int(ensemble.treeStart[tree])
        let feature = Int(ensemble.splitFeature[root])
        return .init(name: "tree \(tree)", featureIndices: feature < 0 ? [] : [feature])
      })
  }

  func linearTermValues(_ batch: RowBatch) throws -> [Double] {
    let values = Array(batch.values)
    let width = batch.featureCount
    var terms: [Double] = []
    for row in 0..<batch.rowCount {
      let x = Array(values[(row * width)..<((row + 1) * width)])
      x.withUnsafeBufferPointer { buffer in
        for tree in 0..<ensemble.treeCount {
          terms.append(
            BruteForceShapley.treeScale(ensemble, tree)
              * ensemble.value[ensemble.leaf(tree: tree, row: buffer)])
        }
      }
    }
    return terms
  }

  func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) throws {
    let terms = try linearTermValues(batch)
    let count = ensemble.treeCount
    margins = (0..<batch.rowCount).map { row in
      terms[(row * count)..<((row + 1) * count)].reduce(ensemble.baseMargin, +)
    }
  }

  func refusalReason(_ matrix: FeatureMatrix, row: Int) -> String? { nil }
}
