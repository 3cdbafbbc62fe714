import FairModels
import FairTabular
import Testing
import _FairTestSupport

/// Categorical features of XGBoost 3.1+ models, whose `cats` table stores the training
/// categories, and how a data file's labels are re-coded against it.
@Suite struct XGBoostCategoricalTests {
  /// A one-split model on the categorical feature `colour`.
  ///
  /// Its categories are "b", "d" and "é" (stored as int8 bytes: 0xC3 0xA9 appear as -61,
  /// -87). Category 1 ("d") goes right (+1); everything else left (-1); a missing value goes
  /// right (default_left 0).
  static let model = """
    {"learner":{"feature_names":["x","colour"],"feature_types":["float","c"],\
    "gradient_booster":{"model":{"cats":{"enc":[{"offsets":[],"values":[]},\
    {"offsets":[0,1,2,4],"values":[98,100,-61,-87]}],"feature_segments":[0,0,3],\
    "sorted_idx":[2,0,1]},"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"1"},\
    "tree_info":[0],"trees":[{"base_weights":[0E0,-1E0,1E0],"categories":[1],\
    "categories_nodes":[0],"categories_segments":[0],"categories_sizes":[1],\
    "default_left":[0,0,0],"id":0,"left_children":[1,-1,-1],"loss_changes":[1E0,0E0,0E0],\
    "parents":[2147483647,0,0],"right_children":[2,-1,-1],"split_conditions":[1E-45,-1E0,1E0],"split_indices":[1,0,0],\
    "split_type":[1,0,0],"sum_hessian":[2E0,1E0,1E0],"tree_param":{"num_nodes":"3",\
    "size_leaf_vector":"1"}}]},"name":"gbtree"},"learner_model_param":{"base_score":"[0E0]",\
    "num_class":"0","num_feature":"2","num_target":"1"},"objective":{"name":"reg:squarederror"}},\
    "version":[3,2,0]}
    """

  static func load(_ text: String = model) throws -> TreeEnsemble {
    try XGBoostModelLoader.load(data: Array(text.utf8), file: "model.json")
  }

  @Test func categoryLabelsComeFromTheCatsTable() throws {
    let model = try XGBoostCategoricalTests.load()
    #expect(model.features[0] == ModelFeature(name: "x"))
    #expect(model.features[1].kind == .categorical(levels: ["b", "d", "é"]))
    #expect(model.features[1].unseenLevels == .nextLevelInSortedOrder)
  }

  @Test func labelsAreRecodedAsXGBoostRecodesADataFrame() throws {
    let model = try XGBoostCategoricalTests.load()
    let labels = ["d", "b", "é", "c", "a", "Ñ"]
    let data = Dataset(columns: [
      .numeric(NumericColumn(name: "x", values: Array(repeating: 0, count: labels.count + 1))),
      .categorical(
        CategoricalColumn(
          name: "colour", codes: (0..<Int32(labels.count)).map { $0 } + [-1], levels: labels)),
    ])
    let rows = try FeatureMatrix(binding: data, to: model.features, file: "data.csv")
    // XGBoost's re-coder binary-searches the label among the sorted training labels and takes
    // the first one not less than it, with no equality check; text compares as signed bytes,
    // so "é" and "Ñ" (0xC3 …) sort before ASCII. "c" becomes "d", "a" becomes "b", "Ñ"
    // becomes "é".
    let codes = (0..<rows.rowCount).map { rows[$0, 1] }
    expectAllClose(codes, [1, 0, 2, 1, 0, 2, .nan], "codes are exact")
    let margins = try model.predict(rows)
    expectAllClose(margins, [1, -1, -1, 1, -1, -1, 1], "leaf values are exact")
  }

  @Test func labelSortingAfterEveryCategoryIsRefusedAsXGBoostRefusesIt() throws {
    let model = try XGBoostCategoricalTests.load()
    let data = Dataset(columns: [
      .numeric(NumericColumn(name: "x", values: [0, 0])),
      .categorical(CategoricalColumn(name: "colour", codes: [0, 1], levels: ["b", "z"])),
    ])
    // XGBoost throws "Found a category not in the training set" for the whole batch; scoring
    // the row anyway would be a number no library computes.
    let error = #expect(throws: DataError.self) {
      try FeatureMatrix(binding: data, to: model.features, file: "data.csv")
    }
    #expect(error?.kind == .unknownCategory)
    #expect(error?.column == .init(index: 2, name: "colour"))
    #expect(error?.message.hasPrefix("label 'z' is not among the model's categories") == true)
  }

  @Test func integerCodesStillScore() throws {
    let model = try XGBoostCategoricalTests.load()
    let data = Dataset(columns: [
      .numeric(NumericColumn(name: "x", values: [0, 0, 0])),
      .numeric(NumericColumn(name: "colour", values: [1, 0, 7])),
    ])
    let rows = try FeatureMatrix(binding: data, to: model.features, file: "codes.csv")
    let margins = try model.predict(rows)
    // Codes pass through; 7 has no level, so it is unseen: an invalid category, left.
    expectAllClose(margins, [1, -1, -1], "leaf values are exact")
  }

  @Test func integerCategoriesAreMatchedByValue() throws {
    let text = XGBoostTestModels.replacing(
      "{\"offsets\":[0,1,2,4],\"values\":[98,100,-61,-87]}",
      with: "{\"type\":6,\"values\":[10,20,30]}", in: XGBoostCategoricalTests.model)
    let model = try XGBoostCategoricalTests.load(text)
    #expect(model.features[1].kind == .categorical(levels: ["10", "20", "30"]))
    let data = Dataset(columns: [
      .numeric(NumericColumn(name: "x", values: [0, 0, 0])),
      .numeric(NumericColumn(name: "colour", values: [20, 10, 15])),
    ])
    let rows = try FeatureMatrix(binding: data, to: model.features, file: "data.csv")
    // 15 is not a category: the re-coder takes the next one, 20 (code 1).
    expectAllClose((0..<3).map { rows[$0, 1] }, [1, 0, 1], "codes are exact")
    let beyond = Dataset(columns: [
      .numeric(NumericColumn(name: "x", values: [0])),
      .numeric(NumericColumn(name: "colour", values: [31])),
    ])
    // 31 sorts after every category: refused, as XGBoost refuses it.
    #expect(throws: DataError.self) {
      try FeatureMatrix(binding: beyond, to: model.features, file: "data.csv")
    }
  }

  @Test func categoricalFeaturesWithoutCatsReadCodes() throws {
    let cats =
      #""cats":{"enc":[{"offsets":[],"values":[]},{"offsets":[0,1,2,4],"values":[98,100,-61,-87]}],"#
      + #""feature_segments":[0,0,3],"sorted_idx":[2,0,1]},"#
    let text = XGBoostTestModels.replacing(cats, with: "", in: XGBoostCategoricalTests.model)
    let model = try XGBoostCategoricalTests.load(text)
    #expect(model.features[1] == ModelFeature(name: "colour", kind: .categorical(levels: [])))
    let labels = Dataset(columns: [
      .numeric(NumericColumn(name: "x", values: [0])),
      .categorical(CategoricalColumn(name: "colour", codes: [0], levels: ["red"])),
    ])
    // Without stored labels there is no way to turn text into the training codes.
    let error = #expect(throws: DataError.self) {
      try FeatureMatrix(binding: labels, to: model.features, file: "data.csv")
    }
    #expect(error?.kind == .expectedNumber)
    #expect(error?.message.contains("stores no labels") == true)
  }

  @Test func malformedCatsAreReported() throws {
    let text = XGBoostTestModels.replacing(
      "\"offsets\":[0,1,2,4]", with: "\"offsets\":[0,1,2,9]", in: XGBoostCategoricalTests.model)
    let error = #expect(throws: ModelError.self) { try XGBoostCategoricalTests.load(text) }
    #expect(error?.kind == .malformed)
    #expect(error?.place == "'cats.enc[1].offsets'")
  }
}
