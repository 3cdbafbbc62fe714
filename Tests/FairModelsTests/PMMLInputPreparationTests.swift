import FairTabular
import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// DataDictionary validity and MiningField treatments, applied to every input before the
/// model runs, as jpmml-evaluator prepares inputs.
@Suite struct PMMLInputPreparationTests {
  @Test func invalidValueFailsTheRowEvenWhereTheModelDoesNotReadIt() throws {
    let text = PMMLTreeTests.strategies("none", "returnLastPrediction").replacingOccurrences(
      of: "<DataField name=\"z\" optype=\"continuous\" dataType=\"double\"/>",
      with: """
        <DataField name="z" optype="continuous" dataType="double"><Interval closure="closedClosed" leftMargin="0" rightMargin="10"/></DataField>
        """)
    let model = try PMMLTesting.load(text)
    let matrix = try PMMLTesting.matrix(model, csv: "x,z\n7,50\n7,5\n")
    let scores = try model.predict(matrix)
    // Row 0 takes the x ≥ 5 branch, which never reads z, but z = 50 is outside its interval.
    #expect(scores[0].isNaN)
    expectClose(scores[1], 50, absolute: 0)
    let issue = try #require(model.rowIssues(matrix).first)
    #expect(issue.kind == .invalidValue && issue.field == "z")
  }

  /// A regression whose terms read each prepared input once: `y = a + b + c + d`.
  static func sum(fields: String, miningFields: String) -> String {
    PMMLTesting.document(
      fields: fields + "<DataField name=\"y\" optype=\"continuous\" dataType=\"double\"/>",
      model: """
        <RegressionModel functionName="regression">
          <MiningSchema>\(miningFields)<MiningField name="y" usageType="target"/></MiningSchema>
          <RegressionTable intercept="0">
            <NumericPredictor name="a" coefficient="1"/><NumericPredictor name="b" coefficient="1"/>
            <NumericPredictor name="c" coefficient="1"/><NumericPredictor name="d" coefficient="1"/>
          </RegressionTable>
        </RegressionModel>
        """)
  }

  static let treatments = sum(
    fields: """
      <DataField name="a" optype="continuous" dataType="double"><Value value="-999" property="missing"/></DataField>
      <DataField name="b" optype="continuous" dataType="integer"/>
      <DataField name="c" optype="continuous" dataType="double"><Interval closure="closedOpen" leftMargin="0" rightMargin="100"/></DataField>
      <DataField name="d" optype="continuous" dataType="double"/>
      """,
    miningFields: """
      <MiningField name="a" missingValueReplacement="1"/>
      <MiningField name="b" invalidValueTreatment="asValue" invalidValueReplacement="20"/>
      <MiningField name="c" invalidValueTreatment="asMissing" missingValueReplacement="300"/>
      <MiningField name="d" outliers="asExtremeValues" lowValue="-5" highValue="5000"/>
      """)

  @Test func treatmentsReplaceMissingInvalidAndOutlyingValues() throws {
    let model = try PMMLTesting.load(Self.treatments)
    let scores = try PMMLTesting.scores(
      model, csv: "a,b,c,d\n-999,2,50,7000\nNA,2.5,100,-8\n4,3,-1,0\n")
    // -999 is declared missing → 1; d clamps to 5000.
    expectClose(scores[0], 1 + 2 + 50 + 5000, absolute: 0)
    // 2.5 is no integer → 20; 100 is outside [0, 100) → missing → 300; d clamps to −5.
    expectClose(scores[1], 1 + 20 + 300 - 5, absolute: 0)
    expectClose(scores[2], 4 + 3 + 300 + 0, absolute: 0)
  }

  @Test func missingValueTreatmentReturnInvalidRefusesTheRow() throws {
    let model = try PMMLTesting.load(
      Self.treatments.replacingOccurrences(
        of: "<MiningField name=\"d\"",
        with: "<MiningField name=\"d\" missingValueTreatment=\"returnInvalid\""))
    let matrix = try PMMLTesting.matrix(model, csv: "a,b,c,d\n1,2,3,NA\n")
    #expect(try model.predict(matrix)[0].isNaN)
    let issue = try #require(model.rowIssues(matrix).first)
    #expect(issue.kind == .missingValue && issue.field == "d")
  }

  @Test func describesInputFields() throws {
    let model = try PMMLTesting.load(Self.treatments)
    #expect(model.inputFields.map(\.dataType) == [.double, .integer, .double, .double])
    #expect(model.inputFields[1].invalidValueTreatment == .asValue("20"))
    #expect(model.inputFields[0].missingValueReplacement == "1")
    #expect(model.inputFields.allSatisfy { $0.preferredColumnType == .numeric })
  }
}
