import FairTabular
import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// `TreeModel@missingValueStrategy` `weightedConfidence` and `aggregateNodes`.
///
/// Expected values are worked out by hand from the PMML 4.4 `TreeModel` definitions.
///
/// Cross-checks, run on the same documents:
/// - jpmml-evaluator 1.7.7 (`jpmml_evaluator` 0.16.0 for Python) implements neither
///   strategy: it agrees on every row where no predicate is unknown (rows 1 and 5 of
///   ``rows``, row 2 of the chain) and refuses the others with "Attribute with value
///   TreeModel@missingValueStrategy=… is not supported".
/// - PMML4S 1.5.8 (`pypmml` 1.5.8) with `aggregateNodes` on ``twoLevel(_:function:)``
///   predicts class 0 with confidence 46/85, 38/55 and 48/95 on rows 2–4, the complements
///   of the probabilities below: full agreement. Its `weightedConfidence` reads only the
///   `ScoreDistribution@confidence` attribute, which these documents do not carry, and gives
///   no prediction. On ``chain(_:)`` it ignores an unknown child when a later sibling is
///   true, as none of its other strategies does, and so disagrees there (0.2, not 0.38).
@Suite struct PMMLTreeMissingStrategyTests {
  /// A two-level classification tree with record counts and score distributions.
  ///
  /// ```
  /// root            recordCount 100
  /// ├─ A  x1 < 5    recordCount 60
  /// │  ├─ A1 x2 < 3   recordCount 45, counts 0: 36, 1: 9   P(1) = 0.2
  /// │  └─ A2 x2 ≥ 3   recordCount 15, counts 0: 2,  1: 8   P(1) = 0.8
  /// └─ B  x1 ≥ 5    recordCount 40, counts 0: 10, 1: 30   P(1) = 0.75
  /// ```
  ///
  /// A2's counts deliberately sum to 10, not 15, so the two strategies differ.
  static func twoLevel(_ strategy: String, function: String = "classification") -> String {
    PMMLTesting.document(
      fields: """
        <DataField name="x1" optype="continuous" dataType="double"/>
        <DataField name="x2" optype="continuous" dataType="double"/>
        <DataField name="y" optype="categorical" dataType="integer"><Value value="0"/><Value value="1"/></DataField>
        """,
      model: """
        <TreeModel functionName="\(function)" missingValueStrategy="\(strategy)">
          <MiningSchema><MiningField name="x1"/><MiningField name="x2"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Node id="root" score="0" recordCount="100">
            <True/>
            <ScoreDistribution value="0" recordCount="50"/>
            <ScoreDistribution value="1" recordCount="50"/>
            <Node id="A" score="0" recordCount="60">
              <SimplePredicate field="x1" operator="lessThan" value="5"/>
              <ScoreDistribution value="0" recordCount="40"/>
              <ScoreDistribution value="1" recordCount="20"/>
              <Node id="A1" score="0" recordCount="45">
                <SimplePredicate field="x2" operator="lessThan" value="3"/>
                <ScoreDistribution value="0" recordCount="36"/>
                <ScoreDistribution value="1" recordCount="9"/>
              </Node>
              <Node id="A2" score="1" recordCount="15">
                <SimplePredicate field="x2" operator="greaterOrEqual" value="3"/>
                <ScoreDistribution value="0" recordCount="2"/>
                <ScoreDistribution value="1" recordCount="8"/>
              </Node>
            </Node>
            <Node id="B" score="1" recordCount="40">
              <SimplePredicate field="x1" operator="greaterOrEqual" value="5"/>
              <ScoreDistribution value="0" recordCount="10"/>
              <ScoreDistribution value="1" recordCount="30"/>
            </Node>
          </Node>
        </TreeModel>
        """)
  }

  /// Nothing missing; x1 missing at the root; x2 missing at depth 1; both missing; x2
  /// missing on a path that never reads it.
  static let rows = "x1,x2\n2,1\n,1\n2,\n,\n7,\n"

  /// The positive-class probability and predicted category of every row.
  static func evaluate(_ text: String, csv: String) throws -> (
    probabilities: [Double], categories: [Int]
  ) {
    let model = try PMMLTesting.load(text)
    let matrix = try PMMLTesting.matrix(model, csv: csv)
    let probabilities = try model.predict(matrix)
    let batch = matrix.batch(rows: 0..<matrix.rowCount)
    var context = PMMLRowContext(program: model.program, batch: batch)
    var categories: [Int] = []
    for row in 0..<matrix.rowCount {
      context.begin(row: row)
      categories.append(context.predict(model.program.root).category)
    }
    return (probabilities, categories)
  }

  // Tolerances: every expected value is a ratio of a few small exact sums, so the only
  // error is the rounding of a handful of operations; 1e-14 relative covers it.

  @Test func weightedConfidenceWeighsLeavesByRecordShare() throws {
    let result = try Self.evaluate(Self.twoLevel("weightedConfidence"), csv: Self.rows)
    // Row 1: a single path to A1: its own distribution, 9 / 45, category from score="0".
    expectClose(result.probabilities[0], 0.2, relative: 1e-14)
    // Row 2: x1 unknown at the root: A (60/100) continues to A1 (x2 = 1) and B (40/100).
    // confidence(1) = 0.6 · 0.2 + 0.4 · 0.75 = 0.42; confidence(0) = 0.6 · 0.8 + 0.4 · 0.25
    // = 0.58, so P(1) = 0.42 and class 0 wins.
    expectClose(result.probabilities[1], 0.42, relative: 1e-14)
    // Row 3: x2 unknown in A: A1 (45/60) and A2 (15/60).
    // confidence(1) = 0.75 · 0.2 + 0.25 · 0.8 = 0.35; confidence(0) = 0.65.
    expectClose(result.probabilities[2], 0.35, relative: 1e-14)
    // Row 4: both unknown: A1 0.6 · 0.75 = 0.45, A2 0.6 · 0.25 = 0.15, B 0.4.
    // confidence(1) = 0.45 · 0.2 + 0.15 · 0.8 + 0.4 · 0.75 = 0.51; confidence(0) = 0.49.
    expectClose(result.probabilities[3], 0.51, relative: 1e-14)
    // Row 5: x1 = 7 goes to the leaf B; the missing x2 is never read.
    expectClose(result.probabilities[4], 0.75, relative: 1e-14)
    #expect(result.categories == [0, 0, 0, 1, 1])
  }

  @Test func aggregateNodesSumsReachedLeafCounts() throws {
    let result = try Self.evaluate(Self.twoLevel("aggregateNodes"), csv: Self.rows)
    // Row 1: a single path to A1: 9 / 45.
    expectClose(result.probabilities[0], 0.2, relative: 1e-14)
    // Row 2: leaves A1 (36, 9) and B (10, 30): class 0 has 46, class 1 has 39; 39 / 85.
    expectClose(result.probabilities[1], 39.0 / 85, relative: 1e-14)
    // Row 3: leaves A1 (36, 9) and A2 (2, 8): 38 against 17; 17 / 55.
    expectClose(result.probabilities[2], 17.0 / 55, relative: 1e-14)
    // Row 4: leaves A1, A2 and B: 48 against 47; 47 / 95, class 0 wins.
    expectClose(result.probabilities[3], 47.0 / 95, relative: 1e-14)
    // Row 5: the leaf B: 30 / 40.
    expectClose(result.probabilities[4], 0.75, relative: 1e-14)
    #expect(result.categories == [0, 0, 0, 0, 1])
  }

  /// Root children tried in order: C1 `x1 < 5` (recordCount 30, counts 6 / 24), C2
  /// `<True/>` (70, counts 56 / 14), C3 `x1 ≥ 5` (50, counts 0 / 50).
  static func chain(_ strategy: String) -> String {
    PMMLTesting.document(
      fields: """
        <DataField name="x1" optype="continuous" dataType="double"/>
        <DataField name="y" optype="categorical" dataType="integer"><Value value="0"/><Value value="1"/></DataField>
        """,
      model: """
        <TreeModel functionName="classification" missingValueStrategy="\(strategy)">
          <MiningSchema><MiningField name="x1"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Node score="0" recordCount="100">
            <True/>
            <Node score="1" recordCount="30">
              <SimplePredicate field="x1" operator="lessThan" value="5"/>
              <ScoreDistribution value="0" recordCount="6"/>
              <ScoreDistribution value="1" recordCount="24"/>
            </Node>
            <Node score="0" recordCount="70">
              <True/>
              <ScoreDistribution value="0" recordCount="56"/>
              <ScoreDistribution value="1" recordCount="14"/>
            </Node>
            <Node score="1" recordCount="50">
              <SimplePredicate field="x1" operator="greaterOrEqual" value="5"/>
              <ScoreDistribution value="0" recordCount="0"/>
              <ScoreDistribution value="1" recordCount="50"/>
            </Node>
          </Node>
        </TreeModel>
        """)
  }

  @Test(arguments: ["weightedConfidence", "aggregateNodes"])
  func siblingsAfterTheFirstTrueChildAreNotReached(strategy: String) throws {
    // The unused second column keeps the row with a missing x1 from being a blank line.
    let result = try Self.evaluate(Self.chain(strategy), csv: "x1,note\n,a\n7,b\n")
    // Row 1: C1 is unknown, C2 true, so C3 cannot be reached whatever x1 is.
    // weightedConfidence: 0.3 · 0.8 + 0.7 · 0.2 = 0.38 (class 0: 0.3 · 0.2 + 0.7 · 0.8 =
    // 0.62); aggregateNodes: (24 + 14) / (30 + 70) = 0.38. Including C3 would give
    // 0.88 / 1.5 and 88 / 150.
    expectClose(result.probabilities[0], 0.38, relative: 1e-14)
    // Row 2: C1 false, C2 true: C2 alone, 14 / 70.
    expectClose(result.probabilities[1], 0.2, relative: 1e-14)
    #expect(result.categories == [0, 0])
  }

  @Test(arguments: ["weightedConfidence", "aggregateNodes"])
  func refusesRegressionTrees(strategy: String) {
    let text = Self.twoLevel(strategy, function: "regression")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "/PMML/TreeModel")
    #expect(error?.message.contains("classification trees only") == true)
  }

  @Test(arguments: ["weightedConfidence", "aggregateNodes"])
  func treesThatBlendLeavesAreNotOfferedToTreeSHAP(strategy: String) throws {
    let model = try PMMLTesting.load(Self.twoLevel(strategy))
    let error = PMMLTesting.modelError { _ = try model.additiveTrees(requiringCovers: false) }
    #expect(error?.kind == .unsupported)
    #expect(error?.message.contains("blends leaves for missing values") == true)
  }

  @Test func weightedConfidenceNeedsEveryRecordCount() {
    let text = Self.twoLevel("weightedConfidence").replacingOccurrences(
      of: "<Node id=\"B\" score=\"1\" recordCount=\"40\">", with: "<Node id=\"B\" score=\"1\">")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(text) }
    #expect(error?.kind == .invalidStructure)
    #expect(error?.message.contains("node 5") == true)
  }

  @Test func aggregateNodesNeedsScoreDistributionRecordCounts() {
    // A2's distribution given by probabilities only, which aggregateNodes cannot add up.
    let text = Self.twoLevel("aggregateNodes")
      .replacingOccurrences(
        of: "<ScoreDistribution value=\"0\" recordCount=\"2\"/>",
        with: "<ScoreDistribution value=\"0\" probability=\"0.2\"/>"
      )
      .replacingOccurrences(
        of: "<ScoreDistribution value=\"1\" recordCount=\"8\"/>",
        with: "<ScoreDistribution value=\"1\" probability=\"0.8\"/>")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(text) }
    #expect(error?.kind == .invalidStructure)
    #expect(error?.message.contains("node 4") == true)
  }
}
