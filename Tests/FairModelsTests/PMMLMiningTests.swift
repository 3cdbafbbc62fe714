import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// `MiningModel` segmentations: sums in `Float`, model chains, averages, votes, selection.
@Suite struct PMMLMiningTests {
  static let fields = """
    <DataField name="x" optype="continuous" dataType="double"/>
    <DataField name="approved" optype="categorical" dataType="integer"><Value value="0"/><Value value="1"/></DataField>
    <DataField name="y" optype="continuous" dataType="double"/>
    """

  static func leaf(_ score: String, function: String = "regression", extra: String = "") -> String {
    """
    <TreeModel functionName="\(function)"\(extra)><MiningSchema><MiningField name="x"/></MiningSchema>
      <Node score="\(score)"><True/></Node></TreeModel>
    """
  }

  static func sum(context: String) -> String {
    PMMLTesting.document(
      fields: fields,
      model: """
        <MiningModel functionName="regression"\(context)>
          <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Targets><Target field="y" rescaleConstant="0.5"/></Targets>
          <Segmentation multipleModelMethod="sum">
            <Segment><True/>\(leaf("0.1", extra: context))</Segment>
            <Segment><True/>\(leaf("0.2", extra: context))</Segment>
            <Segment><True/>\(leaf("0.3", extra: context))</Segment>
          </Segmentation>
        </MiningModel>
        """)
  }

  @Test func floatContextSumsInFloat() throws {
    let float = try PMMLTesting.load(Self.sum(context: " x-mathContext=\"float\""))
    let double = try PMMLTesting.load(Self.sum(context: ""))
    let inFloat = Double(Float(0.1) + Float(0.2) + Float(0.3) + Float(0.5))
    let inDouble = 0.1 + 0.2 + 0.3 + 0.5
    #expect(inFloat != inDouble)
    // Both are exact reproductions of the arithmetic the context asks for.
    expectClose(try PMMLTesting.scores(float, csv: "x\n1\n")[0], inFloat, absolute: 0)
    expectClose(try PMMLTesting.scores(double, csv: "x\n1\n")[0], inDouble, absolute: 0)
  }

  static let chain = PMMLTesting.document(
    fields: fields,
    model: """
      <MiningModel functionName="classification">
        <MiningSchema><MiningField name="x"/><MiningField name="approved" usageType="target"/></MiningSchema>
        <Segmentation multipleModelMethod="modelChain">
          <Segment id="1"><True/>
            <MiningModel functionName="regression">
              <MiningSchema><MiningField name="x"/></MiningSchema>
              <Output>
                <OutputField name="decisionFunction(1)" optype="continuous" dataType="double" feature="predictedValue" isFinalResult="false"/>
              </Output>
              <Targets><Target rescaleFactor="0.1" rescaleConstant="-0.2"/></Targets>
              <Segmentation multipleModelMethod="sum">
                <Segment><True/>
                  <TreeModel functionName="regression" noTrueChildStrategy="returnLastPrediction">
                    <MiningSchema><MiningField name="x"/></MiningSchema>
                    <Node score="1"><True/><Node score="-2"><SimplePredicate field="x" operator="lessThan" value="0"/></Node></Node>
                  </TreeModel>
                </Segment>
                <Segment><True/>
                  <TreeModel functionName="regression" noTrueChildStrategy="returnLastPrediction">
                    <MiningSchema><MiningField name="x"/></MiningSchema>
                    <Node score="3"><True/><Node score="4"><SimplePredicate field="x" operator="greaterThan" value="5"/></Node></Node>
                  </TreeModel>
                </Segment>
              </Segmentation>
            </MiningModel>
          </Segment>
          <Segment id="2"><True/>
            <RegressionModel functionName="classification" normalizationMethod="logit">
              <MiningSchema><MiningField name="decisionFunction(1)"/><MiningField name="approved" usageType="target"/></MiningSchema>
              <Output>
                <OutputField name="probability(0)" optype="continuous" dataType="double" feature="probability" value="0"/>
                <OutputField name="probability(1)" optype="continuous" dataType="double" feature="probability" value="1"/>
              </Output>
              <RegressionTable intercept="0.0" targetCategory="1"><NumericPredictor name="decisionFunction(1)" coefficient="1.0"/></RegressionTable>
              <RegressionTable intercept="0.0" targetCategory="0"/>
            </RegressionModel>
          </Segment>
        </Segmentation>
      </MiningModel>
      """)

  @Test func modelChainPassesOutputsAndKeepsTheLogOdds() throws {
    let model = try PMMLTesting.load(Self.chain)
    #expect(model.outputTransform == .logistic)
    #expect(model.trees.count == 2)
    #expect(!model.isDifferentiable)
    let margins = try PMMLTesting.scores(model, csv: "x\n-1\n7\n2\nNA\n")
    // margin = 0.1·(tree₁ + tree₂) − 0.2; a missing x falls back to each root's score.
    expectClose(margins[0], 0.1 * 1 - 0.2, absolute: 1e-15)
    expectClose(margins[1], 0.1 * 5 - 0.2, absolute: 1e-15)
    expectClose(margins[2], 0.1 * 4 - 0.2, absolute: 1e-15)
    expectClose(margins[3], 0.1 * 4 - 0.2, absolute: 1e-15)
  }

  static func ensemble(_ method: String, weights: [Double] = [1, 1, 1], treatment: String = "")
    -> String
  {
    let trees = [(0.2, "0"), (0.9, "1"), (0.7, "1")].enumerated().map { index, tree in
      """
      <Segment weight="\(weights[index])"><True/>
        <TreeModel functionName="classification" missingValueStrategy="nullPrediction">
          <MiningSchema><MiningField name="x"/></MiningSchema>
          <Node><True/>
            <Node score="\(tree.1)"><SimplePredicate field="x" operator="greaterThan" value="\(index)"/>
              <ScoreDistribution value="0" recordCount="\(1 - tree.0)"/>
              <ScoreDistribution value="1" recordCount="\(tree.0)"/>
            </Node>
            <Node score="0"><True/><ScoreDistribution value="0" recordCount="1"/><ScoreDistribution value="1" recordCount="0"/></Node>
          </Node>
        </TreeModel>
      </Segment>
      """
    }
    return PMMLTesting.document(
      fields: fields,
      model: """
        <MiningModel functionName="classification">
          <MiningSchema><MiningField name="x"/><MiningField name="approved" usageType="target"/></MiningSchema>
          <Segmentation multipleModelMethod="\(method)"\(treatment)>\(trees.joined())</Segmentation>
        </MiningModel>
        """)
  }

  @Test func averagesVotesAndWeights() throws {
    let average = try PMMLTesting.scores(
      try PMMLTesting.load(Self.ensemble("average")), csv: "x\n5\n1.5\n")
    // x = 5: every tree's first leaf; x = 1.5: trees 1 and 2 take it, tree 3 gives 0.
    expectClose(average[0], (0.2 + 0.9 + 0.7) / 3, relative: 1e-15)
    expectClose(average[1], (0.2 + 0.9 + 0) / 3, relative: 1e-15)
    let weighted = try PMMLTesting.scores(
      try PMMLTesting.load(Self.ensemble("weightedAverage", weights: [1, 2, 3])), csv: "x\n5\n")
    expectClose(weighted[0], (0.2 + 1.8 + 2.1) / 6, relative: 1e-15)
    let votes = try PMMLTesting.scores(
      try PMMLTesting.load(Self.ensemble("majorityVote")), csv: "x\n5\n1.5\n")
    expectClose(votes[0], 2.0 / 3, relative: 1e-15)
    expectClose(votes[1], 1.0 / 3, relative: 1e-15)
  }

  @Test func missingPredictionTreatments() throws {
    let csv = "x\nNA\n"
    let plain = try PMMLTesting.scores(try PMMLTesting.load(Self.ensemble("average")), csv: csv)
    #expect(plain[0].isNaN)
    let skip = Self.ensemble(
      "average", treatment: " missingPredictionTreatment=\"skipSegment\" missingThreshold=\"1\"")
    #expect(try PMMLTesting.scores(try PMMLTesting.load(skip), csv: csv)[0].isNaN)
    let returnMissing = Self.ensemble(
      "majorityVote", treatment: " missingPredictionTreatment=\"returnMissing\"")
    #expect(try PMMLTesting.scores(try PMMLTesting.load(returnMissing), csv: csv)[0].isNaN)
  }

  @Test func selectFirstUsesTheFirstTrueSegment() throws {
    let text = PMMLTesting.document(
      fields: Self.fields,
      model: """
        <MiningModel functionName="regression">
          <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Segmentation multipleModelMethod="selectFirst">
            <Segment><SimplePredicate field="x" operator="lessThan" value="0"/>\(Self.leaf("1"))</Segment>
            <Segment><True/>\(Self.leaf("2"))</Segment>
          </Segmentation>
        </MiningModel>
        """)
    let scores = try PMMLTesting.scores(try PMMLTesting.load(text), csv: "x\n-1\n1\nNA\n")
    #expect(scores == [1, 2, 2])
  }

  @Test func refusesSelectAllAndUncomputableChainOutputs() {
    let selectAll = Self.ensemble("selectAll")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(selectAll) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "/PMML/MiningModel/Segmentation")
    let decision = Self.chain.replacingOccurrences(
      of: "feature=\"predictedValue\" isFinalResult", with: "feature=\"decision\" isFinalResult")
    let chainError = PMMLTesting.modelError { _ = try PMMLTesting.load(decision) }
    #expect(chainError?.kind == .unsupported)
    #expect(chainError?.message.contains("'decision'") == true)
  }
}
