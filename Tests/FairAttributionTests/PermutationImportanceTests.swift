import FairAttribution
import FairMetrics
import FairModels
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

@Suite struct PermutationImportanceTests {
  typealias Models = AgnosticTestModels

  static let model = Models.Logistic(
    features: (0..<4).map { ModelFeature(name: "x\($0)") }, bias: 0.2,
    weights: [2, 0, -1, 0.5])

  static func labels(for matrix: FeatureMatrix, seed: UInt64) throws -> [Double] {
    var generator = SplitMix64(seed: seed)
    return try model.predict(matrix, output: .probability).map {
      generator.nextDouble() < $0 ? 1 : 0
    }
  }

  static let metrics: [any ImportanceMetric] = [
    AreaUnderCurve(), NegativeLogLoss(), DecisionAccuracy(threshold: 0.5),
    DecisionRate(threshold: 0.5),
  ]

  @Test(arguments: metrics)
  func anIgnoredFeatureHasImportanceExactlyZero(metric: any ImportanceMetric) throws {
    let rows = Models.matrix(rows: 300, width: 4, seed: 1)
    let importance = try PermutationImportance(model: Self.model, metric: metric, repeats: 4)
    let result = try importance.compute(
      rows, labels: Self.labels(for: rows, seed: 2), seed: 3, threads: 2)
    // x1 has weight 0: permuted rows score bit-for-bit like the originals.
    for repeatIndex in 0..<4 { #expect(result.importances[1 * 4 + repeatIndex] == 0) }
    #expect(result.means[1] == 0 && result.standardDeviations[1] == 0)
    if metric.needsLabels {
      // The strongest feature matters most.
      #expect(result.means[0] > result.means[3])
    }
  }

  @Test func threadCountDoesNotChangeAnyBit() throws {
    let rows = Models.matrix(rows: 40_000, width: 4, seed: 4)
    let labels = try Self.labels(for: rows, seed: 5)
    let importance = try PermutationImportance(
      model: Self.model, metric: .logLoss, repeats: 3,
      groups: [FeatureGroup(name: "rest", members: [2, 3])])
    let one = try importance.compute(rows, labels: labels, seed: 6, threads: 1)
    let four = try importance.compute(rows, labels: labels, seed: 6, threads: 4)
    #expect(one == four)
    #expect(one.featureNames == ["x0", "x1", "rest"])
  }

  @Test func groupsArePermutedWithOneRowOrder() throws {
    // margin = x0 − x1 with x0 = x1 in every row: permuting both with the same order keeps
    // every margin 0, so the group's importance is exactly 0.
    let model = Models.Logistic(
      features: [ModelFeature(name: "a"), ModelFeature(name: "b")], bias: 0, weights: [1, -1])
    let values = (0..<200).flatMap { row -> [Double] in [Double(row % 7), Double(row % 7)] }
    let rows = FeatureMatrix(values: values, rowCount: 200, featureCount: 2)
    let importance = try PermutationImportance(
      model: model, metric: .decisionRate(threshold: 0.6),
      groups: [FeatureGroup(name: "both", members: [0, 1])])
    let result = try importance.compute(rows, labels: [], seed: 1)
    #expect(result.importances.allSatisfy { $0 == 0 })
    let separate = try PermutationImportance(model: model, metric: .decisionRate(threshold: 0.6))
      .compute(rows, labels: [], seed: 1)
    #expect(separate.importances.contains { $0 != 0 })
  }

  @Test func aucHandlesTiesAsScikitLearn() throws {
    // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75;
    // with scores [1, 1, 2, 0] and labels [0, 1, 1, 0] the tie counts one half: 0.875.
    let model = Models.Logistic(features: [ModelFeature(name: "s")], bias: 0, weights: [1])
    let importance = try PermutationImportance(model: model, metric: .auc, repeats: 1)
    let plain = try importance.compute(
      FeatureMatrix(values: [0.1, 0.4, 0.35, 0.8], rowCount: 4, featureCount: 1),
      labels: [0, 0, 1, 1])
    expectClose(plain.baselineScore, 0.75, absolute: 1e-15)
    let tied = try importance.compute(
      FeatureMatrix(values: [1, 1, 2, 0], rowCount: 4, featureCount: 1), labels: [0, 1, 1, 0])
    expectClose(tied.baselineScore, 0.875, absolute: 1e-15)
  }

  @Test func rejectsLabelsThatDoNotFit() throws {
    let importance = try PermutationImportance(model: Self.model, metric: .auc)
    let rows = Models.matrix(rows: 3, width: 4, seed: 1)
    let error = #expect(throws: AttributionError.self) {
      try importance.compute(rows, labels: [1, 1, 1])
    }
    #expect(error?.subject == "labels")
  }
}
