import FairAttribution
import FairModels
import Testing

/// A model with no exact method.
private struct OpaqueModel: ScoringModel {
  let features = [ModelFeature(name: "x")]
  let task = ModelTask.regression
  let outputTransform = OutputTransform.identity
  let summary = "neural network"

  func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
    margins = Array(batch.values)
  }
}

@Suite struct ExactMethodTests {
  @Test func treesGetPathDependentTreeSHAP() throws {
    #expect(
      ExactMethod.choose(for: try TestModels.xgboostLogistic()) == .method(.treePathDependent))
  }

  @Test func treesWithoutCoversNeedABackground() throws {
    var tree = Tree(nodeCount: 3)
    tree.splitFeature[0] = 0
    tree.leftChild[0] = 1
    tree.rightChild[0] = 2
    let model = try TreeEnsemble(
      trees: [tree], baseMargin: 0, features: [ModelFeature(name: "x")], task: .regression,
      outputTransform: .identity, accumulation: .float64, summary: "pmml tree", file: "")
    #expect(ExactMethod.choose(for: model, hasBackground: true) == .method(.treeInterventional))
    let choice = ExactMethod.choose(for: model)
    #expect(choice.method == nil)
    guard case .unavailable(let reason) = choice else { return }
    #expect(reason.contains("no usable covers"))
  }

  @Test func linearModelsGetLinearSHAP() {
    #expect(ExactMethod.choose(for: TestLinearModel()) == .method(.linear))
  }

  @Test func otherModelsHaveNoExactMethod() {
    let choice = ExactMethod.choose(for: OpaqueModel(), hasBackground: true)
    #expect(
      choice
        == .unavailable(
          reason: "no exact method for neural network; use a sampling method such as kernel SHAP"))
    #expect(ExactMethod.allCases.map(\.rawValue) == ["tree-path", "tree-interventional", "linear"])
  }
}
