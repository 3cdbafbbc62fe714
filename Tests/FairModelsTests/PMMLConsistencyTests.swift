import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// The structural rules jpmml-evaluator enforces for the model types FairGate reads, one
/// damaged document each (<doc:LoaderConsistency>).
@Suite struct PMMLConsistencyTests {
  static let fields = """
    <DataField name="x" optype="continuous" dataType="double"/>
    <DataField name="y" optype="continuous" dataType="double"/>
    """
  static let classFields = """
    <DataField name="x" optype="continuous" dataType="double"/>
    <DataField name="y" optype="categorical" dataType="string"><Value value="no"/><Value value="yes"/></DataField>
    """
  static let schema = """
    <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
    """
  static let table = """
    <RegressionTable intercept="1"><NumericPredictor name="x" coefficient="2"/></RegressionTable>
    """

  static func regression(
    fields: String = fields, schema: String = schema, tables: String = table,
    function: String = "regression"
  ) -> String {
    PMMLTesting.document(
      fields: fields,
      model: "<RegressionModel functionName=\"\(function)\">\(schema)\(tables)</RegressionModel>")
  }

  static func tree(_ nodes: String, attributes: String = "") -> String {
    PMMLTesting.document(
      fields: fields,
      model: "<TreeModel functionName=\"regression\" \(attributes)>\(schema)\(nodes)</TreeModel>")
  }

  static func network(from source: String = "0", output: String = "2", secondID: String = "2")
    -> String
  {
    PMMLTesting.document(
      fields: fields,
      model: """
        <NeuralNetwork functionName="regression" activationFunction="logistic">\(schema)
        <NeuralInputs><NeuralInput id="0"><DerivedField optype="continuous" dataType="double">\
        <FieldRef field="x"/></DerivedField></NeuralInput></NeuralInputs>
        <NeuralLayer><Neuron id="1" bias="0.1"><Con from="\(source)" weight="0.5"/></Neuron></NeuralLayer>
        <NeuralLayer activationFunction="identity"><Neuron id="\(secondID)" bias="0">\
        <Con from="1" weight="2"/></Neuron></NeuralLayer>
        <NeuralOutputs><NeuralOutput outputNeuron="\(output)"><DerivedField optype="continuous" \
        dataType="double"><FieldRef field="y"/></DerivedField></NeuralOutput></NeuralOutputs>
        </NeuralNetwork>
        """)
  }

  static let firstAttribute = """
    <Attribute partialScore="1" reasonCode="R1"><SimplePredicate field="x" operator="lessThan" value="0"/></Attribute>
    """
  static let secondAttribute = """
    <Attribute partialScore="2" reasonCode="R2"><True/></Attribute>
    """

  static func scorecard(
    attributes: String = "useReasonCodes=\"true\" baselineScore=\"0\"",
    first: String = firstAttribute, second: String = secondAttribute
  ) -> String {
    PMMLTesting.document(
      fields: fields,
      model: """
        <Scorecard functionName="regression" initialScore="10" \(attributes)>\(schema)
        <Characteristics><Characteristic name="cx">\(first)\(second)</Characteristic></Characteristics>
        </Scorecard>
        """)
  }

  static func mining(_ segmentation: String) -> String {
    PMMLTesting.document(
      fields: fields,
      model: "<MiningModel functionName=\"regression\">\(schema)\(segmentation)</MiningModel>")
  }

  static let segmentTree = """
    <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>\
    <Node score="1"><True/></Node></TreeModel>
    """
  static let split = """
    <Node score="1"><True/><Node id="a" score="2"><SimplePredicate field="x" operator="lessThan" \
    value="0"/></Node><Node id="b" score="3"><SimplePredicate field="x" operator="greaterOrEqual" \
    value="0"/></Node></Node>
    """
  static let predicateKinds =
    "(SimplePredicate, CompoundPredicate, SimpleSetPredicate, True or False)"

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var document: String
    var kind: ModelError.Kind = .invalidStructure
    var place: String
    var message: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a DataField defined twice",
      document: regression(
        fields: fields + "<DataField name=\"x\" optype=\"continuous\" dataType=\"double\"/>"),
      place: "/PMML/DataDictionary/DataField[3]",
      message: "field 'x' is already defined in the DataDictionary"),
    Case(
      name: "a MiningField listed twice",
      document: regression(
        schema: schema.replacingOccurrences(
          of: "<MiningField name=\"x\"/>",
          with: "<MiningField name=\"x\"/><MiningField name=\"x\"/>")),
      place: "/PMML/RegressionModel/MiningSchema/MiningField[2]",
      message: "field 'x' is listed twice in the MiningSchema"),
    Case(
      name: "two target fields",
      document: regression(
        fields: fields + "<DataField name=\"y2\" optype=\"continuous\" dataType=\"double\"/>",
        schema: schema.replacingOccurrences(
          of: "</MiningSchema>",
          with: "<MiningField name=\"y2\" usageType=\"target\"/></MiningSchema>")),
      kind: .unsupported, place: "/PMML/RegressionModel/MiningSchema/MiningField[3]",
      message: "'y2' is a second target field (after 'y'); models with several targets are not "
        + "supported"),
    Case(
      name: "an active field missing from the DataDictionary",
      document: regression(
        schema: schema.replacingOccurrences(
          of: "<MiningField name=\"x\"/>",
          with: "<MiningField name=\"x\"/><MiningField name=\"z\"/>")),
      place: "/PMML/RegressionModel/MiningSchema/MiningField[2]",
      message: "active field 'z' is not in the DataDictionary"),
    Case(
      name: "a model without a MiningSchema", document: regression(schema: ""),
      place: "/PMML/RegressionModel", message: "the model has no MiningSchema"),
    Case(
      name: "an Interval whose left margin is above its right",
      document: regression(
        fields: fields.replacingOccurrences(
          of: "dataType=\"double\"/>\n<DataField name=\"y\"",
          with: "dataType=\"double\"><Interval closure=\"closedClosed\" leftMargin=\"5\" "
            + "rightMargin=\"1\"/></DataField>\n<DataField name=\"y\"")),
      place: "/PMML/DataDictionary/DataField[1]/Interval",
      message: "leftMargin 5.0 is greater than rightMargin 1.0, so the interval is empty"),
    Case(
      name: "a regression with two RegressionTables", document: regression(tables: table + table),
      place: "/PMML/RegressionModel",
      message: "a regression model needs exactly one RegressionTable, found 2"),
    Case(
      name: "a regression with no RegressionTable", document: regression(tables: ""),
      place: "/PMML/RegressionModel",
      message: "a regression model needs exactly one RegressionTable, found 0"),
    Case(
      name: "a classifier with one RegressionTable",
      document: regression(
        fields: classFields,
        tables: table.replacingOccurrences(
          of: "intercept=", with: "targetCategory=\"yes\" intercept="),
        function: "classification"),
      place: "/PMML/RegressionModel",
      message: "a binary classifier needs two RegressionTables for different target categories"),
    Case(
      name: "a RegressionTable of an unknown category",
      document: regression(
        fields: classFields,
        tables: table.replacingOccurrences(
          of: "intercept=", with: "targetCategory=\"maybe\" intercept=")
          + "<RegressionTable intercept=\"0\" targetCategory=\"no\"/>",
        function: "classification"),
      kind: .unsupported, place: "/PMML/RegressionModel/RegressionTable[1]",
      message: "category 'maybe' is not one of the target categories 'no', 'yes'; multiclass "
        + "models and models of another target are not supported"),
    Case(
      name: "a classifier's RegressionTable without targetCategory",
      document: regression(
        fields: classFields,
        tables: table + "<RegressionTable intercept=\"0\" targetCategory=\"no\"/>",
        function: "classification"),
      place: "/PMML/RegressionModel/RegressionTable[1]",
      message: "element 'RegressionTable' lacks its required attribute 'targetCategory'"),
    Case(
      name: "a Node without a predicate",
      document: tree(
        "<Node score=\"1\"><True/><Node score=\"2\"/><Node score=\"3\"><True/></Node></Node>"),
      place: "/PMML/TreeModel/Node/Node[1]",
      message: "element 'Node' has no predicate \(predicateKinds)"),
    Case(
      name: "a defaultChild that names no child",
      document: tree(
        split.replacingOccurrences(
          of: "<Node score=\"1\">", with: "<Node score=\"1\" defaultChild=\"c\">"),
        attributes: "missingValueStrategy=\"defaultChild\""),
      place: "/PMML/TreeModel/Node", message: "defaultChild 'c' is not the id of a child node"),
    Case(
      name: "a SimplePredicate without a value",
      document: tree(
        split.replacingOccurrences(of: " \\\nvalue=\"0\"", with: "")
          .replacingOccurrences(
            of: "operator=\"lessThan\" value=\"0\"", with: "operator=\"lessThan\"")),
      place: "/PMML/TreeModel/Node/Node[1]/SimplePredicate",
      message: "element 'SimplePredicate' lacks its required attribute 'value'"),
    Case(
      name: "a SimplePredicate on an undefined field",
      document: tree(
        split.replacingOccurrences(
          of: "field=\"x\" operator=\"lessThan\"", with: "field=\"q\" operator=\"lessThan\"")),
      place: "/PMML/TreeModel/Node/Node[1]/SimplePredicate", message: "field 'q' is not defined"),
    Case(
      name: "a connection from an unknown neuron", document: network(from: "9"),
      place: "/PMML/NeuralNetwork/NeuralLayer[1]/Neuron/Con",
      message: "connection from '9', which is no earlier entity"),
    Case(
      name: "a connection from a later layer", document: network(from: "2"),
      place: "/PMML/NeuralNetwork/NeuralLayer[1]/Neuron/Con",
      message: "connection from '2', which is no earlier entity"),
    Case(
      name: "an output from an unknown neuron", document: network(output: "9"),
      place: "/PMML/NeuralNetwork/NeuralOutputs/NeuralOutput",
      message: "outputNeuron '9' is not a neuron"),
    Case(
      name: "a neuron id used twice", document: network(output: "1", secondID: "1"),
      place: "/PMML/NeuralNetwork/NeuralLayer[2]", message: "neural entity id '1' is used twice"),
    Case(
      name: "reason codes without a baseline score",
      document: scorecard(attributes: "useReasonCodes=\"true\""),
      place: "/PMML/Scorecard/Characteristics/Characteristic",
      message: "with useReasonCodes, a characteristic needs a baselineScore (or the Scorecard one)"),
    Case(
      name: "an attribute without a reason code",
      document: scorecard(
        first: firstAttribute.replacingOccurrences(of: " reasonCode=\"R1\"", with: "")),
      place: "/PMML/Scorecard/Characteristics/Characteristic/Attribute[1]",
      message: "with useReasonCodes, an attribute needs a reasonCode (or its characteristic's)"),
    Case(
      name: "an attribute without a partial score",
      document: scorecard(
        first: firstAttribute.replacingOccurrences(of: "partialScore=\"1\" ", with: "")),
      place: "/PMML/Scorecard/Characteristics/Characteristic/Attribute[1]",
      message: "an attribute needs a partialScore or a ComplexPartialScore"),
    Case(
      name: "a characteristic without attributes", document: scorecard(first: "", second: ""),
      place: "/PMML/Scorecard/Characteristics/Characteristic",
      message: "a characteristic needs at least one Attribute, found none"),
    Case(
      name: "a Segment without a predicate",
      document: mining(
        "<Segmentation multipleModelMethod=\"sum\"><Segment>\(segmentTree)</Segment></Segmentation>"
      ),
      place: "/PMML/MiningModel/Segmentation/Segment",
      message: "element 'Segment' has no predicate \(predicateKinds)"),
    Case(
      name: "a Segment without a model",
      document: mining(
        "<Segmentation multipleModelMethod=\"sum\"><Segment><True/></Segment></Segmentation>"),
      place: "/PMML/MiningModel/Segmentation/Segment", message: "Segment has no model"),
    Case(
      name: "a MiningModel without a Segmentation", document: mining(""),
      place: "/PMML/MiningModel", message: "MiningModel has no Segmentation"),
    Case(
      name: "a predictor reading the target field",
      document: regression(
        tables: table.replacingOccurrences(of: "name=\"x\"", with: "name=\"y\"")),
      place: "/PMML/RegressionModel/RegressionTable/NumericPredictor",
      message: "field 'y' is used, but it is not an active field of the top-level MiningSchema"),
  ]

  @Test(arguments: cases)
  func inconsistentDocumentsAreRefused(_ fixture: Case) {
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(fixture.document) }
    #expect(error?.kind == fixture.kind, "\(error?.description ?? "no error")")
    #expect(error?.place == fixture.place, "\(error?.description ?? "no error")")
    #expect(error?.message == fixture.message, "\(error?.description ?? "no error")")
    #expect(error?.line != nil)
    #expect(error?.file == "inline.pmml")
  }

  @Test func theValidVariantsLoad() throws {
    let documents = [
      Self.regression(), Self.tree(Self.split), Self.network(), Self.scorecard(),
      Self.mining(
        "<Segmentation multipleModelMethod=\"sum\"><Segment><True/>\(Self.segmentTree)</Segment>"
          + "</Segmentation>"),
    ]
    for document in documents {
      _ = try PMMLTesting.load(document)
    }
  }

  @Test func aTreeEndingInANodeWithoutAScoreRefusesTheRow() throws {
    let model = try PMMLTesting.load(
      Self.tree("<Node score=\"1\"><True/><Node><True/></Node></Node>"))
    let matrix = try PMMLTesting.matrix(model, csv: "x\n0.5\n")
    #expect(try model.predict(matrix)[0].isNaN)
    let issue = try #require(model.rowIssues(matrix).first)
    #expect(issue.message == "the tree ends in a node without a score")
  }
}
