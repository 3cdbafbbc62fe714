import FairAttribution
import FairModels
import Foundation
import Testing
import _FairTestSupport

@Suite struct PermutationShapleyTests {
  typealias Models = AgnosticTestModels

  @Test(arguments: [UInt64(1), 2, 3])
  func estimatesAreWithinTheirErrorsOfTheExactValues(seed: UInt64) throws {
    let width = 6
    let model = Models.polynomial(width: width, interactionCount: 8, seed: seed)
    let rows = Models.matrix(rows: 100, width: width, seed: seed &+ 10)
    let background = try BackgroundData(Models.matrix(rows: 4, width: width, seed: seed &+ 11))
    let explainer = try PermutationShapley(
      model: model, background: background, tolerance: 0.005, maximumPermutations: 512)
    let result = try explainer.explain(rows, options: ExplainOptions(seed: seed))
    let errors = try #require(result.standardErrors)
    var covered = 0
    for row in 0..<rows.rowCount {
      let exact = try Models.bruteForce(
        model: model, row: Models.row(rows, row), background: background,
        players: (0..<width).map { [$0] }, probability: false, link: .identity)
      for feature in 0..<width {
        let index = row * width + feature
        // Features without interactions are exact up to rounding (standard error ~1e-17),
        // hence the 1e-12 floor.
        if abs(result.values[index] - exact.values[feature]) <= 3 * errors[index] + 1e-12 {
          covered += 1
        }
      }
      // Base value: the background mean; one rounding per background row.
      expectClose(result.baseValues[row], exact.base, absolute: 1e-12)
    }
    #expect(covered >= 594, "\(covered) of 600 cells within 3 SE")
    // Every antithetic pair adds up to f(x) − E f, so local accuracy is exact to rounding.
    #expect(result.largestAdditivityGap < 1e-12)
  }

  @Test func anAdditiveModelIsExact() throws {
    let width = 5
    let model = Models.polynomial(width: width, interactionCount: 0, seed: 8)
    let rows = Models.matrix(rows: 6, width: width, seed: 9)
    let background = try BackgroundData(Models.matrix(rows: 3, width: width, seed: 10))
    let result = try PermutationShapley(model: model, background: background, tolerance: 1e-9)
      .explain(rows, options: ExplainOptions(output: .margin, seed: 4))
    for row in 0..<rows.rowCount {
      let exact = try Models.bruteForce(
        model: model, row: Models.row(rows, row), background: background,
        players: (0..<width).map { [$0] }, probability: false, link: .identity)
      // Every marginal contribution of an additive model is its Shapley value; only
      // rounding differs between permutations.
      expectAllClose(Array(result.row(row)), exact.values, absolute: 1e-12)
    }
    #expect(result.standardErrors?.allSatisfy { $0 < 1e-12 } == true)
  }

  @Test func threadCountDoesNotChangeAnyBit() throws {
    let model = Models.polynomial(width: 7, interactionCount: 9, seed: 12)
    let rows = Models.matrix(rows: 17, width: 7, seed: 13)
    let background = try BackgroundData(Models.matrix(rows: 30, width: 7, seed: 14))
    let explainer = try PermutationShapley(
      model: model, background: background, tolerance: 0.02, minimumPermutations: 16,
      maximumPermutations: 64,
      groups: [FeatureGroup(name: "pair", members: [2, 4])])
    let one = try explainer.explain(rows, options: ExplainOptions(output: .probability, seed: 3))
    let four = try explainer.explain(
      rows, options: ExplainOptions(output: .probability, threads: 4, seed: 3))
    #expect(one == four)
    #expect(one.featureNames == ["x0", "x1", "pair", "x3", "x5", "x6"])
  }
}
