import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// `NeuralNetwork`: forward values from the formulas, and gradients against finite
/// differences.
@Suite struct PMMLNeuralNetworkTests {
  /// A binary classifier shaped like sklearn2pmml's MLP: tanh hidden layer, identity
  /// output, then the logistic and `1 − p` layers.
  static let classifier = PMMLTesting.document(
    fields: """
      <DataField name="age" optype="continuous" dataType="double"/>
      <DataField name="region" optype="categorical" dataType="string"><Value value="N"/><Value value="S"/></DataField>
      <DataField name="approved" optype="categorical" dataType="integer"><Value value="0"/><Value value="1"/></DataField>
      """,
    model: """
      <NeuralNetwork functionName="classification" activationFunction="tanh">
        <MiningSchema><MiningField name="age"/><MiningField name="region"/><MiningField name="approved" usageType="target"/></MiningSchema>
        <NeuralInputs>
          <NeuralInput id="input/1"><DerivedField optype="continuous" dataType="double">
            <NormContinuous field="age"><LinearNorm orig="20" norm="-1"/><LinearNorm orig="60" norm="1"/></NormContinuous>
          </DerivedField></NeuralInput>
          <NeuralInput id="input/2"><DerivedField optype="continuous" dataType="double">
            <NormDiscrete field="region" value="S"/>
          </DerivedField></NeuralInput>
        </NeuralInputs>
        <NeuralLayer>
          <Neuron id="1/1" bias="0.1"><Con from="input/1" weight="0.5"/><Con from="input/2" weight="-0.3"/></Neuron>
          <Neuron id="1/2" bias="-0.2"><Con from="input/1" weight="-1.0"/><Con from="input/2" weight="0.7"/></Neuron>
        </NeuralLayer>
        <NeuralLayer activationFunction="identity">
          <Neuron id="2/1" bias="0.05"><Con from="1/1" weight="1.2"/><Con from="1/2" weight="-0.8"/></Neuron>
        </NeuralLayer>
        <NeuralLayer activationFunction="logistic">
          <Neuron id="logistic/1"><Con from="2/1" weight="1"/></Neuron>
        </NeuralLayer>
        <NeuralLayer activationFunction="identity">
          <Neuron id="event/false" bias="1"><Con from="logistic/1" weight="-1"/></Neuron>
          <Neuron id="event/true"><Con from="logistic/1" weight="1"/></Neuron>
        </NeuralLayer>
        <NeuralOutputs>
          <NeuralOutput outputNeuron="event/false"><DerivedField optype="categorical" dataType="integer"><NormDiscrete field="approved" value="0"/></DerivedField></NeuralOutput>
          <NeuralOutput outputNeuron="event/true"><DerivedField optype="categorical" dataType="integer"><NormDiscrete field="approved" value="1"/></DerivedField></NeuralOutput>
        </NeuralOutputs>
      </NeuralNetwork>
      """)

  static func expected(age: Double, isSouth: Bool) -> Double {
    let a = (age - 40) / 20
    let s = isSouth ? 1.0 : 0
    let h1 = tanh(0.1 + 0.5 * a - 0.3 * s)
    let h2 = tanh(-0.2 - 1.0 * a + 0.7 * s)
    return 1 / (1 + exp(-(0.05 + 1.2 * h1 - 0.8 * h2)))
  }

  @Test func classifierReturnsThePositiveProbability() throws {
    let model = try PMMLTesting.load(Self.classifier)
    #expect(model.outputTransform == .identity)
    #expect(model.isDifferentiable)
    let margins = try PMMLTesting.scores(model, csv: "age,region\n50,S\n25,N\n70,S\nNA,N\n")
    // The same operations in the same order: agreement to a few ulps.
    expectClose(margins[0], Self.expected(age: 50, isSouth: true), relative: 1e-14)
    expectClose(margins[1], Self.expected(age: 25, isSouth: false), relative: 1e-14)
    expectClose(margins[2], Self.expected(age: 70, isSouth: true), relative: 1e-14)
    #expect(margins[3].isNaN)
  }

  @Test func classifierGradientMatchesFiniteDifferences() throws {
    let model = try PMMLTesting.load(Self.classifier)
    let matrix = try PMMLTesting.matrix(model, csv: "age,region\n50,S\n25,N\n")
    var gradients: [Double] = []
    try model.marginGradients(matrix.batch(rows: 0..<2), into: &gradients)
    for (row, isSouth) in [(0, true), (1, false)] {
      let age = matrix[row, 0]
      let step = 1e-5
      let numeric =
        (Self.expected(age: age + step, isSouth: isSouth)
          - Self.expected(age: age - step, isSouth: isSouth)) / (2 * step)
      // Central difference error O(h²) ≈ 1e-10 against an O(1e-2) derivative.
      expectClose(gradients[row * 2], numeric, relative: 1e-7)
      #expect(gradients[row * 2 + 1] == 0)
    }
  }

  static let regressor = PMMLTesting.document(
    fields: """
      <DataField name="x" optype="continuous" dataType="double"/>
      <DataField name="w" optype="continuous" dataType="double"/>
      <DataField name="y" optype="continuous" dataType="double"/>
      """,
    model: """
      <NeuralNetwork functionName="regression" activationFunction="logistic">
        <MiningSchema><MiningField name="x"/><MiningField name="w"/><MiningField name="y" usageType="target"/></MiningSchema>
        <NeuralInputs>
          <NeuralInput id="0"><DerivedField optype="continuous" dataType="double"><FieldRef field="x"/></DerivedField></NeuralInput>
          <NeuralInput id="1"><DerivedField optype="continuous" dataType="double">
            <Apply function="ln"><FieldRef field="w"/></Apply>
          </DerivedField></NeuralInput>
        </NeuralInputs>
        <NeuralLayer normalizationMethod="softmax">
          <Neuron id="h1" bias="0.3"><Con from="0" weight="0.8"/><Con from="1" weight="-0.5"/></Neuron>
          <Neuron id="h2" bias="-0.1"><Con from="0" weight="-0.4"/><Con from="1" weight="0.9"/></Neuron>
        </NeuralLayer>
        <NeuralLayer activationFunction="identity">
          <Neuron id="out" bias="0.2"><Con from="h1" weight="1.5"/><Con from="h2" weight="-0.5"/></Neuron>
        </NeuralLayer>
        <NeuralOutputs>
          <NeuralOutput outputNeuron="out"><DerivedField optype="continuous" dataType="double">
            <NormContinuous field="y"><LinearNorm orig="0" norm="0"/><LinearNorm orig="100" norm="1"/></NormContinuous>
          </DerivedField></NeuralOutput>
        </NeuralOutputs>
      </NeuralNetwork>
      """)

  static func regression(x: Double, w: Double) -> Double {
    let (i0, i1) = (x, log(w))
    let g1 = 1 / (1 + exp(-(0.3 + 0.8 * i0 - 0.5 * i1)))
    let g2 = 1 / (1 + exp(-(-0.1 - 0.4 * i0 + 0.9 * i1)))
    let total = exp(g1) + exp(g2)
    let (s1, s2) = (exp(g1) / total, exp(g2) / total)
    return 100 * (0.2 + 1.5 * s1 - 0.5 * s2)
  }

  @Test func regressorDenormalisesItsOutputAndDifferentiatesThroughSoftmax() throws {
    let model = try PMMLTesting.load(Self.regressor)
    let matrix = try PMMLTesting.matrix(model, csv: "x,w\n0.5,2\n-1,0.25\n")
    let margins = try model.predict(matrix)
    expectClose(margins[0], Self.regression(x: 0.5, w: 2), relative: 1e-13)
    expectClose(margins[1], Self.regression(x: -1, w: 0.25), relative: 1e-13)
    var gradients: [Double] = []
    try model.marginGradients(matrix.batch(rows: 0..<2), into: &gradients)
    let step = 1e-6
    for row in 0..<2 {
      let (x, w) = (matrix[row, 0], matrix[row, 1])
      let dx =
        (Self.regression(x: x + step, w: w) - Self.regression(x: x - step, w: w)) / (2 * step)
      let dw =
        (Self.regression(x: x, w: w + step) - Self.regression(x: x, w: w - step)) / (2 * step)
      // Central differences: truncation O(h²) and rounding ≈ 1e-14·100/1e-6 ≈ 1e-6 absolute.
      expectClose(gradients[row * 2], dx, absolute: 1e-5, relative: 1e-6)
      expectClose(gradients[row * 2 + 1], dw, absolute: 1e-5, relative: 1e-6)
    }
  }

  @Test func refusesUnknownActivations() {
    let text = Self.regressor.replacingOccurrences(
      of: "activationFunction=\"logistic\"", with: "activationFunction=\"swish\"")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(text) }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "/PMML/NeuralNetwork")
  }
}
