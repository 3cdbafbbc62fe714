import FairAttribution
import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

@Suite struct LossAttributionTests {
  /// The Brier score of the probability, `(y − σ(m))²`: a loss that is not the log-loss.
  static let brier = MarginLoss(name: "brier") { margin, label in
    let probability = OutputTransform.logistic.apply(margin)
    return (label - probability) * (label - probability)
  }

  /// A loss linear in the margin, for which shap's rescaling is exact: every pair's factor
  /// is the slope, so the rescaled pair games are the loss game itself.
  static let linear = MarginLoss(name: "linear") { margin, label in (1 - 2 * label) * margin }

  static func labels(_ count: Int, seed: UInt64) -> [Double] {
    var random = TestRandom(seed: seed)
    return (0..<count).map { _ in Bool.random(using: &random) ? 1 : 0 }
  }

  static func weights(_ count: Int, seed: UInt64) -> [Double] {
    var random = TestRandom(seed: seed)
    return (0..<count).map { _ in Double.random(in: 0.2...3, using: &random) }
  }

  static let cases: [(seed: UInt64, weighted: Bool)] = (1...8).map {
    (UInt64(500 + $0), $0 % 2 == 0)
  }

  @Test(arguments: cases)
  func treeMethodMatchesBruteForceEnumeration(seed: UInt64, weighted: Bool) throws {
    var random = RandomForests(
      seed: seed, featureCount: 4 + Int(seed % 5), flavor: seed % 2 == 0 ? .xgboost : .lightGBM)
    let model = try random.ensemble(treeCount: 3, maxDepth: 7, weighted: seed % 3 == 0)
    let background = random.rows(6)
    let rows = random.rows(5)
    let labels = Self.labels(5, seed: seed)
    var weights = weighted ? Self.weights(6, seed: seed) : Array(repeating: 1.0, count: 6)
    // A background row of weight 0 counts for nothing, in the baseline as in the values.
    if weighted { weights[1] = 0 }
    for loss in [MarginLoss.logLoss, Self.brier] {
      let explainer = try LossExplainer(
        model: model, background: BackgroundData(background, weights: weights), loss: loss,
        method: .tree)
      let result = try explainer.explain(rows, labels: labels, options: ExplainOptions())
      #expect(result.method == .tree)
      let expected = LossBruteForce.rescaledPairGames(
        model, rows: rows, labels: labels, background: background, weights: weights,
        loss: loss)
      // Both sides are exact sums in Double of terms of magnitude ≲ 10; rounding (≈1e-15
      // per term) is all that separates them.
      expectAllClose(result.values, expected, absolute: 1e-12, "seed \(seed) \(loss.name)")
      expectClose(result.largestAdditivityGap, 0, absolute: 1e-12)
    }
  }

  @Test(arguments: [UInt64(611), 612, 613, 614])
  func treeMethodMatchesBruteForceWithFeatureGroups(seed: UInt64) throws {
    var random = RandomForests(
      seed: seed, featureCount: 7, flavor: seed % 2 == 0 ? .xgboost : .lightGBM)
    let model = try random.ensemble(treeCount: 4, maxDepth: 7)
    let background = random.rows(5)
    let rows = random.rows(4)
    let labels = Self.labels(4, seed: seed)
    let weights = Self.weights(5, seed: seed)
    let groups = [
      FeatureGroup(name: "g1", members: [1, 4]), FeatureGroup(name: "g2", members: [2, 5, 6]),
    ]
    let explainer = try LossExplainer(
      model: model, background: BackgroundData(background, weights: weights), groups: groups,
      method: .tree)
    let result = try explainer.explain(rows, labels: labels, options: ExplainOptions())
    #expect(result.featureNames == ["x0", "g1", "g2", "x3"])
    let expected = LossBruteForce.rescaledPairGames(
      model, rows: rows, labels: labels, background: background, weights: weights,
      loss: .logLoss, groups: groups)
    // Exact on both sides, as above.
    expectAllClose(result.values, expected, absolute: 1e-12, "seed \(seed)")
  }

  @Test(arguments: [MarginLoss.logLoss, brier])
  func everyRowAddsUpToItsLossMinusItsBaseline(loss: MarginLoss) throws {
    var random = RandomForests(seed: 701, featureCount: 6, flavor: .lightGBM)
    let model = try random.ensemble(treeCount: 12, maxDepth: 6, weighted: true)
    let background = try BackgroundData(random.rows(20), weights: Self.weights(20, seed: 7))
    let rows = random.rows(30)
    let labels = Self.labels(30, seed: 701)
    let margins = try model.predict(rows)
    for method in [LossExplainer.Method.tree, .permutation] {
      let explainer = try LossExplainer(
        model: model, background: background, loss: loss, method: method,
        maximumPermutations: 32)
      let result = try explainer.explain(
        rows, labels: labels, options: ExplainOptions(threads: 2, seed: 3))
      #expect(result.method == method)
      for row in 0..<rows.rowCount {
        var baseline = 0.0
        for (index, margin) in try model.predict(background.matrix).enumerated() {
          baseline += background.weights[index] * loss.evaluate(margin, labels[row])
        }
        // Exact Double margins (tree method) and the model's margins agree to rounding.
        expectClose(result.losses[row], loss.evaluate(margins[row], labels[row]), absolute: 1e-12)
        expectClose(result.baselines[row], baseline, absolute: 1e-12)
        let sum = result.row(row).reduce(0, +)
        // Sums of a few dozen terms of magnitude ≲ 1.
        expectClose(sum, result.losses[row] - result.baselines[row], absolute: 1e-10)
      }
      #expect(result.largestAdditivityGap <= 1e-10)
    }
  }

  @Test func permutationAddsUpForANonTreeModel() throws {
    let model = TestLinearModel()
    let background = try BackgroundData(
      FeatureMatrix(
        values: [50, 0, 30, 80, 1, 45, 20, 2, 60, 65, 0, 25], rowCount: 4, featureCount: 3))
    let rows = FeatureMatrix(
      values: [120, 2, 33, 10, 0, 70, 55, 1, 41], rowCount: 3, featureCount: 3)
    for loss in [MarginLoss.logLoss, Self.brier] {
      let explainer = try LossExplainer(model: model, background: background, loss: loss)
      #expect(explainer.method == .permutation)
      let result = try explainer.explain(
        rows, labels: [1, 0, 1], options: ExplainOptions(seed: 9))
      // A handful of terms of magnitude ≲ 1.
      #expect(result.largestAdditivityGap <= 1e-10)
      #expect(result.standardErrors?.count == result.values.count)
    }
  }

  @Test func threadCountDoesNotChangeAnyBit() throws {
    var random = RandomForests(seed: 801, featureCount: 8, flavor: .xgboost)
    let model = try random.ensemble(treeCount: 25, maxDepth: 7)
    let background = try BackgroundData(random.rows(70), weights: Self.weights(70, seed: 8))
    let rows = random.rows(150)
    let labels = Self.labels(150, seed: 801)
    let groups = [FeatureGroup(name: "pair", members: [0, 3])]
    // More than 64 background rows, so the tree method's bit sets span two words; fewer rows
    // for sampling, which scores every hybrid (still several chunks).
    for (method, count) in [(LossExplainer.Method.tree, 150), (.permutation, 24)] {
      let explainer = try LossExplainer(
        model: model, background: background, groups: groups, method: method,
        maximumPermutations: 16)
      let subset = FeatureMatrix(
        values: Array(rows.values.prefix(count * rows.featureCount)), rowCount: count,
        featureCount: rows.featureCount)
      let some = Array(labels.prefix(count))
      let one = try explainer.explain(
        subset, labels: some, options: ExplainOptions(threads: 1, seed: 5))
      let three = try explainer.explain(
        subset, labels: some, options: ExplainOptions(threads: 3, seed: 5))
      #expect(one.values.map(\.bitPattern) == three.values.map(\.bitPattern))
      #expect(one.baselines.map(\.bitPattern) == three.baselines.map(\.bitPattern))
    }
  }

  @Test func permutationAgreesWithTreeWhenTheLossIsLinear() throws {
    var random = RandomForests(seed: 901, featureCount: 5, flavor: .lightGBM)
    let model = try random.ensemble(treeCount: 6, maxDepth: 5)
    let background = try BackgroundData(random.rows(8), weights: Self.weights(8, seed: 9))
    let rows = random.rows(6)
    let labels = Self.labels(6, seed: 901)
    let tree = try LossExplainer(
      model: model, background: background, loss: Self.linear, method: .tree
    ).explain(rows, labels: labels, options: ExplainOptions())
    let sampled = try LossExplainer(
      model: model, background: background, loss: Self.linear, method: .permutation,
      tolerance: 0, minimumPermutations: 1024, maximumPermutations: 1024
    ).explain(rows, labels: labels, options: ExplainOptions(seed: 11))
    let errors = try #require(sampled.standardErrors)
    for index in tree.values.indices {
      // The estimate is a mean of 512 antithetic pairs, about normal: 4.5 standard errors
      // miss with probability ~7e-6 per value. Players whose contribution never varies
      // have standard error 0 and are exact up to rounding.
      expectClose(
        sampled.values[index], tree.values[index], absolute: 4.5 * errors[index] + 1e-12,
        "value \(index)")
    }
  }

  @Test func permutationEstimatesTheLossGameItself() throws {
    var random = RandomForests(seed: 902, featureCount: 5, flavor: .xgboost)
    let model = try random.ensemble(treeCount: 6, maxDepth: 5)
    let weights = Self.weights(6, seed: 10)
    let backgroundRows = random.rows(6)
    let rows = random.rows(4)
    let labels = Self.labels(4, seed: 902)
    let sampled = try LossExplainer(
      model: model, background: BackgroundData(backgroundRows, weights: weights),
      method: .permutation, tolerance: 0, minimumPermutations: 1024,
      maximumPermutations: 1024
    ).explain(rows, labels: labels, options: ExplainOptions(seed: 12))
    let exact = try LossBruteForce.lossGame(
      model, rows: rows, labels: labels, background: backgroundRows, weights: weights,
      loss: .logLoss)
    let errors = try #require(sampled.standardErrors)
    for index in exact.indices {
      // As above: 4.5 standard errors of a mean of 512 antithetic pairs.
      expectClose(
        sampled.values[index], exact[index], absolute: 4.5 * errors[index] + 1e-12,
        "value \(index)")
    }
  }

  @Test func refusesWhatItCannotExplain() throws {
    let linear = TestLinearModel()
    let background = try BackgroundData(
      FeatureMatrix(values: [50, 0, 30], rowCount: 1, featureCount: 3))
    do {
      _ = try LossExplainer(model: linear, background: background, method: .tree)
      Issue.record("the tree method accepted a linear model")
    } catch let error as AttributionError {
      #expect(error.kind == .unsupportedModel)
      #expect(error.message.contains("'tree' needs a tree ensemble"))
    }
    let explainer = try LossExplainer(model: linear, background: background)
    let rows = FeatureMatrix(values: [1, 0, 2, 3, 1, 4], rowCount: 2, featureCount: 3)
    do {
      _ = try explainer.explain(rows, labels: [1], options: ExplainOptions())
      Issue.record("one label was accepted for two rows")
    } catch let error as AttributionError {
      #expect(error.kind == .invalidArgument)
      #expect(error.description.contains("1 labels were given for 2 rows"))
    }
    do {
      _ = try explainer.explain(rows, labels: [1, .nan], options: ExplainOptions())
      Issue.record("a NaN label was accepted")
    } catch let error as AttributionError {
      #expect(error.kind == .invalidArgument)
      #expect(error.description.contains("row 2: the label nan is not a finite number"))
    }
  }

  /// Multiclass models never reach the explainer: the loaders refuse them, since a
  /// ``ScoringModel`` has one margin per row and the loss game needs exactly one.
  @Test(arguments: ["xgb-german-multiclass/model.json", "lgb-german-multiclass/model.txt"])
  func multiclassModelsAreRefused(path: String) throws {
    do {
      _ = try ModelLoader.load(contentsOf: FixturePaths.fixture("models/" + path))
      Issue.record("the multiclass model \(path) was loaded")
    } catch {
      #expect("\(error)".contains("multiclass"))
    }
  }
}
