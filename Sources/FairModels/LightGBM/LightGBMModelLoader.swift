/// Loads LightGBM models saved as text with `booster.save_model("model.txt")`.
///
/// Scores them exactly as LightGBM's `predict` does (<doc:LightGBMText>): numeric splits
/// go left when `x <= threshold` in `Double` after LightGBM's missing-value rules (per node:
/// NaN read as 0, zero-as-missing, or NaN-as-missing, each with a default direction);
/// categorical splits go left for the categories whose bit is set in the node's
/// `cat_threshold` bitset; leaf values (shrinkage already applied) are summed in `Double` in
/// tree order.
///
/// - Objectives: `binary` (logistic), `cross_entropy`, and the identity regressions
///   (`regression`, `regression_l1`, `huber`, `fair`, `quantile`, `mape`). For
///   `binary sigmoid:K` every tree is weighted by K, so that the margin is the log-odds
///   `K · raw` and the logistic transform gives LightGBM's probability; with the default
///   K = 1 the margin is LightGBM's raw score. Multiclass models, linear trees and other
///   objectives are rejected with ``ModelError/Kind/unsupported``.
/// - Custom objectives (LightGBM 4.x writes no `objective=` line for them, only the
///   parameter `[objective: custom]`) load only with a declared ``ModelLink``: the
///   margin is LightGBM's raw score, and with ``ModelLink/logistic`` the probability is
///   σ(margin). Without one they are rejected, as is a link that disagrees with a known
///   objective.
/// - Random-forest models (the bare `average_output` header line) average their trees: the
///   margin is the mean tree output, the value LightGBM's probability is computed from.
/// - Covers are LightGBM's `internal_count`/`leaf_count`, as its `pred_contrib` uses.
/// - Features are named by `feature_names`. When the Python package appended
///   `pandas_categorical`, its category lists (in the order of the categorical features)
///   become the features' levels, so a data file of labels maps to the training codes; a
///   data file of integer codes still works, and unseen labels route like missing values.
///
/// ```swift
/// let model = try LightGBMModelLoader.load(contentsOf: "model.txt")
/// let rows = try FeatureMatrix(binding: data, to: model.features, file: "data.csv")
/// let margins = model.predict(rows)
/// ```
public enum LightGBMModelLoader {
  /// Loads the text model at `path`.
  ///
  /// - Parameters:
  ///   - path: The model file; messages name it as given.
  ///   - link: How the margin maps to the prediction, required for a custom objective;
  ///     `nil` to take it from the objective.
  /// - Returns: The model as a tree ensemble.
  /// - Throws: `ModelError` naming the file, line and place of the first problem: a missing
  ///   or unreadable file, text that is not a LightGBM model, a missing or malformed line, an
  ///   inconsistent tree, an unsupported objective or feature, a custom objective without a
  ///   `link`, a `link` that disagrees with the objective, or a model over a size limit (a
  ///   file over 2 GiB, more than 100,000 trees or 10,000,000 nodes in a tree; see
  ///   <doc:LoaderConsistency#Size-limits>).
  /// - Complexity: O(*b*) for a file of *b* bytes.
  public static func load(contentsOf path: String, link: ModelLink? = nil) throws
    -> TreeEnsemble
  {
    try load(contentsOf: path, link: link, limits: .standard)
  }

  /// Loads the text model at `path` within `limits` (lowered by tests).
  static func load(contentsOf path: String, link: ModelLink?, limits: ModelLimits) throws
    -> TreeEnsemble
  {
    let bytes = try ModelFileReader.bytes(of: path, sizeLimit: limits.fileSize)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ModelError(.malformed, file: path, message: "the file is not valid UTF-8 text")
    }
    return try load(text: text, file: path, link: link, limits: limits)
  }

  /// Loads a model from the text of a model file.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - file: The name to use in messages.
  ///   - link: How the margin maps to the prediction; `nil` to take it from the objective.
  /// - Returns: The model as a tree ensemble.
  /// - Throws: `ModelError` as ``load(contentsOf:link:)`` does.
  /// - Complexity: O(*b*) for *b* bytes of text.
  public static func load(text: String, file: String, link: ModelLink? = nil) throws
    -> TreeEnsemble
  {
    try load(text: text, file: file, link: link, limits: .standard)
  }

  /// Loads a model from the text of a model file within `limits` (lowered by tests).
  static func load(text: String, file: String, link: ModelLink?, limits: ModelLimits) throws
    -> TreeEnsemble
  {
    let model = try LightGBMModelText(parsing: text, file: file, treeLimit: limits.treeCount)
    let header = model.header
    for key in ["num_class", "num_tree_per_iteration"] where header.entries[key] != nil {
      let count = try header.integer(key)
      guard count == 1 else {
        throw ModelError(
          .unsupported, file: file, line: header.line(of: key), place: header.place(key),
          message: "the model has \(count) outputs per iteration; "
            + "multiclass models are not supported")
      }
    }
    var objectiveText = header.entries["objective"]?.value ?? ""
    var objectiveLine = header.line(of: "objective")
    // LightGBM 4.x writes no `objective=` line for a Python objective, only the parameter
    // line `[objective: custom]`.
    if header.entries["objective"] == nil, let parameter = model.parameters["objective"],
      parameter.value == "custom"
    {
      objectiveText = parameter.value
      objectiveLine = parameter.line
    }
    let objective = try LightGBMObjective.parse(
      objectiveText.trimmingSpaces, file: file, line: objectiveLine, link: link)
    let maximumFeatureIndex = try header.integer("max_feature_idx")
    // Split features are stored as `Int32`; checked before adding 1 could overflow.
    guard maximumFeatureIndex >= -1, maximumFeatureIndex < Int(Int32.max) else {
      throw ModelError(
        .invalidStructure, file: file, line: header.line(of: "max_feature_idx"),
        place: header.place("max_feature_idx"),
        message: "is \(maximumFeatureIndex); expected -1 to \(Int32.max - 1)")
    }
    let featureCount = maximumFeatureIndex + 1
    try model.checkHeader(featureCount: featureCount)
    let features = try LightGBMFeatureReader(model: model, featureCount: featureCount).features()

    let reader = LightGBMTreeReader(
      featureCount: featureCount, nodeLimit: limits.nodesPerTree,
      categoryWordLimit: limits.categoryWords)
    var trees: [Tree] = []
    trees.reserveCapacity(model.trees.count)
    for block in model.trees { trees.append(try reader.tree(block)) }
    // After the trees, so that a damaged tree is named rather than the sizes it shifts.
    try model.checkTreeSizes()
    let weights =
      objective.treeScale == 1
      ? nil : [Double](repeating: objective.treeScale, count: trees.count)
    let boosting = model.parameters["boosting"].map { String($0.value) } ?? "gbdt"
    return try TreeEnsemble(
      trees: trees, weights: weights, baseMargin: 0, features: features, task: objective.task,
      outputTransform: objective.transform, accumulation: .float64,
      averagesTrees: model.averageOutput,
      summary: "LightGBM \(boosting), \(trees.count) trees, \(objectiveText.trimmingSpaces)"
        + (link.map { ", declared link \($0.rawValue)" } ?? ""),
      file: file, limits: limits)
  }
}
