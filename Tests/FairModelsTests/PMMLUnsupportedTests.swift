import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// Everything FairGate cannot evaluate exactly is refused, naming the element and its path.
@Suite struct PMMLUnsupportedTests {
  static let fields = """
    <DataField name="x" optype="continuous" dataType="double"/>
    <DataField name="when" optype="continuous" dataType="date"/>
    <DataField name="y" optype="continuous" dataType="double"/>
    """

  static func regression(_ transformations: String = "", predictor: String = "x") -> String {
    PMMLTesting.document(
      fields: fields,
      model: """
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
          <LocalTransformations>\(transformations)</LocalTransformations>
          <RegressionTable intercept="1"><NumericPredictor name="\(predictor)" coefficient="2"/></RegressionTable>
        </RegressionModel>
        """)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var document: String
    var kind: ModelError.Kind
    var place: String
    var mentions: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "support vector machine",
      document: PMMLTesting.document(
        fields: fields,
        model: """
          <SupportVectorMachineModel functionName="regression">
            <MiningSchema><MiningField name="x"/></MiningSchema>
          </SupportVectorMachineModel>
          """),
      kind: .unsupported, place: "/PMML/SupportVectorMachineModel",
      mentions: "SupportVectorMachineModel"),
    Case(
      name: "string function",
      document: regression(
        """
        <DerivedField name="t" optype="continuous" dataType="double">
          <Apply function="concat"><FieldRef field="x"/><Constant>a</Constant></Apply>
        </DerivedField>
        """, predictor: "t"),
      kind: .unsupported, place: "/PMML/RegressionModel/LocalTransformations/DerivedField/Apply",
      mentions: "'concat'"),
    Case(
      name: "Lag expression",
      document: regression(
        """
        <DerivedField name="t" optype="continuous" dataType="double"><Lag field="x" n="1"/></DerivedField>
        """, predictor: "t"),
      kind: .unsupported, place: "/PMML/RegressionModel/LocalTransformations/DerivedField/Lag",
      mentions: "'Lag'"),
    Case(
      name: "date input",
      document: regression().replacingOccurrences(
        of: "<MiningField name=\"x\"/>",
        with: "<MiningField name=\"x\"/><MiningField name=\"when\"/>"),
      kind: .unsupported, place: "/PMML/DataDictionary/DataField[2]", mentions: "'date'"),
    Case(
      name: "undefined field",
      document: regression(predictor: "z"),
      kind: .invalidStructure,
      place: "/PMML/RegressionModel/RegressionTable/NumericPredictor", mentions: "'z'"),
    Case(
      name: "cyclic fields",
      document: regression(
        """
        <DerivedField name="a" optype="continuous" dataType="double"><FieldRef field="b"/></DerivedField>
        <DerivedField name="b" optype="continuous" dataType="double"><FieldRef field="a"/></DerivedField>
        """, predictor: "a"),
      kind: .invalidStructure,
      place: "/PMML/RegressionModel/LocalTransformations/DerivedField[2]/FieldRef",
      mentions: "itself"),
    Case(
      name: "clustering function",
      document: regression().replacingOccurrences(
        of: "functionName=\"regression\"", with: "functionName=\"clustering\""),
      kind: .unsupported, place: "/PMML/RegressionModel", mentions: "'clustering'"),
    Case(
      name: "ordinal multinomial",
      document: PMMLTesting.document(
        fields: fields + """
          <DataField name="c" optype="ordinal" dataType="string"><Value value="a"/><Value value="b"/></DataField>
          """,
        model: """
          <GeneralRegressionModel modelType="ordinalMultinomial" functionName="classification" cumulativeLink="logit">
            <MiningSchema><MiningField name="x"/><MiningField name="c" usageType="target"/></MiningSchema>
            <ParamMatrix><PCell parameterName="p0" beta="1"/></ParamMatrix>
          </GeneralRegressionModel>
          """),
      kind: .unsupported, place: "/PMML/GeneralRegressionModel", mentions: "ordinalMultinomial"),
    Case(
      name: "unknown element in a model",
      document: regression().replacingOccurrences(
        of: "<RegressionTable", with: "<ModelComposition/><RegressionTable"),
      kind: .unsupported, place: "/PMML/RegressionModel/ModelComposition",
      mentions: "ModelComposition"),
  ]

  @Test(arguments: cases)
  func refuses(_ fixture: Case) {
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(fixture.document) }
    #expect(error?.kind == fixture.kind, "\(error?.description ?? "no error")")
    #expect(error?.place == fixture.place, "\(error?.description ?? "no error")")
    #expect(error?.message.contains(fixture.mentions) == true, "\(error?.description ?? "")")
    #expect(error?.line != nil)
  }

  @Test func ignoresUnusedTemporalFields() throws {
    let model = try PMMLTesting.load(Self.regression())
    #expect(model.features.map(\.name) == ["x"])
  }
}
