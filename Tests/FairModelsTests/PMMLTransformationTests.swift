import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// Derived fields: each feeds a numeric predictor with coefficient 1, so the linear terms
/// of the model are the derived values themselves.
@Suite struct PMMLTransformationTests {
  static let model = PMMLTesting.document(
    fields: """
      <DataField name="x" optype="continuous" dataType="double"/>
      <DataField name="w" optype="continuous" dataType="double"/>
      <DataField name="region" optype="categorical" dataType="string"><Value value="N"/><Value value="S"/></DataField>
      <DataField name="y" optype="continuous" dataType="double"/>
      """,
    transformations: """
      <TransformationDictionary>
        <DefineFunction name="twiceAPlusB" optype="continuous" dataType="double">
          <ParameterField name="a" dataType="double"/>
          <ParameterField name="b" dataType="double"/>
          <Apply function="+"><Apply function="*"><FieldRef field="a"/><Constant>2</Constant></Apply><FieldRef field="b"/></Apply>
        </DefineFunction>
        <DerivedField name="imputed" optype="continuous" dataType="double">
          <Apply function="if">
            <Apply function="isMissing"><FieldRef field="x"/></Apply>
            <Constant dataType="double">3.5</Constant>
            <FieldRef field="x"/>
          </Apply>
        </DerivedField>
      </TransformationDictionary>
      """,
    model: """
      <RegressionModel functionName="regression">
        <MiningSchema><MiningField name="x"/><MiningField name="w"/><MiningField name="region"/><MiningField name="y" usageType="target"/></MiningSchema>
        <LocalTransformations>
          <DerivedField name="band" optype="categorical" dataType="string">
            <Discretize field="x" defaultValue="far" mapMissingTo="none">
              <DiscretizeBin binValue="low"><Interval closure="openClosed" rightMargin="0"/></DiscretizeBin>
              <DiscretizeBin binValue="mid"><Interval closure="openOpen" leftMargin="0" rightMargin="10"/></DiscretizeBin>
            </Discretize>
          </DerivedField>
          <DerivedField name="bandScore" optype="continuous" dataType="double">
            <MapValues outputColumn="data:score" xmlns:data="http://jpmml.org/jpmml-model/InlineTable" defaultValue="-1">
              <FieldColumnPair field="band" column="data:band"/>
              <FieldColumnPair field="region" column="data:region"/>
              <InlineTable>
                <row><data:band>low</data:band><data:region>N</data:region><data:score>1</data:score></row>
                <row><data:band>mid</data:band><data:region>S</data:region><data:score>2</data:score></row>
                <row><data:band>none</data:band><data:region>S</data:region><data:score>3</data:score></row>
              </InlineTable>
            </MapValues>
          </DerivedField>
          <DerivedField name="clamped" optype="continuous" dataType="double">
            <NormContinuous field="x" outliers="asExtremeValues" mapMissingTo="0.5">
              <LinearNorm orig="0" norm="0"/><LinearNorm orig="10" norm="1"/><LinearNorm orig="20" norm="3"/>
            </NormContinuous>
          </DerivedField>
          <DerivedField name="ratio" optype="continuous" dataType="double">
            <Apply function="/" defaultValue="-7"><FieldRef field="w"/><FieldRef field="x"/></Apply>
          </DerivedField>
          <DerivedField name="smallest" optype="continuous" dataType="double">
            <Apply function="min"><FieldRef field="x"/><FieldRef field="w"/><Constant>4</Constant></Apply>
          </DerivedField>
          <DerivedField name="called" optype="continuous" dataType="double">
            <Apply function="twiceAPlusB"><FieldRef field="imputed"/><Constant>1</Constant></Apply>
          </DerivedField>
          <DerivedField name="isSouth" optype="continuous" dataType="double">
            <Apply function="isIn" mapMissingTo="-1"><FieldRef field="region"/><Constant>S</Constant><Constant>E</Constant></Apply>
          </DerivedField>
          <DerivedField name="floatX" optype="continuous" dataType="float"><FieldRef field="x"/></DerivedField>
        </LocalTransformations>
        <RegressionTable intercept="0">
          <NumericPredictor name="bandScore" coefficient="1"/>
          <NumericPredictor name="clamped" coefficient="1"/>
          <NumericPredictor name="ratio" coefficient="1"/>
          <NumericPredictor name="smallest" coefficient="1"/>
          <NumericPredictor name="called" coefficient="1"/>
          <NumericPredictor name="isSouth" coefficient="1"/>
          <NumericPredictor name="floatX" coefficient="1"/>
        </RegressionTable>
      </RegressionModel>
      """)

  @Test func derivedFieldsFollowTheirDefinitions() throws {
    let model = try PMMLTesting.load(Self.model)
    let matrix = try PMMLTesting.matrix(model, csv: "x,w,region\n-2,1,N\n5,6,S\n25,3,N\n0.1,,S\n")
    let terms = try model.linearTermValues(matrix.batch(rows: 0..<matrix.rowCount))
    let names = try #require(model.linearDecomposition).terms.map(\.name)
    #expect(names == ["bandScore", "clamped", "ratio", "smallest", "called", "isSouth", "floatX"])
    let count = names.count
    func row(_ index: Int) -> [Double] { Array(terms[(index * count)..<((index + 1) * count)]) }
    // x = −2: band low, NormContinuous clamps to 0, w/x = −0.5, min −2, 2·(−2) + 1.
    #expect(row(0) == [1, 0, -0.5, -2, -3, 0, -2])
    // x = 5: band mid and S → 2; 5 maps to 0.5; 6/5; min(5, 6, 4) = 4; 11; S is in {S, E}.
    #expect(row(1) == [2, 0.5, 1.2, 4, 11, 1, 5])
    // x = 25: no bin holds it (defaultValue "far", no table row: −1); clamped to norm 3.
    #expect(row(2) == [-1, 3, 3.0 / 25, 3, 51, 0, 25])
    // w missing: the division is missing, so its defaultValue −7 applies (as in
    // jpmml-evaluator, mapMissingTo would win if given); min ignores the missing argument.
    let expected = [2, 0.01, -7, 0.1, 1.2, 1, Double(Float(0.1))]
    for (value, wanted) in zip(row(3), expected) {
      // One or two roundings of decimal fractions.
      expectClose(value, wanted, relative: 1e-15)
    }
  }

  @Test func floatFieldsRoundToFloat() throws {
    let model = try PMMLTesting.load(Self.model)
    let matrix = try PMMLTesting.matrix(model, csv: "x,w,region\n0.1,1,N\n")
    let terms = try model.linearTermValues(matrix.batch(rows: 0..<1))
    #expect(terms[6] == Double(Float(0.1)))
    #expect(terms[6] != 0.1)
  }

  @Test func divisionByZeroIsAnUndefinedResult() throws {
    let model = try PMMLTesting.load(
      Self.model.replacingOccurrences(of: " defaultValue=\"-7\"", with: ""))
    let matrix = try PMMLTesting.matrix(model, csv: "x,w,region\n0,1,N\n")
    #expect(try model.predict(matrix)[0].isNaN)
    let issue = try #require(model.rowIssues(matrix).first)
    #expect(issue.kind == .undefinedResult)
    #expect(issue.message.contains("'/'"))
  }

  @Test func gradientsRunThroughTheTransformations() throws {
    let model = try PMMLTesting.load(Self.model)
    let matrix = try PMMLTesting.matrix(model, csv: "x,w,region\n5,6,S\n")
    var gradients: [Double] = []
    try model.marginGradients(matrix.batch(rows: 0..<1), into: &gradients)
    // ∂/∂x: NormContinuous slope 0.1, ratio −w/x² = −0.24, min picks the constant 4 (0),
    // called 2, floatX 1; ∂/∂w: 1/x = 0.2; region is categorical.
    expectClose(gradients[0], 0.1 - 0.24 + 2 + 1, relative: 1e-14)
    expectClose(gradients[1], 0.2, relative: 1e-14)
    #expect(gradients[2] == 0)
  }
}
