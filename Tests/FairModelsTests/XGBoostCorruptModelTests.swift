import FairModels
import Testing

/// One way to damage the tiny logistic model, `XGBoostTestModels.logistic`, and the error it
/// must produce.
struct XGBoostCorruption: Sendable, CustomTestStringConvertible {
  var name: String
  var target: String
  var replacement: String
  var kind: ModelError.Kind
  var place: String?
  var message: String

  var testDescription: String { name }
}

@Suite struct XGBoostCorruptModelTests {
  static let corruptions: [XGBoostCorruption] = [
    .init(
      name: "child index out of range", target: "\"left_children\":[1,3,5,",
      replacement: "\"left_children\":[1,3,9,", kind: .invalidStructure,
      place: "tree 0, node 2, 'left_children'", message: "child 9 is out of range 0..<7"),
    .init(
      name: "a cycle back to the root", target: "\"left_children\":[1,3,5,",
      replacement: "\"left_children\":[1,0,5,", kind: .invalidStructure,
      place: "tree 0, node 1, 'left_children'",
      message: "child 0 is reached twice (the tree has a cycle or a shared node)"),
    .init(
      name: "arrays of unequal length", target: "\"right_children\":[2,4,6,-1,-1,-1,-1]",
      replacement: "\"right_children\":[2,4,6,-1,-1,-1]", kind: .invalidStructure,
      place: "tree 0, 'right_children'",
      message: "has 6 entries, but 'tree_param.num_nodes' is 7"),
    .init(
      name: "NaN threshold", target: "\"split_conditions\":[5.067324E-1,",
      replacement: "\"split_conditions\":[NaN,", kind: .invalidStructure,
      place: "tree 0, node 0, 'split_conditions'", message: "threshold is NaN"),
    .init(
      name: "feature index beyond the feature list", target: "\"split_indices\":[0,1,0,",
      replacement: "\"split_indices\":[0,7,0,", kind: .invalidStructure,
      place: "tree 0, node 1, 'split_indices'",
      message: "feature index 7 is beyond the model's 3 features"),
    .init(
      name: "an entry of the wrong type", target: "\"left_children\":[1,3,5,",
      replacement: "\"left_children\":[1,\"3\",5,", kind: .malformed,
      place: "tree 0, node 1, 'left_children'",
      message: "expected an integer, found the string '3'"),
    .init(
      name: "a fractional child index", target: "\"left_children\":[1,3,5,",
      replacement: "\"left_children\":[1,3.5,5,", kind: .malformed,
      place: "tree 0, node 1, 'left_children'", message: "expected an integer, found '3.5'"),
    .init(
      name: "a missing per-node array", target: "\"sum_hessian\"", replacement: "\"hessian\"",
      kind: .malformed, place: "tree 0", message: "has no member 'sum_hessian'"),
    .init(
      name: "a categorical node list naming a numeric node", target: "\"categories_nodes\":[]",
      replacement: "\"categories_nodes\":[1]", kind: .invalidStructure,
      place: "tree 0, 'categories_segments'",
      message: "has 0 entries, but 'categories_nodes' has 1"),
    .init(
      name: "an unknown objective", target: "binary:logistic", replacement: "binary:hinge",
      kind: .unsupported, place: "'learner.objective.name'",
      message: "objective 'binary:hinge' is not supported; supported objectives are "
        + "'binary:logistic', 'binary:logitraw', 'reg:linear', 'reg:logistic', 'reg:squarederror'"),
    .init(
      name: "a base score that is not a number", target: "\"[4.675E-1]\"",
      replacement: "\"[abc]\"", kind: .malformed,
      place: "'learner.learner_model_param.base_score'", message: "'[abc]' is not a finite number"),
  ]

  @Test(arguments: corruptions)
  func corruptModelsAreRejectedWithTheirPlace(_ corruption: XGBoostCorruption) throws {
    let text = XGBoostTestModels.replacing(
      corruption.target, with: corruption.replacement, in: XGBoostTestModels.logistic)
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
    }
    #expect(error?.kind == corruption.kind)
    #expect(error?.place == corruption.place)
    #expect(error?.message == corruption.message)
    #expect(error?.file == "model.json")
  }

  @Test func truncatedJSONNamesTheEndOfTheFile() throws {
    let text = String(XGBoostTestModels.logistic.prefix(700))
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
    }
    #expect(error?.kind == .malformed)
    #expect(error?.line == 1)
    #expect(error?.message.contains("unexpected end of the file") == true)
    #expect(error?.message.contains("(byte 700)") == true)
  }

  @Test func syntaxErrorsNameTheirLineAndColumn() throws {
    let text = XGBoostTestModels.replacing(
      "\"tree_info\":[0,0],", with: "\"tree_info\":[0,0],\n\n  \"oops\": tru,",
      in: XGBoostTestModels.logistic)
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
    }
    #expect(error?.kind == .malformed)
    #expect(error?.line == 3)
    #expect(error?.message.hasPrefix("invalid JSON at column 11") == true)
    #expect(error?.description.hasPrefix("model.json:3: error: invalid JSON at column 11") == true)
  }

  @Test func treeStructureErrorsRenderInCompilerStyle() throws {
    let text = XGBoostTestModels.replacing(
      "\"left_children\":[1,3,5,", with: "\"left_children\":[1,3,99,",
      in: XGBoostTestModels.logistic)
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
    }
    #expect(
      error?.description
        == "model.json: error: tree 0, node 2, 'left_children': child 99 is out of range 0..<7")
  }
}
