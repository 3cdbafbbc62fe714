import FairTabular
import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// `RegressionModel` and `GeneralRegressionModel`, with expected values from their formulas.
@Suite struct PMMLRegressionTests {
  /// A logistic regression shaped as sklearn2pmml writes it: the positive table first.
  static func logistic(
    normalization: String = "logit", positiveFirst: Bool = true, treatment: String = "asIs",
    targets: String = ""
  ) -> String {
    let modelled = """
      <RegressionTable intercept="-1.0" targetCategory="\(positiveFirst ? "1" : "0")">
        <NumericPredictor name="scaled(age)" coefficient="0.5"/>
        <CategoricalPredictor name="region" value="N" coefficient="0.0"/>
        <CategoricalPredictor name="region" value="S" coefficient="0.8"/>
      </RegressionTable>
      """
    let other =
      "<RegressionTable intercept=\"0.0\" targetCategory=\"\(positiveFirst ? "0" : "1")\"/>"
    return PMMLTesting.document(
      fields: """
        <DataField name="age" optype="continuous" dataType="double"/>
        <DataField name="region" optype="categorical" dataType="string"><Value value="N"/><Value value="S"/></DataField>
        <DataField name="approved" optype="categorical" dataType="integer"><Value value="0"/><Value value="1"/></DataField>
        """,
      model: """
        <RegressionModel functionName="classification" normalizationMethod="\(normalization)">
          <MiningSchema>
            <MiningField name="age"/>
            <MiningField name="region" invalidValueTreatment="\(treatment)"/>
            <MiningField name="approved" usageType="target"/>
          </MiningSchema>
          <Output>
            <OutputField name="probability(0)" optype="continuous" dataType="double" feature="probability" value="0"/>
            <OutputField name="probability(1)" optype="continuous" dataType="double" feature="probability" value="1"/>
          </Output>
          \(targets)
          <LocalTransformations>
            <DerivedField name="scaled(age)" optype="continuous" dataType="double">
              <Apply function="/">
                <Apply function="-"><FieldRef field="age"/><Constant dataType="double">40</Constant></Apply>
                <Constant dataType="double">10</Constant>
              </Apply>
            </DerivedField>
          </LocalTransformations>
          \(modelled + other)
        </RegressionModel>
        """)
  }

  static let rows = "age,region\n50,S\n30,N\n40,W\n,S\n"

  private func logistic(_ y: Double) -> Double { 1 / (1 + Foundation.exp(-y)) }

  @Test func logisticRegressionReturnsTheLogOddsOfThePositiveClass() throws {
    let model = try PMMLTesting.load(Self.logistic())
    #expect(model.task == .binaryClassification)
    #expect(model.outputTransform == .logistic)
    #expect(model.targetCategories == ["0", "1"])
    let margins = try PMMLTesting.scores(model, csv: Self.rows)
    // y = −1 + 0.5·(age − 40)/10 + 0.8·[region = S]; the unseen 'W' adds nothing (asIs).
    expectClose(margins[0], 0.3, absolute: 1e-15)
    expectClose(margins[1], -1.5, absolute: 1e-15)
    expectClose(margins[2], -1.0, absolute: 1e-15)
    #expect(margins[3].isNaN)
    let probabilities = try PMMLTesting.scores(model, csv: Self.rows, output: .probability)
    expectClose(probabilities[0], logistic(0.3), relative: 1e-15)
  }

  @Test func negativeFirstTableNegatesTheMargin() throws {
    let model = try PMMLTesting.load(Self.logistic(positiveFirst: false))
    let margins = try PMMLTesting.scores(model, csv: Self.rows)
    expectClose(margins[0], -0.3, absolute: 1e-15)
    expectClose(margins[1], 1.5, absolute: 1e-15)
  }

  @Test func missingTableInputTakesThePriors() throws {
    let targets = """
      <Targets><Target field="approved">
        <TargetValue value="0" priorProbability="0.7"/><TargetValue value="1" priorProbability="0.3"/>
      </Target></Targets>
      """
    let model = try PMMLTesting.load(Self.logistic(targets: targets))
    let probabilities = try PMMLTesting.scores(model, csv: Self.rows, output: .probability)
    expectClose(probabilities[3], 0.3, relative: 1e-15)
  }

  @Test func unseenCategoryUnderReturnInvalidRefusesTheRow() throws {
    let model = try PMMLTesting.load(Self.logistic(treatment: "returnInvalid"))
    let matrix = try PMMLTesting.matrix(model, csv: Self.rows)
    let margins = try model.predict(matrix)
    #expect(margins[2].isNaN)
    let issues = model.rowIssues(matrix)
    #expect(issues.map(\.row) == [2, 3])
    #expect(issues.first?.kind == .invalidValue)
    #expect(issues.first?.field == "region")
    #expect(issues.last?.kind == .noPrediction)
  }

  @Test func probitGivesTheProbabilityAsMargin() throws {
    let model = try PMMLTesting.load(Self.logistic(normalization: "probit"))
    #expect(model.outputTransform == .identity)
    let margins = try PMMLTesting.scores(model, csv: Self.rows)
    // Φ(0.3) = 0.5·erfc(−0.3/√2).
    expectClose(margins[0], 0.5 * erfc(-0.3 / 2.0.squareRoot()), relative: 1e-15)
  }

  @Test func softmaxWithTwoFullTablesUsesTheirDifference() throws {
    let text = Self.logistic(normalization: "softmax").replacingOccurrences(
      of: "<RegressionTable intercept=\"0.0\" targetCategory=\"0\"/>",
      with: """
        <RegressionTable intercept="0.25" targetCategory="0"><NumericPredictor name="age" coefficient="0.01"/></RegressionTable>
        """)
    let model = try PMMLTesting.load(text)
    #expect(model.outputTransform == .logistic)
    let margins = try PMMLTesting.scores(model, csv: Self.rows)
    expectClose(margins[0], 0.3 - (0.25 + 0.5), absolute: 1e-15)
  }

  @Test func regressionAppliesExponentsTermsAndTargets() throws {
    let text = PMMLTesting.document(
      fields: """
        <DataField name="a" optype="continuous" dataType="double"/>
        <DataField name="b" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
      model: """
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="a"/><MiningField name="b"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Targets><Target field="y" rescaleFactor="2" rescaleConstant="1" min="-10" max="100"/></Targets>
          <RegressionTable intercept="0.5">
            <NumericPredictor name="a" exponent="2" coefficient="3"/>
            <PredictorTerm coefficient="-1"><FieldRef field="a"/><FieldRef field="b"/></PredictorTerm>
          </RegressionTable>
        </RegressionModel>
        """)
    let model = try PMMLTesting.load(text)
    let scores = try PMMLTesting.scores(model, csv: "a,b\n2,1\n10,0\n-1,30\n")
    // y = 0.5 + 3a² − ab, clamped to [−10, 100], then 2y + 1.
    expectClose(scores[0], 2 * (0.5 + 12 - 2) + 1, absolute: 1e-13)
    expectClose(scores[1], 2 * 100 + 1, absolute: 1e-13)
    expectClose(scores[2], 2 * (0.5 + 3 + 30) + 1, absolute: 1e-13)
    // Clamping to [min, max] makes the margin non-additive.
    #expect(model.linearDecomposition == nil)
    let unclamped = try PMMLTesting.load(
      text.replacingOccurrences(of: " min=\"-10\" max=\"100\"", with: ""))
    let decomposition = try #require(unclamped.linearDecomposition)
    #expect(decomposition.terms.map(\.name) == ["a", "a*b"])
    #expect(decomposition.terms.map(\.featureIndices) == [[0], [0, 1]])
    expectClose(decomposition.intercept, 2 * 0.5 + 1, absolute: 0)
  }

  @Test func regressionGradientsIncludeExponentsAndScaling() throws {
    let text = PMMLTesting.document(
      fields: """
        <DataField name="a" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
      model: """
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="a"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Targets><Target field="y" rescaleFactor="2"/></Targets>
          <RegressionTable intercept="0"><NumericPredictor name="a" exponent="3" coefficient="1.5"/></RegressionTable>
        </RegressionModel>
        """)
    let model = try PMMLTesting.load(text)
    let matrix = try PMMLTesting.matrix(model, csv: "a\n2\n-1\n")
    var gradients: [Double] = []
    try model.marginGradients(matrix.batch(rows: 0..<2), into: &gradients)
    // d/da 2·1.5·a³ = 9a².
    expectClose(gradients[0], 36, relative: 1e-15)
    expectClose(gradients[1], 9, relative: 1e-15)
  }

  @Test func integerCategoriesCompareByValue() throws {
    let text = PMMLTesting.document(
      fields: """
        <DataField name="grade" optype="categorical" dataType="integer"><Value value="1"/><Value value="2"/><Value value="3"/></DataField>
        <DataField name="code" optype="categorical" dataType="string"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
      model: """
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="grade"/><MiningField name="code" invalidValueTreatment="asIs"/><MiningField name="y" usageType="target"/></MiningSchema>
          <RegressionTable intercept="0">
            <CategoricalPredictor name="grade" value="2.0" coefficient="10"/>
            <CategoricalPredictor name="code" value="1" coefficient="100"/>
          </RegressionTable>
        </RegressionModel>
        """)
    let model = try PMMLTesting.load(text)
    #expect(model.preferredColumnTypes == ["grade": .numeric, "code": .categorical])
    #expect(model.features[0].kind == .categorical(levels: ["1", "2", "3"]))
    let scores = try PMMLTesting.scores(model, csv: "grade,code\n2,1\n2.0,1.0\n3,01\n")
    // grade 2 and 2.0 are the category "2.0" of an integer field; the string "1.0" is not "1".
    expectClose(scores[0], 110, absolute: 0)
    expectClose(scores[1], 10, absolute: 0)
    expectClose(scores[2], 0, absolute: 0)
  }

  @Test func refusesMulticlassModels() {
    let text = PMMLTesting.document(
      fields: """
        <DataField name="x" optype="continuous" dataType="double"/>
        <DataField name="c" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
        """,
      model: """
        <RegressionModel functionName="classification" normalizationMethod="softmax">
          <MiningSchema><MiningField name="x"/><MiningField name="c" usageType="target"/></MiningSchema>
          <RegressionTable intercept="1" targetCategory="a"/>
          <RegressionTable intercept="2" targetCategory="b"/>
          <RegressionTable intercept="0" targetCategory="c"/>
        </RegressionModel>
        """)
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.message.contains("multiclass") == true)
  }

  @Test func refusesUnknownNormalizationNamingTheElement() {
    let text = Self.logistic(normalization: "sparsemax")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "/PMML/RegressionModel")
    #expect(error?.message.contains("sparsemax") == true)
  }

  static let generalRegression = PMMLTesting.document(
    fields: """
      <DataField name="status" optype="categorical" dataType="string"><Value value="low"/><Value value="high"/></DataField>
      <DataField name="x" optype="continuous" dataType="double"/>
      <DataField name="risk" optype="categorical" dataType="string"><Value value="bad"/><Value value="good"/></DataField>
      """,
    model: """
      <GeneralRegressionModel modelType="generalizedLinear" functionName="classification" linkFunction="logit" targetReferenceCategory="bad">
        <MiningSchema><MiningField name="status"/><MiningField name="x" missingValueReplacement="2"/><MiningField name="risk" usageType="target"/></MiningSchema>
        <ParameterList><Parameter name="p0" label="Intercept"/><Parameter name="p1"/><Parameter name="p2"/></ParameterList>
        <FactorList><Predictor name="status"/></FactorList>
        <CovariateList><Predictor name="x"/></CovariateList>
        <PPMatrix>
          <PPCell value="high" predictorName="status" parameterName="p1"/>
          <PPCell value="2" predictorName="x" parameterName="p2"/>
        </PPMatrix>
        <ParamMatrix>
          <PCell parameterName="p0" beta="-0.5"/>
          <PCell parameterName="p1" beta="1.25"/>
          <PCell parameterName="p2" beta="0.1"/>
        </ParamMatrix>
      </GeneralRegressionModel>
      """)

  @Test func generalizedLinearModelUsesFactorsAndCovariatePowers() throws {
    let model = try PMMLTesting.load(Self.generalRegression)
    #expect(model.outputTransform == .logistic)
    #expect(model.positiveCategory == "good")
    let matrix = try PMMLTesting.matrix(model, csv: "status,x\nhigh,3\nlow,-1\nhigh,\n")
    let margins = try model.predict(matrix)
    // η = −0.5 + 1.25·[status = high] + 0.1·x²; a missing x is replaced by 2.
    expectClose(margins[0], -0.5 + 1.25 + 0.9, absolute: 1e-15)
    expectClose(margins[1], -0.5 + 0.1, absolute: 1e-15)
    expectClose(margins[2], -0.5 + 1.25 + 0.4, absolute: 1e-15)
    var gradients: [Double] = []
    try model.marginGradients(matrix.batch(rows: 0..<3), into: &gradients)
    // ∂η/∂x = 0.2·x; 0 for the categorical feature and for the replaced value.
    #expect(gradients[0] == 0)
    expectClose(gradients[1], 0.6, relative: 1e-15)
    expectClose(gradients[3], -0.2, relative: 1e-15)
    #expect(gradients[5] == 0)
    let decomposition = try #require(model.linearDecomposition)
    expectClose(decomposition.intercept, -0.5, absolute: 0)
    #expect(decomposition.terms.map(\.name) == ["p1", "p2"])
  }
}
