import Testing
import _FairTestSupport

@testable import FairModels

/// The sample scorecard of the DMG PMML 4.4 `Scorecard` specification, which jpmml-evaluator
/// also tests with, and reason codes.
///
/// The expected scores and reason codes follow the specification's rules, worked by hand:
/// for `engineering, 25, 500` the partial scores are 3, 0 and 26 (score 29), and
/// `pointsBelow` gives RC1 19 − 3 = 16, RC2 18 − 0 = 18 and RC3 10 − 26 = −16. Codes with a
/// negative total are dropped, as jpmml-evaluator does, so the codes are RC2, then RC1.
@Suite struct PMMLScorecardTests {
  static func scorecard(departmentValues: Bool = true, useReasonCodes: Bool = true) -> String {
    let values =
      departmentValues
      ? """
      <Value value="marketing"/><Value value="engineering"/><Value value="business"/>
      """ : ""
    return PMMLTesting.document(
      fields: """
        <DataField name="department" optype="categorical" dataType="string">\(values)</DataField>
        <DataField name="age" optype="continuous" dataType="integer"/>
        <DataField name="income" optype="continuous" dataType="double"/>
        <DataField name="overallScore" optype="continuous" dataType="double"/>
        """,
      model: """
        <Scorecard modelName="SampleScorecard" functionName="regression" useReasonCodes="\(useReasonCodes)"
            reasonCodeAlgorithm="pointsBelow" initialScore="0" baselineMethod="other">
          <MiningSchema>
            <MiningField name="department" usageType="active" invalidValueTreatment="returnInvalid"/>
            <MiningField name="age" usageType="active"/>
            <MiningField name="income" usageType="active"/>
            <MiningField name="overallScore" usageType="predicted"/>
          </MiningSchema>
          <Output>
            <OutputField name="Final Score" feature="predictedValue" dataType="double" optype="continuous"/>
            <OutputField name="Reason Code 1" rank="1" feature="reasonCode" dataType="string" optype="categorical"/>
            <OutputField name="Reason Code 2" rank="2" feature="reasonCode" dataType="string" optype="categorical"/>
            <OutputField name="Reason Code 3" rank="3" feature="reasonCode" dataType="string" optype="categorical"/>
          </Output>
          <Characteristics>
            <Characteristic name="departmentScore" reasonCode="RC1" baselineScore="19">
              <Attribute partialScore="-9"><SimplePredicate field="department" operator="isMissing"/></Attribute>
              <Attribute partialScore="19"><SimplePredicate field="department" operator="equal" value="marketing"/></Attribute>
              <Attribute partialScore="3"><SimplePredicate field="department" operator="equal" value="engineering"/></Attribute>
              <Attribute partialScore="6"><SimplePredicate field="department" operator="equal" value="business"/></Attribute>
            </Characteristic>
            <Characteristic name="ageScore" reasonCode="RC2" baselineScore="18">
              <Attribute partialScore="-1"><SimplePredicate field="age" operator="isMissing"/></Attribute>
              <Attribute partialScore="-3"><SimplePredicate field="age" operator="lessOrEqual" value="18"/></Attribute>
              <Attribute partialScore="0">
                <CompoundPredicate booleanOperator="and">
                  <SimplePredicate field="age" operator="greaterThan" value="18"/>
                  <SimplePredicate field="age" operator="lessOrEqual" value="29"/>
                </CompoundPredicate>
              </Attribute>
              <Attribute partialScore="12">
                <CompoundPredicate booleanOperator="and">
                  <SimplePredicate field="age" operator="greaterThan" value="29"/>
                  <SimplePredicate field="age" operator="lessOrEqual" value="39"/>
                </CompoundPredicate>
              </Attribute>
              <Attribute partialScore="18"><SimplePredicate field="age" operator="greaterThan" value="39"/></Attribute>
            </Characteristic>
            <Characteristic name="incomeScore" reasonCode="RC3" baselineScore="10">
              <Attribute partialScore="5"><SimplePredicate field="income" operator="isMissing"/></Attribute>
              <Attribute partialScore="26"><SimplePredicate field="income" operator="lessOrEqual" value="1000"/></Attribute>
              <Attribute partialScore="5">
                <CompoundPredicate booleanOperator="and">
                  <SimplePredicate field="income" operator="greaterThan" value="1000"/>
                  <SimplePredicate field="income" operator="lessOrEqual" value="2500"/>
                </CompoundPredicate>
              </Attribute>
              <Attribute partialScore="-3"><SimplePredicate field="income" operator="greaterThan" value="2500"/></Attribute>
            </Characteristic>
          </Characteristics>
        </Scorecard>
        """)
  }

  static let rows = """
    department,age,income
    engineering,25,500
    ,25,500
    marketing,45,3000
    business,,1500
    sales,30,100
    """

  @Test func matchesTheDMGTestVector() throws {
    let model = try PMMLTesting.load(Self.scorecard())
    #expect(model.task == .regression)
    #expect(model.outputTransform == .identity)
    let matrix = try PMMLTesting.matrix(model, csv: Self.rows)
    let scores = try model.predict(matrix)
    // Sums of integer partial scores are exact.
    expectClose(scores[0], 29, absolute: 0)
    expectClose(scores[1], -9 + 0 + 26, absolute: 0)
    expectClose(scores[2], 19 + 18 - 3, absolute: 0)
    expectClose(scores[3], 6 - 1 + 5, absolute: 0)
    #expect(scores[4].isNaN)
    let codes = try model.reasonCodes(for: matrix.batch(rows: 0..<matrix.rowCount))
    #expect(codes[0] == ["RC2", "RC1"])
    #expect(codes[1] == ["RC1", "RC2"])
    #expect(codes[2] == ["RC3", "RC1", "RC2"])
    #expect(codes[3] == ["RC2", "RC1", "RC3"])
    #expect(codes[4] == [])
  }

  @Test func unseenDepartmentIsInvalidWhenValuesAreDeclared() throws {
    let model = try PMMLTesting.load(Self.scorecard())
    let issues = model.rowIssues(try PMMLTesting.matrix(model, csv: Self.rows))
    #expect(issues.count == 1)
    #expect(issues.first?.row == 4)
    #expect(issues.first?.kind == .invalidValue)
    #expect(issues.first?.field == "department")
    let matrix = try PMMLTesting.matrix(model, csv: Self.rows)
    let error = PMMLTesting.modelError { try model.validate(matrix) }
    #expect(error?.kind == .invalidInput)
    #expect(error?.place == "data row 4")
    #expect(error?.message.contains("field 'department'") == true)
  }

  @Test func unseenDepartmentMatchesNoAttributeWhenNoValuesAreDeclared() throws {
    let model = try PMMLTesting.load(Self.scorecard(departmentValues: false))
    #expect(
      model.features[0].kind == .categorical(levels: ["marketing", "engineering", "business"]))
    let matrix = try PMMLTesting.matrix(model, csv: Self.rows)
    let scores = try model.predict(matrix)
    expectClose(scores[0], 29, absolute: 0)
    #expect(scores[4].isNaN)
    let issues = model.rowIssues(matrix)
    #expect(issues.map(\.kind) == [.noPrediction])
  }

  @Test func maximumPartialScoreBaselineRanksLostPoints() throws {
    let model = try PMMLTesting.load(Self.scorecard(useReasonCodes: false))
    let matrix = try PMMLTesting.matrix(model, csv: Self.rows)
    let batch = matrix.batch(rows: 0..<matrix.rowCount)
    // Baselines 19, 18 and 26: row 0 loses 16, 18 and 0 points.
    let codes = try model.reasonCodes(for: batch, baseline: .maximumPartialScore)
    #expect(codes[0] == ["RC2", "RC1", "RC3"])
    #expect(model.scorecard?.characteristics.map(\.maximumPartialScore) == [19, 18, 26])
    #expect(model.scorecard?.characteristics[1].featureIndices == [1])
  }

  @Test func reasonCodesNeedAScorecard() throws {
    let model = try PMMLTesting.load(
      PMMLTesting.document(
        fields: "<DataField name=\"x\" optype=\"continuous\" dataType=\"double\"/>",
        model: """
          <RegressionModel functionName="regression">
            <MiningSchema><MiningField name="x"/></MiningSchema>
            <RegressionTable intercept="1"/>
          </RegressionModel>
          """))
    let matrix = try PMMLTesting.matrix(model, csv: "x\n1\n")
    let error = PMMLTesting.modelError {
      _ = try model.reasonCodes(for: matrix.batch(rows: 0..<1))
    }
    #expect(error?.kind == .unsupported)
  }
}
