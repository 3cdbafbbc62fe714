import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// `TreeModel`: predicates, three-valued logic, missing-value and no-true-child strategies.
@Suite struct PMMLTreeTests {
  static let classifier = PMMLTesting.document(
    fields: """
      <DataField name="income" optype="continuous" dataType="double"/>
      <DataField name="region" optype="categorical" dataType="string"/>
      <DataField name="approved" optype="categorical" dataType="integer"><Value value="0"/><Value value="1"/></DataField>
      """,
    model: """
      <TreeModel functionName="classification" missingValueStrategy="nullPrediction">
        <MiningSchema><MiningField name="income"/><MiningField name="region"/><MiningField name="approved" usageType="target"/></MiningSchema>
        <Node>
          <True/>
          <Node score="1" recordCount="12.5">
            <SimplePredicate field="income" operator="lessOrEqual" value="50.5"/>
            <ScoreDistribution value="0" recordCount="0.25"/>
            <ScoreDistribution value="1" recordCount="0.75"/>
          </Node>
          <Node score="0" recordCount="7">
            <True/>
            <Node score="0">
              <SimpleSetPredicate field="region" booleanOperator="isIn">
                <Array n="2" type="string">"North East" "S \\"x\\""</Array>
              </SimpleSetPredicate>
              <ScoreDistribution value="0" recordCount="0.6"/>
              <ScoreDistribution value="1" recordCount="0.2"/>
            </Node>
            <Node score="1">
              <True/>
              <ScoreDistribution value="0" probability="0.1"/>
              <ScoreDistribution value="1" probability="0.9"/>
            </Node>
          </Node>
        </Node>
      </TreeModel>
      """)

  @Test func classifierNormalisesScoreDistributions() throws {
    let model = try PMMLTesting.load(Self.classifier)
    #expect(model.outputTransform == .identity)
    let csv = "income,region\n40,N\n60,North East\n60,N\n,N\n60,\n60,\"S \"\"x\"\"\"\n"
    let matrix = try PMMLTesting.matrix(model, csv: csv)
    let margins = try model.predict(matrix)
    // Fractional record counts normalise: 0.75 / (0.25 + 0.75) and 0.2 / (0.6 + 0.2).
    expectClose(margins[0], 0.75, relative: 1e-15)
    expectClose(margins[1], 0.25, relative: 1e-15)
    expectClose(margins[2], 0.9, relative: 1e-15)
    #expect(margins[3].isNaN)
    #expect(margins[4].isNaN)
    expectClose(margins[5], 0.25, relative: 1e-15)
    #expect(model.rowIssues(matrix).map(\.row) == [3, 4])
    let tree = try #require(model.trees.first)
    #expect(tree.nodeCount == 5)
    #expect(tree.recordCount[1] == 12.5 && tree.recordCount[2] == 7 && tree.recordCount[0].isNaN)
    #expect(Array(tree.children(of: 2)) == [3, 4])
    #expect(tree.parent == [-1, 0, 0, 2, 2])
  }

  /// The first tree of an `XGBClassifier` pipeline converted by sklearn2pmml 0.133.1, as
  /// jpmml-xgboost compacts it (it splits on `age` and `region`).
  ///
  /// Compaction moves each default (missing-value) child's score into its parent and turns
  /// its predicate into `True`; with `noTrueChildStrategy="returnLastPrediction"` a row that
  /// matches no child keeps its parent's score. The four leaves are `age < 59 & region ≠ S`
  /// → −0.3585, `age < 59 & region = S` → 0.1493, `age ≥ 59 & region ≠ S` → 0.2039 and
  /// `age ≥ 59 & region = S` → 0.6033.
  static let compacted = PMMLTesting.document(
    fields: """
      <DataField name="age" optype="continuous" dataType="double"/>
      <DataField name="region" optype="categorical" dataType="string"><Value value="N"/><Value value="S"/></DataField>
      <DataField name="y" optype="continuous" dataType="double"/>
      """,
    model: """
      <TreeModel functionName="regression" noTrueChildStrategy="returnLastPrediction" x-mathContext="float">
        <MiningSchema><MiningField name="age"/><MiningField name="region"/><MiningField name="y" usageType="target"/></MiningSchema>
        <LocalTransformations>
          <DerivedField name="float(age)" optype="continuous" dataType="float"><FieldRef field="age"/></DerivedField>
        </LocalTransformations>
        <Node score="0.60329956">
          <True/>
          <Node score="0.14933586">
            <SimplePredicate field="float(age)" operator="lessThan" value="59.0"/>
            <Node score="-0.35848966"><SimplePredicate field="region" operator="notEqual" value="S"/></Node>
          </Node>
          <Node score="0.20394412"><SimplePredicate field="region" operator="notEqual" value="S"/></Node>
        </Node>
      </TreeModel>
      """)

  @Test func compactedTreesFallThroughToHoistedScores() throws {
    let model = try PMMLTesting.load(Self.compacted)
    let csv = "age,region\n30,N\n30,S\n70,N\n70,S\n,N\n,S\n30,\n58.99999999,N\n"
    let scores = try PMMLTesting.scores(model, csv: csv)
    // The last row's age rounds to 59 in Float, so it is not below the split (pitfall 3).
    let expected: [Float] = [
      -0.35848966, 0.14933586, 0.20394412, 0.60329956, 0.20394412, 0.60329956, 0.14933586,
      0.20394412,
    ]
    for (score, value) in zip(scores, expected) {
      // Scores are Float values under x-mathContext="float": exact.
      expectClose(score, Double(value), absolute: 0)
    }
  }

  static func strategies(_ missing: String, _ noTrueChild: String, extra: String = "") -> String {
    PMMLTesting.document(
      fields: """
        <DataField name="x" optype="continuous" dataType="double"/>
        <DataField name="z" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
      model: """
        <TreeModel functionName="regression" missingValueStrategy="\(missing)" noTrueChildStrategy="\(noTrueChild)">
          <MiningSchema><MiningField name="x"/><MiningField name="z"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Node id="0" score="10" defaultChild="2">
            <True/>
            <Node id="1" score="20" defaultChild="4">
              <SimplePredicate field="x" operator="lessThan" value="5"/>
              <Node id="3" score="30"><SimplePredicate field="z" operator="lessThan" value="1"/></Node>
              <Node id="4" score="40"><SimplePredicate field="z" operator="greaterOrEqual" value="1"/></Node>
              \(extra)
            </Node>
            <Node id="2" score="50"><SimplePredicate field="x" operator="greaterOrEqual" value="5"/></Node>
          </Node>
        </TreeModel>
        """)
  }

  static let strategyRows = "x,z\n3,0\n3,\n,0\n7,0\n"

  @Test(arguments: [
    ("none", [30.0, 20.0, 10.0, 50.0]),
    ("nullPrediction", [30.0, .nan, .nan, 50.0]),
    ("lastPrediction", [30.0, 20.0, 10.0, 50.0]),
    ("defaultChild", [30.0, 40.0, 50.0, 50.0]),
  ])
  func missingValueStrategies(strategy: String, expected: [Double]) throws {
    let model = try PMMLTesting.load(Self.strategies(strategy, "returnLastPrediction"))
    let scores = try PMMLTesting.scores(model, csv: Self.strategyRows)
    for (score, value) in zip(scores, expected) { expectClose(score, value, absolute: 0) }
  }

  @Test func noTrueChildReturnsNullByDefault() throws {
    let model = try PMMLTesting.load(Self.strategies("none", "returnNullPrediction"))
    let scores = try PMMLTesting.scores(model, csv: "x,z\n3,\n3,2\n")
    #expect(scores[0].isNaN)
    expectClose(scores[1], 40, absolute: 0)
  }

  @Test func compoundPredicatesFollowThreeValuedLogic() throws {
    let text = Self.strategies("nullPrediction", "returnNullPrediction").replacingOccurrences(
      of: "<SimplePredicate field=\"x\" operator=\"lessThan\" value=\"5\"/>",
      with: """
        <CompoundPredicate booleanOperator="surrogate">
          <SimplePredicate field="x" operator="lessThan" value="5"/>
          <SimplePredicate field="z" operator="lessThan" value="3"/>
          <False/>
        </CompoundPredicate>
        """
    ).replacingOccurrences(
      of: "<SimplePredicate field=\"x\" operator=\"greaterOrEqual\" value=\"5\"/>",
      with: """
        <CompoundPredicate booleanOperator="xor">
          <SimplePredicate field="x" operator="greaterOrEqual" value="5"/>
          <SimplePredicate field="z" operator="isMissing"/>
        </CompoundPredicate>
        """)
    let model = try PMMLTesting.load(text)
    let scores = try PMMLTesting.scores(model, csv: "x,z\n,0\n,7\n7,\n7,0\n")
    // Row 1: the surrogate decides by z < 3, then x is unknown below; row 2: the surrogate
    // is false (z ≥ 3), the xor reads the missing x: unknown, so no prediction.
    expectClose(scores[0], 30, absolute: 0)
    #expect(scores[1].isNaN)
    #expect(scores[2].isNaN)
    expectClose(scores[3], 50, absolute: 0)
  }

  @Test func refusesUnsupportedStrategiesNamingTheElement() {
    let text = Self.strategies("weightedConfidence", "returnNullPrediction")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "/PMML/TreeModel")
    #expect(error?.message.contains("weightedConfidence") == true)
  }

  @Test func refusesEmbeddedModelsInNodes() {
    let text = Self.strategies(
      "none", "returnNullPrediction",
      extra: "<Node score=\"1\"><True/><Regression functionName=\"regression\"/></Node>")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "/PMML/TreeModel/Node/Node[1]/Node[3]/Regression")
  }
}
