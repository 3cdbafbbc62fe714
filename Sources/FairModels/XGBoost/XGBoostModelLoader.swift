/// Loads XGBoost tree models saved as JSON with `Booster.save_model("model.json")`.
///
/// Reads models written by XGBoost 1.0 through 3.x (the format and its sources are in
/// <doc:XGBoostJSON>) and scores them exactly as XGBoost's CPU predictor does: splits compare
/// `Float(x) < threshold` (float32, strict), missing values follow `default_left`, categorical
/// splits send the listed categories right, and the margin is summed in `Float` from the base
/// margin in tree order.
///
/// - Objectives: `binary:logistic`, `reg:logistic`, `binary:logitraw`, `reg:squarederror`
///   (and its 1.0 name `reg:linear`). Any other objective is rejected with
///   ``ModelError/Kind/unsupported``; so are multiclass and multi-target models.
/// - Custom objectives: `xgb.train(params, dtrain, obj=…)` records the placeholder
///   `reg:squarederror` (XGBoost 3.2) with `base_score` left at 0.5, which XGBoost 2+ never
///   leaves for its own regression objective; such a model is refused unless the caller
///   declares a link. With ``ModelLink/logistic`` it is a binary classifier with probability
///   σ(margin). The margin is XGBoost's `output_margin=True` output either way: the stored
///   `base_score` is added as it is, because the recorded objective's link is the identity
///   and XGBoost estimates no intercept for a Python objective.
/// - Boosters: `gbtree` and `dart` (each tree weighted by its `weight_drop` entry).
///   `gblinear` is rejected.
/// - `base_score` may be a number (`"5E-1"`, `"0.500000"`) or a bracketed vector
///   (`"[5E-1]"`, 3.1+). It is a response; the margin offset is its logit, computed in
///   `Float`, for the logistic objectives, and the value itself otherwise.
/// - Features are named by `feature_names`, or `f0`, `f1`, … when the model has none.
///   Features of type `c` are categorical: with the labels stored in `cats` (3.1+), a
///   data file of labels is re-coded as XGBoost re-codes a data frame, including its
///   treatment of unseen labels (see ``ModelFeature/UnseenLevelRule/nextLevelInSortedOrder``);
///   without them, values are the category codes themselves.
/// - Every tree is used, as `Booster.predict` does; `best_iteration` is ignored.
/// - Only JSON is read. UBJSON (`.ubj`, the default format since XGBoost 2.1) is rejected:
///   load the model in XGBoost and save it again with a `.json` name.
///
/// ```swift
/// let model = try XGBoostModelLoader.load(contentsOf: "model.json")
/// let rows = try FeatureMatrix(binding: data, to: model.features, file: "data.csv")
/// let probabilities = model.predict(rows, output: .probability)
/// ```
public enum XGBoostModelLoader {
  /// Loads the model in the JSON file at `path`.
  ///
  /// - Parameters:
  ///   - path: The model file; messages name it as given.
  ///   - link: How the margin maps to the prediction, for a model trained with a custom
  ///     objective; `nil` to take it from the objective.
  /// - Returns: The model as a tree ensemble.
  /// - Throws: `ModelError` naming the file and the place of the first problem: a missing
  ///   or unreadable file, a file that is not a JSON object (`unknownFormat`), UBJSON,
  ///   malformed JSON (with its line and column), a field of the wrong type or length (with
  ///   its tree, node and field), an inconsistent tree, an unsupported objective or
  ///   booster, a `link` that disagrees with the objective, or a model over a size limit
  ///   (a file over 2 GiB, more than 100,000 trees or 10,000,000 nodes in a tree; see
  ///   <doc:LoaderConsistency#Size-limits>).
  /// - Complexity: O(*b*) for a file of *b* bytes.
  public static func load(contentsOf path: String, link: ModelLink? = nil) throws
    -> TreeEnsemble
  {
    try load(contentsOf: path, link: link, limits: .standard)
  }

  /// Loads the model at `path` within `limits` (lowered by tests).
  static func load(contentsOf path: String, link: ModelLink?, limits: ModelLimits) throws
    -> TreeEnsemble
  {
    if path.lowercased().hasSuffix(".ubj") {
      throw ModelError(
        .unsupported, file: path, message: XGBoostModelLoader.ubjsonMessage)
    }
    let bytes = try ModelFileReader.bytes(of: path, sizeLimit: limits.fileSize)
    return try load(data: bytes, file: path, link: link, limits: limits)
  }

  /// Loads a model from the bytes of a JSON file.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The name to use in messages.
  ///   - link: How the margin maps to the prediction; `nil` to take it from the objective.
  /// - Returns: The model as a tree ensemble.
  /// - Throws: `ModelError` as ``load(contentsOf:link:)`` does.
  /// - Complexity: O(*b*) for *b* bytes.
  public static func load(data: [UInt8], file: String, link: ModelLink? = nil) throws
    -> TreeEnsemble
  {
    try load(data: data, file: file, link: link, limits: .standard)
  }

  /// Loads a model from the bytes of a JSON file within `limits` (lowered by tests).
  static func load(data: [UInt8], file: String, link: ModelLink?, limits: ModelLimits) throws
    -> TreeEnsemble
  {
    if looksLikeUBJSON(data) {
      throw ModelError(.unsupported, file: file, message: XGBoostModelLoader.ubjsonMessage)
    }
    let whiteSpace: [UInt8] = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
    guard data.first(where: { !whiteSpace.contains($0) }) == UInt8(ascii: "{") else {
      throw ModelError(
        .unknownFormat, file: file,
        message: "not an XGBoost JSON model: the file does not start with a JSON object")
    }
    let document = try JSONDocument(parsing: data, file: file)
    return try XGBoostLearnerReader(document: document, link: link, limits: limits).ensemble()
  }

  static let ubjsonMessage =
    "the model is UBJSON (binary JSON); FairGate reads XGBoost's text JSON only: load it in "
    + "XGBoost and save it with 'booster.save_model(\"model.json\")'"

  /// Whether `bytes` start like a UBJSON object: `{` followed by a type marker rather than
  /// white space, a quote or `}`.
  static func looksLikeUBJSON(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "{") else { return false }
    return Array("iUIlLdDSC#$".utf8).contains(bytes[1])
  }
}
