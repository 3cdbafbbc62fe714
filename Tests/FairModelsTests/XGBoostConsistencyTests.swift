import FairModels
import Testing

/// One inconsistency XGBoost's loader refuses (or crashes on), made by replacing text in a
/// test model, and the error FairGate must give (<doc:LoaderConsistency>).
struct XGBoostInconsistency: Sendable, CustomTestStringConvertible {
  var name: String
  var model: String = XGBoostTestModels.logistic
  /// `(target, replacement)` pairs, applied in order to the first occurrence of each target.
  var edits: [(String, String)]
  var kind: ModelError.Kind = .invalidStructure
  var place: String
  var message: String

  var testDescription: String { name }
}

@Suite struct XGBoostConsistencyTests {
  static let model = "'learner.gradient_booster.model"

  /// `logistic` with nodes 0 and 1 of tree 0 turned into categorical splits.
  static func categorical(nodes: String, segments: String, sizes: String) -> [(String, String)] {
    [
      ("\"split_type\":[0,0,0,0,0,0,0]", "\"split_type\":[1,1,0,0,0,0,0]"),
      (
        "\"categories\":[],\"categories_nodes\":[],\"categories_segments\":[],"
          + "\"categories_sizes\":[]",
        "\"categories\":[1,2],\"categories_nodes\":\(nodes),\"categories_segments\":\(segments),"
          + "\"categories_sizes\":\(sizes)"
      ),
    ]
  }

  static let cases: [XGBoostInconsistency] = [
    .init(
      name: "num_trees says more trees than the file holds",
      edits: [("\"num_trees\":\"2\"", "\"num_trees\":\"3\"")],
      place: model + ".gbtree_model_param.num_trees'", message: "is 3, but 'trees' holds 2 trees"),
    .init(
      name: "no gbtree_model_param",
      edits: [("\"gbtree_model_param\":", "\"gbtree_param\":")], kind: .malformed,
      place: model + "'", message: "has no member 'gbtree_model_param'"),
    .init(
      name: "num_parallel_tree below 1",
      edits: [("\"num_parallel_tree\":\"1\"", "\"num_parallel_tree\":\"0\"")],
      place: model + ".gbtree_model_param.num_parallel_tree'",
      message: "is 0, but it must be at least 1"),
    .init(
      name: "tree_info longer than num_trees",
      edits: [("\"tree_info\":[0,0]", "\"tree_info\":[0,0,0]")],
      place: model + ".tree_info'", message: "has 3 entries, but 'num_trees' is 2"),
    .init(
      name: "no tree_info", edits: [("\"tree_info\":", "\"tree_infos\":")], kind: .malformed,
      place: model + "'", message: "has no member 'tree_info'"),
    .init(
      name: "a tree of another output group",
      edits: [("\"tree_info\":[0,0]", "\"tree_info\":[0,1]")],
      kind: .unsupported, place: "tree 1, 'tree_info'",
      message: "the tree belongs to output group 1; multiclass models are not supported"),
    .init(
      name: "iteration_indptr ending past num_trees",
      edits: [("\"iteration_indptr\":[0,1,2]", "\"iteration_indptr\":[0,1,3]")],
      place: model + ".iteration_indptr[2]'", message: "is 3, but 'num_trees' is 2"),
    .init(
      name: "iteration_indptr not starting at 0",
      edits: [("\"iteration_indptr\":[0,1,2]", "\"iteration_indptr\":[1,1,2]")],
      place: model + ".iteration_indptr[0]'",
      message: "is 1, but the first iteration starts at tree 0"),
    .init(
      name: "iteration_indptr decreasing",
      edits: [("\"iteration_indptr\":[0,1,2]", "\"iteration_indptr\":[0,2,1]")],
      place: model + ".iteration_indptr[2]'", message: "is 1, less than the entry before it (2)"),
    .init(
      name: "iteration_indptr empty",
      edits: [("\"iteration_indptr\":[0,1,2]", "\"iteration_indptr\":[]")],
      place: model + ".iteration_indptr'",
      message: "is empty, but it must start at 0 and end at 'num_trees' (2)"),
    .init(
      name: "an old model whose trees make no whole iterations", model: XGBoostTestModels.and17,
      edits: [("\"num_parallel_tree\":\"1\"", "\"num_parallel_tree\":\"2\"")],
      place: model + ".gbtree_model_param.num_trees'",
      message: "1 trees do not make whole iterations of 2 ('num_parallel_tree'), and the file "
        + "has no 'iteration_indptr'"),
    .init(
      name: "a tree id out of range", edits: [("\"id\":1,", "\"id\":5,")], place: "tree 1, 'id'",
      message: "id 5 is out of range 0..<2"),
    .init(
      name: "a repeated tree id", edits: [("\"id\":1,", "\"id\":0,")], place: "tree 1, 'id'",
      message: "id 0 is also the id of tree 0"),
    .init(
      name: "a tree without an id", edits: [("\"id\":1,", "\"ident\":1,")], kind: .malformed,
      place: "tree 1", message: "has no member 'id'"),
    .init(
      name: "loss_changes shorter than num_nodes",
      edits: [("\"loss_changes\":[1.0339119E2,", "\"loss_changes\":[")],
      place: "tree 0, 'loss_changes'", message: "has 6 entries, but 'tree_param.num_nodes' is 7"),
    .init(
      name: "no base_weights", edits: [("\"base_weights\":", "\"base_weight\":")],
      kind: .malformed, place: "tree 0", message: "has no member 'base_weights'"),
    .init(
      name: "parents shorter than num_nodes",
      edits: [("\"parents\":[2147483647,0,0,1,1,2,2]", "\"parents\":[2147483647,0,0,1,1,2]")],
      place: "tree 0, 'parents'", message: "has 6 entries, but 'tree_param.num_nodes' is 7"),
    .init(
      name: "a parent out of range",
      edits: [("\"parents\":[2147483647,0,0,1,", "\"parents\":[2147483647,0,0,2147483647,")],
      place: "tree 0, node 3, 'parents'", message: "parent 2147483647 is out of range 0..<7"),
    .init(
      name: "num_deleted that counts no deleted node",
      edits: [("\"num_deleted\":\"0\"", "\"num_deleted\":\"1\"")],
      place: "tree 0, 'tree_param.num_deleted'",
      message: "is 1, but 0 nodes are marked deleted (split index 2147483647, default left)"),
    .init(
      name: "num_target below 1", edits: [("\"num_target\":\"1\"", "\"num_target\":\"0\"")],
      place: "'learner.learner_model_param.num_target'",
      message: "is 0, but it must be at least 1"),
    .init(
      name: "num_class below 0", edits: [("\"num_class\":\"0\"", "\"num_class\":\"-1\"")],
      place: "'learner.learner_model_param.num_class'",
      message: "is -1, but it must be at least 0"),
    .init(
      name: "a logistic base score above 1", edits: [("\"[4.675E-1]\"", "\"[1.5E0]\"")],
      place: "'learner.learner_model_param.base_score'",
      message: "is 1.5, but objective 'binary:logistic' needs a probability in [0, 1]"),
    .init(
      name: "split_type shorter than num_nodes",
      edits: [("\"split_type\":[0,0,0,0,0,0,0]", "\"split_type\":[0,0,0,0,0,0]")],
      place: "tree 0, 'split_type'", message: "has 6 entries, but 'tree_param.num_nodes' is 7"),
    .init(
      name: "a categorical split with no category list",
      edits: [("\"split_type\":[0,0,0,0,0,0,0]", "\"split_type\":[0,1,0,0,0,0,0]")],
      place: "tree 0, node 1, 'split_type'",
      message: "the node is a categorical split (split_type 1), but 'categories_nodes' does not "
        + "list it"),
    .init(
      name: "an empty category list",
      edits: categorical(nodes: "[0,1]", segments: "[0,1]", sizes: "[1,0]"),
      place: "tree 0, node 1, 'categories_sizes'",
      message: "size is 0, but a categorical split lists at least one category"),
    .init(
      name: "category lists out of node order",
      edits: categorical(nodes: "[1,0]", segments: "[0,1]", sizes: "[1,1]"),
      place: "tree 0, 'categories_nodes'",
      message: "entry 1 names node 0 after node 1; the nodes must be in ascending order"),
    .init(
      name: "a category segment past the end of 'categories'",
      edits: categorical(nodes: "[0,1]", segments: "[0,2]", sizes: "[1,1]"),
      place: "tree 0, node 1, 'categories_segments'",
      message: "segment 2..<3 is outside 'categories' (2 entries)"),
    .init(
      name: "a negative category",
      edits: categorical(nodes: "[0,1]", segments: "[0,1]", sizes: "[1,1]") + [
        ("\"categories\":[1,2]", "\"categories\":[1,-2]")
      ],
      place: "tree 0, node 1, 'categories'", message: "category -2 is outside 0..<16777216"),
    .init(
      name: "no base_score", edits: [("\"base_score\":\"[4.675E-1]\",", "")], kind: .malformed,
      place: "'learner.learner_model_param'", message: "has no member 'base_score'"),
    .init(
      name: "a base_score with two values", edits: [("\"[4.675E-1]\"", "\"[5E-1,5E-1]\"")],
      kind: .malformed, place: "'learner.learner_model_param.base_score'",
      message: "'[5E-1,5E-1]' holds 2 values; only models with one output are supported"),
    .init(
      name: "a tree of no nodes", edits: [("\"num_nodes\":\"7\"", "\"num_nodes\":\"0\"")],
      place: "tree 0, 'tree_param.num_nodes'", message: "a tree needs at least one node, found 0"),
    .init(
      name: "an unknown split type",
      edits: [("\"split_type\":[0,0,0,0,0,0,0]", "\"split_type\":[2,0,0,0,0,0,0]")],
      kind: .unsupported, place: "tree 0, node 0, 'split_type'",
      message: "split type 2 is unknown (0 is numeric, 1 categorical)"),
    .init(
      name: "a category list on a numeric split",
      edits: [categorical(nodes: "[0,1]", segments: "[0,1]", sizes: "[1,1]")[1]],
      place: "tree 0, node 0, 'categories_nodes'",
      message: "node has a category list but is not a categorical split (split_type 1)"),
    .init(
      name: "feature_names not matching num_feature",
      edits: [("\"feature_names\":[]", "\"feature_names\":[\"a\",\"b\"]")], kind: .malformed,
      place: "'learner.feature_names'", message: "lists 2 names, but 'num_feature' is 3"),
    .init(
      name: "feature_types not matching num_feature",
      edits: [("\"feature_types\":[]", "\"feature_types\":[\"float\"]")], kind: .malformed,
      place: "'learner.feature_types'", message: "lists 1 types, but 'num_feature' is 3"),
    .init(
      name: "an unknown feature type",
      edits: [("\"feature_types\":[]", "\"feature_types\":[\"float\",\"z\",\"float\"]")],
      kind: .unsupported, place: "'learner.feature_types[1]'",
      message: "feature type 'z' is unknown (expected 'q', 'float', 'int', 'i' or 'c')"),
    .init(
      name: "an unknown booster", edits: [("\"name\":\"gbtree\"}", "\"name\":\"gbforest\"}")],
      kind: .unsupported, place: "'learner.gradient_booster.name'",
      message: "booster 'gbforest' cannot be scored: it is unknown; use 'gbtree' or 'dart'"),
    .init(
      name: "vector-leaf trees",
      edits: [("\"size_leaf_vector\":\"1\"", "\"size_leaf_vector\":\"2\"")], kind: .unsupported,
      place: "tree 0, 'tree_param.size_leaf_vector'",
      message: "vector-leaf trees (size_leaf_vector 2) are not supported"),
    .init(
      name: "dart weights fewer than trees",
      edits: [
        (
          "\"gradient_booster\":{\"model\":",
          "\"gradient_booster\":{\"weight_drop\":[5E-1],\"gbtree\":{\"model\":"
        ),
        ("\"name\":\"gbtree\"}", "\"name\":\"gbtree\"},\"name\":\"dart\"}"),
      ],
      kind: .malformed, place: "'learner.gradient_booster.weight_drop'",
      message: "has 1 weights, but the model has 2 trees"),
  ]

  static func text(_ inconsistency: XGBoostInconsistency) -> String {
    inconsistency.edits.reduce(inconsistency.model) { text, edit in
      XGBoostTestModels.replacing(edit.0, with: edit.1, in: text)
    }
  }

  @Test(arguments: cases)
  func inconsistentModelsAreRefused(_ inconsistency: XGBoostInconsistency) throws {
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(data: Array(Self.text(inconsistency).utf8), file: "model.json")
    }
    #expect(error?.kind == inconsistency.kind)
    #expect(error?.place == inconsistency.place)
    #expect(error?.message == inconsistency.message)
    #expect(error?.file == "model.json")
  }

  @Test func theCategoricalVariantItselfLoads() throws {
    let edits = Self.categorical(nodes: "[0,1]", segments: "[0,1]", sizes: "[1,1]")
    let text = Self.text(.init(name: "valid", edits: edits, place: "", message: ""))
    let model = try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
    #expect(model.categoryContains(node: 0, category: 1))
    #expect(model.categoryContains(node: 1, category: 2))
  }

  @Test func treesAreFiledUnderTheirIDs() throws {
    var text = XGBoostTestModels.replacing(
      "\"id\":0,", with: "\"id\":9,", in: XGBoostTestModels.logistic)
    text = XGBoostTestModels.replacing("\"id\":1,", with: "\"id\":0,", in: text)
    text = XGBoostTestModels.replacing("\"id\":9,", with: "\"id\":1,", in: text)
    let swapped = try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
    let plain = try XGBoostModelLoader.load(
      data: Array(XGBoostTestModels.logistic.utf8), file: "model.json")
    let row: [Double] = [0.3, 1, 0]
    row.withUnsafeBufferPointer { x in
      #expect(
        swapped.value[swapped.leaf(tree: 0, row: x)] == plain.value[plain.leaf(tree: 1, row: x)])
      #expect(
        swapped.value[swapped.leaf(tree: 1, row: x)] == plain.value[plain.leaf(tree: 0, row: x)])
    }
  }

  @Test func logisticBaseScoresOfZeroAndOneLoad() throws {
    for score in ["[0E0]", "[1E0]"] {
      let text = XGBoostTestModels.replacing(
        "\"[4.675E-1]\"", with: "\"\(score)\"", in: XGBoostTestModels.logistic)
      _ = try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
    }
  }
}
