/// LightGBM model texts used by the loader tests.
enum LightGBMTestModels {
  /// A LightGBM 4.7.0 binary model of 2 trees × 3 leaves whose column 1 is categorical
  /// (`cat_threshold=10`: categories {1, 3} go left), as `Booster.save_model` wrote it, with
  /// the `parameters:` list cut down to the entries FairGate reads.
  ///
  /// Its expected raw scores (LightGBM 4.7.0's `predict(raw_score=True)`) are in
  /// `LightGBMModelLoaderTests`; the FairAttribution tests rebuild it by hand (`TestModels`).
  static let tiny = """
    tree
    version=v4
    num_class=1
    num_tree_per_iteration=1
    label_index=0
    max_feature_idx=2
    objective=binary sigmoid:1
    feature_names=Column_0 Column_1 Column_2
    feature_infos=[-3.1199484617298703:3.6235676883680048] -1:2:4:0:3:1 \
    [-2.7881773967346191:2.490208765842763]
    tree_sizes=473 477

    Tree=0
    num_leaves=3
    num_cat=1
    split_feature=0 1
    split_gain=104.873 128.397
    threshold=0.59308648715847523 0
    decision_type=10 9
    left_child=1 -1
    right_child=-2 -3
    leaf_value=0.372373580030602 0.75857150701260156 -0.84419736079002239
    leaf_weight=27.383812069892883 24.89437460899353 47.299311757087708
    leaf_count=110 100 190
    internal_value=-0.130184 -0.426435
    internal_weight=99.5775 74.6831
    internal_count=400 300
    cat_boundaries=0 1
    cat_threshold=10
    is_linear=0
    shrinkage=1


    Tree=1
    num_leaves=3
    num_cat=1
    split_feature=0 1
    split_gain=51.9523 53.1678
    threshold=-0.78908363168622697 0
    decision_type=8 9
    left_child=-1 -2
    right_child=1 -3
    leaf_value=-0.80007947687670111 0.59876599682173981 -0.19108982617696377
    leaf_weight=17.150770604610443 27.288279920816422 43.801011770963669
    leaf_count=78 116 206
    internal_value=-0.018992 0.169451
    internal_weight=88.2401 71.0893
    internal_count=400 322
    cat_boundaries=0 1
    cat_threshold=10
    is_linear=0
    shrinkage=0.5


    end of trees

    feature_importances:
    Column_1=2
    Column_0=2

    parameters:
    [boosting: gbdt]
    [objective: binary]
    [categorical_feature: 1]
    end of parameters

    pandas_categorical:null

    """

  /// The 1-based line of the first line of `text` that starts with `prefix`.
  static func line(startingWith prefix: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.hasPrefix(prefix) }
      .map { $0 + 1 }
  }

  /// `text` with the first line that starts with `prefix` replaced by `replacement`.
  static func replacingLine(
    startingWith prefix: String, with replacement: String, in text: String
  ) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
      preconditionFailure("no line starts with '\(prefix)'")
    }
    lines[index] = replacement
    return lines.joined(separator: "\n")
  }
}
