import FairAttribution
import FairModels
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// KernelSHAP values hybrid margins from term values for models whose margin is a sum of
/// per-feature terms; these tests check that this gives what scoring the hybrids gives.
@Suite struct KernelSHAPAdditiveTests {
  /// Hides the concrete type of a model, so that explainers must score hybrid rows.
  struct Opaque: ScoringModel {
    let base: any ScoringModel
    var features: [ModelFeature] { base.features }
    var task: ModelTask { base.task }
    var outputTransform: OutputTransform { base.outputTransform }
    var summary: String { base.summary }
    func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) throws {
      try base.scoreMargins(batch, into: &margins)
    }
  }

  /// The PMML logistic-regression pipeline of `fixtures/pmml` (sklearn2pmml 0.133.1; see its
  /// `metadata.json`): 20 raw inputs, one-hot and scaled inside the document.
  @Test(arguments: [KernelSHAP.Link.identity, .logit])
  func pmmlTermsGiveTheScoredValues(link: KernelSHAP.Link) throws {
    let folder = FixturePaths.fixture("pmml/logistic-regression")
    let model = try PMMLModelLoader.load(contentsOf: folder + "/model.pmml")
    let dataset = try CSVReader(options: CSVOptions(columnTypes: model.preferredColumnTypes))
      .read(contentsOf: folder + "/data.csv")
    let all = try FeatureMatrix(binding: dataset, to: model.features, file: "data.csv")
    let width = all.featureCount
    let rows = FeatureMatrix(
      values: Array(all.values[0..<(4 * width)]), rowCount: 4, featureCount: width)
    let background = try BackgroundData(
      FeatureMatrix(
        values: Array(all.values[(900 * width)..<(920 * width)]), rowCount: 20,
        featureCount: width))
    let output: OutputSpace = link == .logit ? .margin : .probability
    let options = ExplainOptions(output: output, threads: 2, seed: 5)
    let fast = try KernelSHAP(model: model, background: background, link: link, sampleCount: 500)
      .explain(rows, options: options)
    let scored = try KernelSHAP(
      model: Opaque(base: model), background: background, link: link, sampleCount: 500
    ).explain(rows, options: options)
    // Same coalitions (same seed); the margins differ only in the order of the term sums,
    // a few ulps of values of order 1.
    expectAllClose(fast.values, scored.values, absolute: 1e-12, "\(link)")
    expectAllClose(fast.baseValues, scored.baseValues, absolute: 1e-12)
  }
}

extension AgnosticTestModels.Logistic: LinearMarginModel {
  var intercept: Double { bias }
  var linearTerms: [LinearTerm] {
    weights.enumerated().map { LinearTerm(feature: $0, coefficient: $1, name: "x\($0)") }
  }
}

extension KernelSHAPAdditiveTests {
  @Test func linearMarginModelsNeedNoScoring() throws {
    let model = AgnosticTestModels.Logistic(
      features: (0..<6).map { ModelFeature(name: "x\($0)") }, bias: 0.4,
      weights: [1, -2, 0.5, 0, 3, -0.25])
    let rows = AgnosticTestModels.matrix(rows: 5, width: 6, seed: 1)
    let background = try BackgroundData(AgnosticTestModels.matrix(rows: 7, width: 6, seed: 2))
    let options = ExplainOptions(output: .probability, seed: 3)
    let fast = try KernelSHAP(model: model, background: background, sampleCount: 40)
      .explain(rows, options: options)
    let scored = try KernelSHAP(
      model: Opaque(base: model), background: background, sampleCount: 40
    ).explain(rows, options: options)
    // Probabilities of order 1 from margins that differ in summation order only.
    expectAllClose(fast.values, scored.values, absolute: 1e-13)
  }
}
