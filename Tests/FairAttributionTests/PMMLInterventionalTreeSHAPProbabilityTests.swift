import FairAttribution
import FairTabular
import Testing
import _FairTestSupport

// `LogitLinkedTrees` rescales the members of `PMMLAdditiveTrees`, whose memberwise
// initialisers are internal to FairModels.
@testable import FairModels

/// Probability-space interventional TreeSHAP of the sklearn2pmml decision tree and random
/// forest: as they are (classifiers whose margin already is the probability), and read
/// through a logistic link so that shap's per-reference rescaling does real work.
@Suite struct PMMLInterventionalTreeSHAPProbabilityTests {
  static let fixtures = PMMLInterventionalTreeSHAPTests.fixtures
  static let weights = [1.0, 2, 3, 1, 2, 3, 1, 2]

  /// The fixture's classifiers have the identity transform, so the factor is exactly 1 and
  /// the probability values are the margin values, bit for bit.
  @Test(arguments: fixtures)
  func identityClassifiersGiveTheirMarginValues(fixture: String) throws {
    let (model, all) = try PMMLFixtureRows.load(fixture)
    #expect(model.task == .binaryClassification && model.outputTransform == .identity)
    let explainer = try PMMLInterventionalTreeSHAP(
      model: model, background: PMMLFixtureRows.slice(all, 900..<908), weights: Self.weights)
    #expect(explainer.supportedOutputs == [.margin, .probability])
    let rows = PMMLFixtureRows.slice(all, 0..<20)
    let margin = try explainer.explain(rows, options: ExplainOptions())
    let probability = try explainer.explain(rows, options: ExplainOptions(output: .probability))
    #expect(probability.outputSpace == .probability)
    #expect(probability.values.map(\.bitPattern) == margin.values.map(\.bitPattern))
    #expect(probability.baseValues == margin.baseValues)
    #expect(probability.predictions == margin.predictions)
  }

  /// Matches the definition enumerated per background row through the linked model's own
  /// scoring, with the players of `PMMLInterventionalTreeSHAPTests` (fields outside them
  /// take the explained row's value in every background row, so they are null players of
  /// every pair's game and get exactly 0).
  @Test(.tags(.slow), arguments: fixtures)
  func linkedTreesMatchThePerReferenceRescaledEnumeration(fixture: String) throws {
    let (pmml, all) = try PMMLFixtureRows.load(fixture)
    let model = LogitLinkedTrees(pmml)
    let width = model.featureCount
    let players = PMMLInterventionalTreeSHAPTests.players(
      try PMMLInterventionalTreeSHAPTests.splitCounts(pmml))
    let playerSet = Set(players)
    let reference = PMMLFixtureRows.slice(all, 900..<908)
    let references = reference.rowCount
    let total = Self.weights.reduce(0, +)
    let shares = Self.weights.map { $0 / total }
    var worst = 0.0
    for row in 0..<5 {
      let x = all.values[(row * width)..<((row + 1) * width)]
      var values = reference.values
      for b in 0..<references {
        for field in 0..<width where !playerSet.contains(field) {
          values[b * width + field] = x[x.startIndex + field]
        }
      }
      let background = FeatureMatrix(values: values, rowCount: references, featureCount: width)
      let explainer = try PMMLInterventionalTreeSHAP(
        trees: model, background: background, weights: Self.weights)
      let result = try explainer.explain(
        PMMLFixtureRows.slice(all, row..<(row + 1)), options: ExplainOptions(output: .probability))
      let coalitions = 1 << players.count
      var hybrids: [Double] = []
      hybrids.reserveCapacity(coalitions * references * width)
      for mask in 0..<coalitions {
        for b in 0..<references {
          var hybrid = Array(values[(b * width)..<((b + 1) * width)])
          for (bit, field) in players.enumerated() where mask & (1 << bit) != 0 {
            hybrid[field] = x[x.startIndex + field]
          }
          hybrids += hybrid
        }
      }
      var scored: [Double] = []
      try model.scoreMargins(
        RowBatch(values: hybrids[...], featureCount: width), into: &scored)
      let expected = RescaledShapley.values(
        playerCount: players.count, weights: shares, transform: .logistic
      ) { mask, b in scored[mask * references + b] }
      for (bit, field) in players.enumerated() {
        worst = max(worst, abs(result.values[field] - expected[bit]))
      }
      for field in 0..<width where !playerSet.contains(field) {
        #expect(result.values[field] == 0, "\(fixture) row \(row + 1) field \(field)")
      }
    }
    // Both sides are exact in Double: 2^12 coalitions of margins in [−3, 3] on one side,
    // a few hundred leaf shares per pair on the other, so rounding is near 1e-14; 1e-10 is
    // the acceptance bound, far below any wrong leaf weight (≳ 1e-5 after rescaling).
    #expect(worst <= 1e-10, "\(fixture): largest difference from the definition \(worst)")
  }

  @Test(arguments: fixtures)
  func localAccuracyHoldsForLinkedTrees(fixture: String) throws {
    let (pmml, all) = try PMMLFixtureRows.load(fixture)
    let model = LogitLinkedTrees(pmml)
    let background = PMMLFixtureRows.slice(all, 900..<908)
    let explainer = try PMMLInterventionalTreeSHAP(
      trees: model, background: background, weights: Self.weights)
    #expect(explainer.supportedOutputs == [.margin, .probability])
    var margins: [Double] = []
    try model.scoreMargins(background.batch(rows: 0..<8), into: &margins)
    let total = Self.weights.reduce(0, +)
    // The same eight products summed in the same order.
    expectClose(
      explainer.baseValue(for: .probability),
      RescaledShapley.baseValue(
        margins: margins, weights: Self.weights.map { $0 / total }, transform: .logistic),
      absolute: 1e-15)
    let rows = PMMLFixtureRows.slice(all, 0..<40)
    let result = try explainer.explain(rows, options: ExplainOptions(output: .probability))
    let probabilities = try model.predict(rows, output: .probability)
    #expect(result.predictions == probabilities)
    // Per pair the leaf shares add up to f(x) − f(r) up to rounding of margins in [−3, 3],
    // and the factor is at most 1/4.
    expectClose(result.largestAdditivityGap, 0, absolute: 1e-12, fixture)
  }

  @Test(arguments: fixtures)
  func threadCountDoesNotChangeAnyBit(fixture: String) throws {
    let (pmml, all) = try PMMLFixtureRows.load(fixture)
    let explainer = try PMMLInterventionalTreeSHAP(
      trees: LogitLinkedTrees(pmml), background: PMMLFixtureRows.slice(all, 900..<908),
      weights: Self.weights)
    let rows = PMMLFixtureRows.slice(all, 0..<50)
    let one = try explainer.explain(rows, options: ExplainOptions(output: .probability))
    let four = try explainer.explain(
      rows, options: ExplainOptions(output: .probability, threads: 4))
    #expect(one.values.map(\.bitPattern) == four.values.map(\.bitPattern))
    #expect(one.baseValues == four.baseValues)
  }

  @Test func regressionTreesAttributeOnlyTheMargin() throws {
    let model = try PMMLModelLoader.load(
      data: Array(PMMLInterventionalTreeSHAPTests.chainPMML.utf8), file: "chain.pmml")
    let explainer = try PMMLInterventionalTreeSHAP(
      model: model, background: FeatureMatrix(values: [-1, 1], rowCount: 1, featureCount: 2))
    #expect(explainer.supportedOutputs == [.margin])
    let error = #expect(throws: AttributionError.self) {
      try explainer.explain(
        FeatureMatrix(values: [1, -1], rowCount: 1, featureCount: 2),
        options: ExplainOptions(output: .probability))
    }
    #expect(error?.kind == .unsupportedOutput)
  }

  /// Path-dependent TreeSHAP has no probability form; its refusal points to the
  /// interventional method.
  @Test func pathDependentTreeSHAPPointsToTreeInterventional() throws {
    let pmml = try PMMLModelLoader.load(
      data: Array(PMMLTreeSHAPTests.classifierPMML.utf8), file: "classifier.pmml")
    let rows = FeatureMatrix(values: [0.2, 1.0, 0.5, 0], rowCount: 1, featureCount: 4)
    let options = ExplainOptions(output: .probability)
    let pmmlError = #expect(throws: AttributionError.self) {
      try PMMLTreeSHAP(model: pmml).explain(rows, options: options)
    }
    let ensemble = try TestModels.xgboostLogistic()
    let treeError = #expect(throws: AttributionError.self) {
      try TreeSHAP(model: ensemble).explain(
        FeatureMatrix(values: [0.3, 1, 0], rowCount: 1, featureCount: 3), options: options)
    }
    for error in [pmmlError, treeError] {
      #expect(error?.kind == .unsupportedOutput)
      #expect(
        error?.message.contains("use 'tree-interventional'") == true, "\(String(describing: error))"
      )
    }
  }
}

/// A PMML tree model whose margin (the probability of the positive class) is read as
/// log-odds after an affine map, `6·p − 3`, through a logistic link: the shape of a boosted
/// classifier, built from the fixtures' trees.
private struct LogitLinkedTrees: AdditiveTreeModel {
  let model: PMMLModel
  let scale = 6.0
  let shift = -3.0

  init(_ model: PMMLModel) { self.model = model }

  var features: [ModelFeature] { model.features }
  var task: ModelTask { .binaryClassification }
  var outputTransform: OutputTransform { .logistic }
  var summary: String { "logit-linked " + model.summary }
  var hasTrees: Bool { model.hasTrees }

  func additiveTrees(requiringCovers: Bool) throws -> PMMLAdditiveTrees {
    let trees = try model.additiveTrees(requiringCovers: requiringCovers)
    return PMMLAdditiveTrees(
      offset: scale * trees.offset + shift,
      members: trees.members.map { member in
        PMMLAdditiveTrees.Member(
          tree: member.tree, weight: scale * member.weight, splitFeature: member.splitFeature,
          predicateFeature: member.predicateFeature, body: member.body)
      })
  }

  func treeRoutes(_ batch: RowBatch, trees: PMMLAdditiveTrees) -> [Int32] {
    model.treeRoutes(batch, trees: trees)
  }

  func predicateTruths(_ batch: RowBatch, trees: PMMLAdditiveTrees) -> [Int8] {
    model.predicateTruths(batch, trees: trees)
  }

  func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) throws {
    model.scoreMargins(batch, into: &margins)
    for index in margins.indices { margins[index] = scale * margins[index] + shift }
  }
}
