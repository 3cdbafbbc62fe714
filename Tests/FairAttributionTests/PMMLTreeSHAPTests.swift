import FairAttribution
import FairModels
import Foundation
import Testing
import _FairTestSupport

/// Path-dependent TreeSHAP on hand-written PMML trees with `recordCount` on every node (the
/// form R `rpart` and KNIME exports take), against enumeration of the path-dependent game.
@Suite struct PMMLTreeSHAPTests {
  /// The path-dependent value `G(node, S)` of one tree, written from its definition with
  /// the model's own routes.
  static func pathValue(
    _ member: PMMLAdditiveTrees.Member, routes: ArraySlice<Int32>, node: Int, coalition: Int
  ) -> Double {
    let tree = member.tree
    let target = Int(routes[routes.startIndex + node])
    let feature = member.splitFeature[node]
    if feature < 0 || coalition & (1 << feature) != 0 {
      if target < 0 { return .nan }
      if target == node { return tree.value[node] }
      return pathValue(member, routes: routes, node: target, coalition: coalition)
    }
    let children = tree.children(of: node).map { Int($0) }
    let total = children.reduce(0) { $0 + tree.recordCount[$1] }
    return children.reduce(0) {
      $0 + tree.recordCount[$1] / total
        * pathValue(member, routes: routes, node: $1, coalition: coalition)
    }
  }

  /// Brute-force path-dependent SHAP values and `v(∅)` of every row.
  static func enumerated(_ model: PMMLModel, _ rows: FeatureMatrix) throws -> (
    values: [[Double]], bases: [Double]
  ) {
    let trees = try model.additiveTrees()
    let routes = model.treeRoutes(rows.batch(rows: 0..<rows.rowCount), trees: trees)
    var values: [[Double]] = []
    var bases: [Double] = []
    for row in 0..<rows.rowCount {
      func value(_ coalition: Int) -> Double {
        var total = trees.offset
        var start = row * trees.nodeCount
        for member in trees.members {
          let slice = routes[start..<(start + member.tree.nodeCount)]
          total += member.weight * pathValue(member, routes: slice, node: 0, coalition: coalition)
          start += member.tree.nodeCount
        }
        return total
      }
      values.append(BruteForceShapley.shapley(featureCount: model.featureCount, value: value))
      bases.append(value(0))
    }
    return (values, bases)
  }

  static func margins(_ model: PMMLModel, _ matrix: FeatureMatrix) -> [Double] {
    var margins: [Double] = []
    model.scoreMargins(matrix.batch(rows: 0..<matrix.rowCount), into: &margins)
    return margins
  }

  /// Rows over `x0, x1, x2, c` (c as level index A=0, B=1, C=2) with missing values in
  /// each field: defaultChild routing in the first tree, lastPrediction in the second.
  static let rows = FeatureMatrix(
    values: [
      0.2, 1.0, 0.5, 0,
      0.2, 3.0, -1, 1,
      1.0, 0.0, 2.0, 0,
      3.0, 0.0, 0.5, 2,
      1.0, 0.0, 2.0, 1,
      .nan, 1.0, 0.5, 0,
      1.0, .nan, 2.0, 2,
      1.0, 0.0, .nan, 0,
      2.5, 0.0, 0.5, .nan,
      .nan, .nan, .nan, .nan,
    ], rowCount: 10, featureCount: 4)

  @Test func sumOfTreesMatchesEnumerationAndTheMargin() throws {
    let model = try PMMLModelLoader.load(data: Array(Self.forestPMML.utf8), file: "forest.pmml")
    let explainer = try PMMLTreeSHAP(model: model)
    #expect(explainer.trees.members.map(\.weight) == [2, 1])
    #expect(explainer.trees.offset == 0.3)
    let margins = Self.margins(model, Self.rows)
    #expect(margins.allSatisfy { !$0.isNaN })
    let attributions = try explainer.explain(Self.rows, options: ExplainOptions())
    let (exact, bases) = try Self.enumerated(model, Self.rows)
    var worstShapley = 0.0
    var worstAccuracy = 0.0
    for row in 0..<Self.rows.rowCount {
      for feature in 0..<4 {
        worstShapley = max(worstShapley, abs(attributions[row, feature] - exact[row][feature]))
      }
      expectClose(attributions.baseValues[row], bases[row], absolute: 1e-12)
      let sum = attributions.row(row).reduce(attributions.baseValues[row], +)
      worstAccuracy = max(worstAccuracy, abs(sum - margins[row]))
      #expect(attributions.predictions[row] == margins[row])
    }
    #expect(worstShapley <= 1e-12, "largest difference from enumeration \(worstShapley)")
    #expect(worstAccuracy <= 1e-12, "largest local-accuracy error \(worstAccuracy)")
  }

  @Test func missingValuesFollowTheModelsOwnRoutes() throws {
    let model = try PMMLModelLoader.load(data: Array(Self.forestPMML.utf8), file: "forest.pmml")
    let trees = try model.additiveTrees()
    let routes = model.treeRoutes(Self.rows.batch(rows: 0..<Self.rows.rowCount), trees: trees)
    let width = trees.nodeCount
    // Row 6 (x0 missing): the first tree's root sends it to its defaultChild, node 1.
    #expect(routes[5 * width + 0] == 1)
    // Row 9 (c missing): the second tree (lastPrediction) stops at its root.
    let second = trees.members[0].tree.nodeCount
    #expect(routes[8 * width + second] == 0)
    let attributions = try PMMLTreeSHAP(model: model).explain(
      Self.rows, options: ExplainOptions())
    // Row 10 (all missing) follows default children and stops at the second tree's root:
    // margin 0.3 + 2·(1.5 via defaults) + 1·0.2.
    expectClose(attributions.predictions[9], 0.3 + 2 * 1.5 + 0.2, absolute: 1e-12)
  }

  @Test func threadCountDoesNotChangeTheResult() throws {
    let model = try PMMLModelLoader.load(data: Array(Self.forestPMML.utf8), file: "forest.pmml")
    let explainer = try PMMLTreeSHAP(model: model)
    var values: [Double] = []
    for index in 0..<500 {
      let row = index % Self.rows.rowCount
      values += Self.rows.values[(row * 4)..<(row * 4 + 4)]
    }
    let many = FeatureMatrix(values: values, rowCount: 500, featureCount: 4)
    let one = try explainer.explain(many, options: ExplainOptions(threads: 1))
    let four = try explainer.explain(many, options: ExplainOptions(threads: 4))
    #expect(one.values == four.values)
    #expect(one.baseValues == four.baseValues)
  }

  @Test func classificationTreeAttributesTheProbability() throws {
    let model = try PMMLModelLoader.load(
      data: Array(Self.classifierPMML.utf8), file: "classifier.pmml")
    let explainer = try PMMLTreeSHAP(model: model)
    let rows = FeatureMatrix(
      values: [0.2, 1.0, 0.5, 0, 1.0, 3.0, 0.5, 1, 2.0, 0.0, 0.5, 2], rowCount: 3,
      featureCount: 4)
    let attributions = try explainer.explain(rows, options: ExplainOptions())
    let (exact, _) = try Self.enumerated(model, rows)
    let margins = Self.margins(model, rows)
    for row in 0..<3 {
      expectAllClose(Array(attributions.row(row)), exact[row], absolute: 1e-12)
      let sum = attributions.row(row).reduce(attributions.baseValues[row], +)
      expectClose(sum, margins[row], absolute: 1e-12)
    }
    // nullPrediction: a missing x0 leaves the row without a prediction.
    let missing = FeatureMatrix(
      values: [0.2, 1.0, 0.5, 0, .nan, 1.0, 0.5, 0], rowCount: 2, featureCount: 4)
    let error = try #require(throws: AttributionError.self) {
      try explainer.explain(missing, options: ExplainOptions())
    }
    #expect(error.subject == "row 2")
  }

  @Test func sklearnTreesWithoutCoversAreRefused() throws {
    for name in ["decision-tree", "random-forest", "gradient-boosting", "xgboost", "lightgbm"] {
      let folder = FixturePaths.fixture("pmml/" + name)
      let model = try PMMLModelLoader.load(contentsOf: folder + "/model.pmml")
      let error = try #require(throws: AttributionError.self) {
        try PMMLTreeSHAP(model: model)
      }
      #expect(error.kind == .unsupportedModel, "\(name)")
      // Sums and averages of trees without a link get interventional TreeSHAP instead.
      if PMMLInterventionalTreeSHAP.unsupportedReason(for: model) == nil { continue }
      guard case .unavailable(let reason) = ExactMethod.choose(for: model, hasBackground: true)
      else {
        Issue.record("\(name): auto found an exact method")
        continue
      }
      #expect(reason.contains("recordCount"), "\(name): \(reason)")
    }
  }

  @Test func nodesTestingTwoFieldsAreRefused() throws {
    let text = Self.classifierPMML.replacingOccurrences(
      of: #"<SimplePredicate field="x1" operator="greaterThan" value="2"/>"#,
      with: #"<SimplePredicate field="x2" operator="greaterThan" value="2"/>"#)
    let model = try PMMLModelLoader.load(data: Array(text.utf8), file: "two-fields.pmml")
    let reason = try #require(PMMLTreeSHAP.unsupportedReason(for: model))
    #expect(reason.contains("several fields"))
  }

  static let dictionary = """
      <DataDictionary>
        <DataField name="x0" optype="continuous" dataType="double"/>
        <DataField name="x1" optype="continuous" dataType="double"/>
        <DataField name="x2" optype="continuous" dataType="double"/>
        <DataField name="c" optype="categorical" dataType="string">
          <Value value="A"/><Value value="B"/><Value value="C"/>
        </DataField>
        <DataField name="y" optype="continuous" dataType="double"/>
        <DataField name="label" optype="categorical" dataType="string">
          <Value value="no"/><Value value="yes"/>
        </DataField>
      </DataDictionary>
    """

  static let schema = """
        <MiningSchema>
          <MiningField name="x0"/><MiningField name="x1"/><MiningField name="x2"/>
          <MiningField name="c"/><MiningField name="y" usageType="target"/>
        </MiningSchema>
    """

  /// A weighted sum of two regression trees, with `Targets`.
  ///
  /// The margin is 0.3 + 2·(t1 + 0.5·t2).
  /// Tree 1 (defaultChild) splits twice on x0 along one path, on a derived field of x1
  /// (`x1sq = x1²`) and on a set predicate of c; tree 2 (lastPrediction) has a three-way
  /// split on c and scores on its inner nodes.
  static let forestPMML = """
    <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
      <Header/>
    \(dictionary)
      <TransformationDictionary>
        <DerivedField name="x1sq" optype="continuous" dataType="double">
          <Apply function="*"><FieldRef field="x1"/><FieldRef field="x1"/></Apply>
        </DerivedField>
      </TransformationDictionary>
      <MiningModel functionName="regression">
    \(schema)
        <Targets><Target field="y" rescaleFactor="2" rescaleConstant="0.3"/></Targets>
        <Segmentation multipleModelMethod="weightedSum">
          <Segment weight="1"><True/>
            <TreeModel functionName="regression" missingValueStrategy="defaultChild">
    \(schema)
              <Node id="0" recordCount="100" defaultChild="1"><True/>
                <Node id="1" recordCount="60" defaultChild="3">
                  <SimplePredicate field="x0" operator="lessThan" value="0.5"/>
                  <Node id="3" score="1.5" recordCount="45">
                    <SimplePredicate field="x1sq" operator="lessOrEqual" value="4"/>
                  </Node>
                  <Node id="4" score="-0.5" recordCount="15">
                    <SimplePredicate field="x1sq" operator="greaterThan" value="4"/>
                  </Node>
                </Node>
                <Node id="2" recordCount="40" defaultChild="6">
                  <SimplePredicate field="x0" operator="greaterOrEqual" value="0.5"/>
                  <Node id="5" recordCount="10" defaultChild="7">
                    <SimpleSetPredicate field="c" booleanOperator="isIn">
                      <Array n="1" type="string">A</Array>
                    </SimpleSetPredicate>
                    <Node id="7" score="3" recordCount="4">
                      <SimplePredicate field="x0" operator="lessThan" value="2"/>
                    </Node>
                    <Node id="8" score="5" recordCount="6">
                      <SimplePredicate field="x0" operator="greaterOrEqual" value="2"/>
                    </Node>
                  </Node>
                  <Node id="6" recordCount="30" defaultChild="9">
                    <SimpleSetPredicate field="c" booleanOperator="isNotIn">
                      <Array n="1" type="string">A</Array>
                    </SimpleSetPredicate>
                    <Node id="9" score="0.25" recordCount="20">
                      <SimplePredicate field="x2" operator="lessThan" value="1"/>
                    </Node>
                    <Node id="10" score="2" recordCount="10">
                      <SimplePredicate field="x2" operator="greaterOrEqual" value="1"/>
                    </Node>
                  </Node>
                </Node>
              </Node>
            </TreeModel>
          </Segment>
          <Segment weight="0.5"><True/>
            <TreeModel functionName="regression" missingValueStrategy="lastPrediction">
    \(schema)
              <Node score="0.2" recordCount="50"><True/>
                <Node score="-1" recordCount="20">
                  <SimplePredicate field="c" operator="equal" value="A"/>
                  <Node score="-2" recordCount="12">
                    <SimplePredicate field="x2" operator="lessThan" value="0"/>
                  </Node>
                  <Node score="0.5" recordCount="8">
                    <SimplePredicate field="x2" operator="greaterOrEqual" value="0"/>
                  </Node>
                </Node>
                <Node score="2" recordCount="25">
                  <SimplePredicate field="c" operator="equal" value="B"/>
                </Node>
                <Node score="4" recordCount="5">
                  <SimplePredicate field="c" operator="equal" value="C"/>
                </Node>
              </Node>
            </TreeModel>
          </Segment>
        </Segmentation>
      </MiningModel>
    </PMML>
    """

  /// A classification tree (nullPrediction) with `ScoreDistribution` counts.
  static let classifierPMML = """
    <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
      <Header/>
    \(dictionary)
      <TreeModel functionName="classification" missingValueStrategy="nullPrediction">
        <MiningSchema>
          <MiningField name="x0"/><MiningField name="x1"/><MiningField name="x2"/>
          <MiningField name="c"/><MiningField name="label" usageType="target"/>
        </MiningSchema>
        <Node recordCount="80" score="no"><True/>
          <Node recordCount="50" score="no">
            <SimplePredicate field="x0" operator="lessOrEqual" value="0.5"/>
            <Node recordCount="30" score="no">
              <SimplePredicate field="x1" operator="lessOrEqual" value="2"/>
              <ScoreDistribution value="no" recordCount="24"/>
              <ScoreDistribution value="yes" recordCount="6"/>
            </Node>
            <Node recordCount="20" score="yes">
              <SimplePredicate field="x1" operator="greaterThan" value="2"/>
              <ScoreDistribution value="no" recordCount="5"/>
              <ScoreDistribution value="yes" recordCount="15"/>
            </Node>
          </Node>
          <Node recordCount="30" score="yes">
            <SimplePredicate field="x0" operator="greaterThan" value="0.5"/>
            <Node recordCount="10" score="no">
              <SimpleSetPredicate field="c" booleanOperator="isIn">
                <Array n="2" type="string">A C</Array>
              </SimpleSetPredicate>
              <ScoreDistribution value="no" recordCount="7"/>
              <ScoreDistribution value="yes" recordCount="3"/>
            </Node>
            <Node recordCount="20" score="yes">
              <SimpleSetPredicate field="c" booleanOperator="isNotIn">
                <Array n="2" type="string">A C</Array>
              </SimpleSetPredicate>
              <ScoreDistribution value="no" recordCount="2"/>
              <ScoreDistribution value="yes" recordCount="18"/>
            </Node>
          </Node>
        </Node>
      </TreeModel>
    </PMML>
    """
}
