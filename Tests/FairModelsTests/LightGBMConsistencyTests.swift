import FairModels
import Testing

/// One inconsistency LightGBM's loader refuses (or mishandles), made by replacing the first
/// line of `LightGBMTestModels.tiny` that starts with `prefix`, and the error FairGate must
/// give on `errorLine` (<doc:LoaderConsistency>).
struct LightGBMInconsistency: Sendable, CustomTestStringConvertible {
  var name: String
  var prefix: String
  var replacement: String
  var kind: ModelError.Kind = .invalidStructure
  var place: String?
  var message: String
  /// The start of the line the error names, or `nil` for the header's first line.
  var errorLine: String?

  var testDescription: String { name }
}

@Suite struct LightGBMConsistencyTests {
  static let cases: [LightGBMInconsistency] = [
    .init(
      name: "no num_class line", prefix: "num_class=", replacement: "", kind: .malformed,
      message: "the header has no 'num_class' line"),
    .init(
      name: "no label_index line", prefix: "label_index=", replacement: "", kind: .malformed,
      message: "the header has no 'label_index' line"),
    .init(
      name: "no feature_infos line", prefix: "feature_infos=", replacement: "", kind: .malformed,
      message: "the header has no 'feature_infos' line"),
    .init(
      name: "feature_infos shorter than the features", prefix: "feature_infos=",
      replacement: "feature_infos=[-3.1199484617298703:3.6235676883680048] -1:2:4:0:3:1",
      place: "'feature_infos'", message: "has 2 entries, but 'max_feature_idx' says 3 features",
      errorLine: "feature_infos="),
    .init(
      name: "tree_sizes listing fewer trees than the file holds", prefix: "tree_sizes=",
      replacement: "tree_sizes=473", place: "'tree_sizes'",
      message: "lists 1 sizes, but the file has 2 trees", errorLine: "tree_sizes="),
    .init(
      name: "tree_sizes that do not match a tree block", prefix: "tree_sizes=",
      replacement: "tree_sizes=474 477", place: "'tree_sizes', entry 0",
      message: "says tree 0 is 474 bytes long, but its block (line 12) is 473 bytes long",
      errorLine: "tree_sizes="),
    .init(
      name: "a tree without num_cat", prefix: "num_cat=", replacement: "", kind: .malformed,
      place: "tree 0", message: "has no 'num_cat' line", errorLine: "Tree=0"),
    .init(
      name: "leaf_weight shorter than num_leaves", prefix: "leaf_weight=",
      replacement: "leaf_weight=27.383812069892883 24.89437460899353",
      place: "tree 0, 'leaf_weight'",
      message: "has 2 entries, expected 3", errorLine: "leaf_weight="),
    .init(
      name: "leaf_value longer than num_leaves", prefix: "leaf_value=",
      replacement: "leaf_value=0.1 0.2 0.3 0.4", place: "tree 0, 'leaf_value'",
      message: "has 4 entries, expected 3", errorLine: "leaf_value="),
    .init(
      name: "threshold shorter than the internal nodes", prefix: "threshold=",
      replacement: "threshold=0.59308648715847523", place: "tree 0, 'threshold'",
      message: "has 1 entry, expected 2", errorLine: "threshold="),
    .init(
      name: "cat_boundaries shorter than num_cat + 1", prefix: "cat_boundaries=",
      replacement: "cat_boundaries=0", place: "tree 0, 'cat_boundaries'",
      message: "has 1 entry, expected 2", errorLine: "cat_boundaries="),
    .init(
      name: "cat_threshold longer than the last boundary", prefix: "cat_threshold=",
      replacement: "cat_threshold=10 3", place: "tree 0, 'cat_threshold'",
      message: "has 2 entries, expected 1", errorLine: "cat_threshold="),
    .init(
      name: "no cat_boundaries in a tree with categorical splits", prefix: "cat_boundaries=",
      replacement: "", kind: .malformed, place: "tree 0", message: "has no 'cat_boundaries' line",
      errorLine: "Tree=0"),
    .init(
      name: "left_child longer than the internal nodes", prefix: "left_child=",
      replacement: "left_child=1 -1 -2", place: "tree 0, 'left_child'",
      message: "has 3 entries, expected 2", errorLine: "left_child="),
    .init(
      name: "decision_type shorter than the internal nodes", prefix: "decision_type=",
      replacement: "decision_type=10", place: "tree 0, 'decision_type'",
      message: "has 1 entry, expected 2", errorLine: "decision_type="),
    .init(
      name: "internal_count shorter than the internal nodes", prefix: "internal_count=",
      replacement: "internal_count=400", place: "tree 0, 'internal_count'",
      message: "has 1 entry, expected 2", errorLine: "internal_count="),
    .init(
      name: "no max_feature_idx line", prefix: "max_feature_idx=", replacement: "",
      kind: .malformed, message: "the header has no 'max_feature_idx' line"),
    .init(
      name: "feature_names shorter than the features", prefix: "feature_names=",
      replacement: "feature_names=Column_0 Column_1", kind: .malformed, place: "'feature_names'",
      message: "lists 2 names, but 'max_feature_idx' says 3", errorLine: "feature_names="),
    .init(
      name: "tree_sizes listing more trees than the file holds", prefix: "tree_sizes=",
      replacement: "tree_sizes=473 477 480", place: "'tree_sizes'",
      message: "lists 3 sizes, but the file has 2 trees", errorLine: "tree_sizes="),
    .init(
      name: "a tree without num_leaves", prefix: "num_leaves=", replacement: "", kind: .malformed,
      place: "tree 0", message: "has no 'num_leaves' line", errorLine: "Tree=0"),
    .init(
      name: "a tree of no leaves", prefix: "num_leaves=", replacement: "num_leaves=0",
      place: "tree 0, 'num_leaves'", message: "a tree needs at least one leaf",
      errorLine: "num_leaves="),
    .init(
      name: "no leaf_count line", prefix: "leaf_count=", replacement: "", kind: .malformed,
      place: "tree 0", message: "has no 'leaf_count' line", errorLine: "Tree=0"),
  ]

  @Test(arguments: cases)
  func inconsistentModelsAreRefused(_ inconsistency: LightGBMInconsistency) throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: inconsistency.prefix, with: inconsistency.replacement,
      in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(text: text, file: "model.txt")
    }
    #expect(error?.kind == inconsistency.kind)
    #expect(error?.place == inconsistency.place)
    #expect(error?.message == inconsistency.message)
    let line = inconsistency.errorLine.flatMap {
      LightGBMTestModels.line(startingWith: $0, in: text)
    }
    #expect(error?.line == (line ?? 1))
    #expect(error?.file == "model.txt")
  }

  @Test func modelsWithoutTreeSizesLoad() throws {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "tree_sizes=", with: "", in: LightGBMTestModels.tiny)
    let model = try LightGBMModelLoader.load(text: text, file: "model.txt")
    #expect(model.treeCount == 2)
  }
}
