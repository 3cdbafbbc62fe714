import FairModels
import Testing

/// One way to damage the tiny LightGBM model, `LightGBMTestModels.tiny` (replace the first line
/// starting with `prefix`), and the error it must produce on that line.
struct LightGBMCorruption: Sendable, CustomTestStringConvertible {
  var name: String
  var prefix: String
  var replacement: String
  var kind: ModelError.Kind
  var place: String?
  var message: String

  var testDescription: String { name }
}

@Suite struct LightGBMCorruptModelTests {
  static let corruptions: [LightGBMCorruption] = [
    .init(
      name: "child index out of range", prefix: "left_child=", replacement: "left_child=5 -1",
      kind: .invalidStructure, place: "tree 0, node 0, 'left_child'",
      message: "child 5 is out of range: the internal nodes are 0..<2"),
    .init(
      name: "leaf index out of range", prefix: "right_child=", replacement: "right_child=-2 -9",
      kind: .invalidStructure, place: "tree 0, node 1, 'right_child'",
      message: "child -9 names leaf 8, but the tree has 3 leaves"),
    .init(
      name: "a cycle back to the root", prefix: "left_child=", replacement: "left_child=0 -1",
      kind: .invalidStructure, place: "tree 0, node 0, 'left_child'",
      message: "node 0 is reached twice (the tree has a cycle or a shared node)"),
    .init(
      name: "a leaf used twice", prefix: "right_child=", replacement: "right_child=-2 -1",
      kind: .invalidStructure, place: "tree 0, node 1, 'right_child'",
      message: "leaf 0 is reached twice (the tree has a cycle or a shared node)"),
    .init(
      name: "arrays of unequal length", prefix: "right_child=", replacement: "right_child=-2",
      kind: .invalidStructure, place: "tree 0, 'right_child'", message: "has 1 entry, expected 2"),
    .init(
      name: "NaN threshold", prefix: "threshold=", replacement: "threshold=nan 0",
      kind: .invalidStructure, place: "tree 0, node 0, 'threshold'", message: "threshold is NaN"),
    .init(
      name: "feature index beyond the feature list", prefix: "split_feature=",
      replacement: "split_feature=0 5", kind: .invalidStructure,
      place: "tree 0, node 1, 'split_feature'",
      message: "feature index 5 is beyond the model's 3 features"),
    .init(
      name: "a categorical split naming a missing bitset", prefix: "threshold=",
      replacement: "threshold=0.59308648715847523 3", kind: .invalidStructure,
      place: "tree 0, node 1, 'threshold'",
      message: "categorical split names bitset 3.0, but the tree has 1 ('num_cat')"),
    .init(
      name: "a number that does not parse", prefix: "leaf_value=",
      replacement: "leaf_value=0.37x 0.75857150701260156 -0.84419736079002239", kind: .malformed,
      place: "tree 0, leaf 0, 'leaf_value'", message: "expected a number, found '0.37x'"),
    .init(
      name: "a bad decision type", prefix: "decision_type=", replacement: "decision_type=12 9",
      kind: .invalidStructure, place: "tree 0, node 0, 'decision_type'",
      message: "12 is not a valid decision type"),
    .init(
      name: "an unknown objective", prefix: "objective=", replacement: "objective=tweedie",
      kind: .unsupported, place: "'objective'",
      message: "objective 'tweedie' is not supported; supported objectives are 'binary', "
        + "'cross_entropy' and the identity regressions ('regression', 'regression_l1', "
        + "'huber', 'fair', 'quantile', 'mape')"),
  ]

  @Test(arguments: corruptions)
  func corruptModelsAreRejectedWithTheirLine(_ corruption: LightGBMCorruption) throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: corruption.prefix, with: corruption.replacement, in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(text: text, file: "model.txt")
    }
    #expect(error?.kind == corruption.kind)
    #expect(error?.place == corruption.place)
    #expect(error?.message == corruption.message)
    #expect(error?.line == LightGBMTestModels.line(startingWith: corruption.prefix, in: text))
  }

  @Test func truncatedModelsAreReported() throws {
    let text = String(LightGBMTestModels.tiny.prefix(900))
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(text: text, file: "model.txt")
    }
    #expect(error?.kind == .malformed)
    #expect(error?.message == "the file ends before 'end of trees' (is it truncated?)")
  }

  @Test func missingLinesNameTheirTree() throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "leaf_count=", with: "leaf_counts=110 100 190", in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(text: text, file: "model.txt")
    }
    #expect(error?.kind == .malformed)
    let line = try #require(LightGBMTestModels.line(startingWith: "Tree=0", in: text))
    #expect(error?.line == line)
    #expect(error?.description == "model.txt:\(line): error: tree 0: has no 'leaf_count' line")
  }

  @Test func errorsRenderInCompilerStyle() throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "left_child=", with: "left_child=5 -1", in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(text: text, file: "model.txt")
    }
    let line = try #require(LightGBMTestModels.line(startingWith: "left_child=", in: text))
    #expect(
      error?.description
        == "model.txt:\(line): error: tree 0, node 0, 'left_child': child 5 is out of range: "
        + "the internal nodes are 0..<2")
  }
}
