/// Reads the `learner` of an XGBoost JSON document (<doc:XGBoostJSON#Document-tree>) into a
/// ``TreeEnsemble``.
struct XGBoostLearnerReader {
  /// The most features a model may declare in `num_feature`: 2²², room for the hashed
  /// feature spaces of 2²⁰ and 2²¹ columns that text models use, while a damaged count
  /// cannot make the reader generate billions of feature names.
  static let maximumFeatureCount = 1 << 22

  let document: JSONDocument
  /// The link the caller declared, if any (see ``ModelLink``).
  var link: ModelLink? = nil
  /// The limits on the model's size.
  var limits = ModelLimits.standard

  private var file: String { document.fileName }

  /// The ensemble the document describes.
  func ensemble() throws -> TreeEnsemble {
    let root = try document.object(document.root, at: "the top-level value")
    let learner = try document.object(
      try document.member("learner", of: root, in: "the top-level object"), at: "'learner'")
    let parameters = try document.object(
      try document.member("learner_model_param", of: learner, in: "'learner'"),
      at: "'learner.learner_model_param'")
    let objectiveObject = try document.object(
      try document.member("objective", of: learner, in: "'learner'"), at: "'learner.objective'")
    let objectiveName = try document.string(
      try document.member("name", of: objectiveObject, in: "'learner.objective'"),
      at: "'learner.objective.name'")
    let objective = try XGBoostObjective.named(objectiveName, file: file)
      .declaring(link, file: file)
    try checkSingleOutput(parameters)

    let featureCount = try document.integer(
      try document.member("num_feature", of: parameters, in: "'learner.learner_model_param'"),
      at: "'learner.learner_model_param.num_feature'")
    // The count sizes arrays before anything else checks it (a model without feature names
    // gets one generated name per feature), so a damaged count must not allocate first.
    guard (0...Self.maximumFeatureCount).contains(featureCount) else {
      throw ModelError(
        .unsupported, file: file, place: "'learner.learner_model_param.num_feature'",
        message: "is \(featureCount); FairGate reads models of 0 to "
          + "\(Self.maximumFeatureCount) features")
    }
    let storedBase = try baseScore(parameters)
    if link == nil, objective.name == "reg:squarederror" || objective.name == "reg:linear" {
      try refuseCustomObjectivePlaceholder(storedBase, parameters: parameters, root: root)
    }

    let booster = try document.object(
      try document.member("gradient_booster", of: learner, in: "'learner'"),
      at: "'learner.gradient_booster'")
    let boosterName = try document.string(
      try document.member("name", of: booster, in: "'learner.gradient_booster'"),
      at: "'learner.gradient_booster.name'")
    let (model, weightDrop) = try treeModel(booster, name: boosterName)

    let treeValues = try document.array(
      try document.member("trees", of: model, in: "'learner.gradient_booster.model'"),
      at: "'learner.gradient_booster.model.trees'")
    guard treeValues.count <= limits.treeCount else {
      throw ModelError(
        .unsupported, file: file, place: "'learner.gradient_booster.model.trees'",
        message: ModelLimits.Message.tooManyTrees(
          String(treeValues.count), limit: limits.treeCount))
    }
    let order = try XGBoostTreeModelLayout(document: document)
      .treeOrder(model, trees: treeValues)
    var weights: [Double]?
    if let weightDrop {
      guard weightDrop.count == treeValues.count else {
        throw ModelError(
          .malformed, file: file, place: "'learner.gradient_booster.weight_drop'",
          message: "has \(weightDrop.count) weights, but the model has \(treeValues.count) trees")
      }
      weights = weightDrop.map { Double($0) }
    }

    let features = try self.features(learner, model: model, count: featureCount)
    let reader = XGBoostTreeReader(document: document, limits: limits)
    var trees: [Tree] = []
    trees.reserveCapacity(treeValues.count)
    // XGBoost files each tree under its `id`; saved files have id == position.
    for position in order {
      trees.append(try reader.tree(treeValues[position], index: position))
    }
    try checkBaseScore(storedBase, objective: objective)
    var objectiveSummary = objective.name
    if let link { objectiveSummary += ", declared link \(link.rawValue)" }
    let baseMargin = objective.baseMargin(fromStored: storedBase)
    return try TreeEnsemble(
      trees: trees, weights: weights, baseMargin: Double(baseMargin), features: features,
      task: objective.task, outputTransform: objective.transform, accumulation: .float32,
      summary: summary(booster: boosterName, trees: trees.count, objective: objectiveSummary),
      file: file, limits: limits)
  }

  /// Rejects multiclass and multi-target models, and the counts XGBoost refuses
  /// (`num_class` below 0, `num_target` below 1).
  private func checkSingleOutput(_ parameters: JSONObject) throws(ModelError) {
    for (key, least) in [("num_class", 0), ("num_target", 1)] {
      guard let value = parameters[key] else { continue }
      let place = "'learner.learner_model_param.\(key)'"
      let count = try document.integer(value, at: place)
      guard count >= least else {
        throw ModelError(
          .invalidStructure, file: file, place: place,
          message: "is \(count), but it must be at least \(least)")
      }
      if count > 1 {
        let what = key == "num_class" ? "multiclass models" : "multi-target models"
        throw ModelError(
          .unsupported, file: file, place: place,
          message: "the model has \(count) outputs; \(what) are not supported")
      }
    }
  }

  /// The stored `base_score`: a number, or a bracketed vector of one number (3.1+).
  private func baseScore(_ parameters: JSONObject) throws(ModelError) -> Float {
    let place = "'learner.learner_model_param.base_score'"
    let text = try document.string(
      try document.member("base_score", of: parameters, in: "'learner.learner_model_param'"),
      at: place)
    var body = text.trimmingSpaces
    if let first = body.first, first == "[" || first == "(" {
      let closing: Character = first == "[" ? "]" : ")"
      guard body.count >= 2, body.last == closing else {
        throw ModelError(
          .malformed, file: file, place: place, message: "'\(text)' is not a closed vector")
      }
      body = body.dropFirst().dropLast()
    }
    let entries = body.split(separator: ",", omittingEmptySubsequences: false)
    let values = entries.map { Float(String($0).trimmingSpaces) }
    guard entries.count == 1, let value = values[0], value.isFinite else {
      let message =
        entries.count > 1
        ? "'\(text)' holds \(entries.count) values; only models with one output are supported"
        : "'\(text)' is not a finite number"
      throw ModelError(.malformed, file: file, place: place, message: message)
    }
    return value
  }

  /// Refuses a model that records what XGBoost writes for a custom (Python) objective.
  ///
  /// The placeholder is `reg:squarederror` with `base_score` left at its default, 0.5, by
  /// XGBoost 2 or later with `boost_from_average` on. Those versions estimate the
  /// intercept of their own regression objective from the labels (the mean), and never for a
  /// Python objective, so the pair marks a custom objective whose output space the file does
  /// not say. XGBoost 1.x kept 0.5 for every model, so its files are read as regressors.
  private func refuseCustomObjectivePlaceholder(
    _ base: Float, parameters: JSONObject, root: JSONObject
  ) throws(ModelError) {
    guard base == 0.5, majorVersion(root) ?? 0 >= 2 else { return }
    let place = "'learner.learner_model_param.boost_from_average'"
    if let value = parameters["boost_from_average"],
      let text = try? document.string(value, at: place), text.trimmingSpaces == "0"
    {
      return
    }
    throw ModelError(
      .unsupported, file: file, place: "'learner.learner_model_param.base_score'",
      message: "objective 'reg:squarederror' with base_score left at 0.5 is what XGBoost "
        + "records for a custom (Python) objective; the file does not say how the margin maps "
        + "to a prediction: declare the link ('identity' for a squared-error regressor, "
        + "'logistic' for a classifier)")
  }

  /// The major version of XGBoost that saved the document, when it says.
  private func majorVersion(_ root: JSONObject) -> Int? {
    guard case .array(let parts)? = root["version"], case .number(let token)? = parts.first
    else { return nil }
    return document.integer(token)
  }

  /// Refuses a `base_score` outside [0, 1] for the logistic objectives, as XGBoost does
  /// ("base_score must be in (0,1) for the logistic loss"; 3.x accepts 0 and 1 and clamps
  /// them, so FairGate does too).
  private func checkBaseScore(_ value: Float, objective: XGBoostObjective) throws(ModelError) {
    guard objective.baseScoreConversion == .logit, !(value >= 0 && value <= 1) else { return }
    throw ModelError(
      .invalidStructure, file: file, place: "'learner.learner_model_param.base_score'",
      message: "is \(value), but objective '\(objective.name)' needs a probability in [0, 1]")
  }

  /// The tree model of a `gbtree` or `dart` booster, and DART's tree weights.
  private func treeModel(
    _ booster: JSONObject, name: String
  ) throws(ModelError) -> (JSONObject, [Float]?) {
    switch name {
    case "gbtree":
      let model = try document.object(
        try document.member("model", of: booster, in: "'learner.gradient_booster'"),
        at: "'learner.gradient_booster.model'")
      return (model, nil)
    case "dart":
      let inner = try document.object(
        try document.member("gbtree", of: booster, in: "'learner.gradient_booster'"),
        at: "'learner.gradient_booster.gbtree'")
      let model = try document.object(
        try document.member("model", of: inner, in: "'learner.gradient_booster.gbtree'"),
        at: "'learner.gradient_booster.model'")
      guard let drops = booster["weight_drop"] else {
        throw ModelError(
          .malformed, file: file, place: "'learner.gradient_booster'",
          message: "a dart booster needs 'weight_drop', the weight of each tree, "
            + "but the file has none")
      }
      let values = try document.array(drops, at: "'learner.gradient_booster.weight_drop'")
      var weights: [Float] = []
      for (index, value) in values.enumerated() {
        guard case .number(let number) = value else {
          throw ModelError(
            .malformed, file: file, place: "'learner.gradient_booster.weight_drop'",
            message: "entry \(index) is \(value.typeDescription), expected a number")
        }
        weights.append(document.float(number))
      }
      return (model, weights)
    default:
      let detail =
        name == "gblinear" ? "linear boosters ('gblinear') are not supported" : "it is unknown"
      throw ModelError(
        .unsupported, file: file, place: "'learner.gradient_booster.name'",
        message: "booster '\(name)' cannot be scored: \(detail); use 'gbtree' or 'dart'")
    }
  }

  /// The model's features: names, and categories for type `c`.
  private func features(
    _ learner: JSONObject, model: JSONObject, count: Int
  ) throws(ModelError) -> [ModelFeature] {
    var names: [String] = []
    if let value = learner["feature_names"] {
      for (index, element) in try document.array(value, at: "'learner.feature_names'")
        .enumerated()
      {
        names.append(try document.string(element, at: "'learner.feature_names[\(index)]'"))
      }
    }
    if names.isEmpty { names = (0..<count).map { "f\($0)" } }
    guard names.count == count else {
      throw ModelError(
        .malformed, file: file, place: "'learner.feature_names'",
        message: "lists \(names.count) names, but 'num_feature' is \(count)")
    }
    var types: [String] = []
    if let value = learner["feature_types"] {
      for (index, element) in try document.array(value, at: "'learner.feature_types'")
        .enumerated()
      {
        types.append(try document.string(element, at: "'learner.feature_types[\(index)]'"))
      }
    }
    guard types.isEmpty || types.count == count else {
      throw ModelError(
        .malformed, file: file, place: "'learner.feature_types'",
        message: "lists \(types.count) types, but 'num_feature' is \(count)")
    }
    var levels: [[String]] = []
    if let cats = model["cats"] {
      levels = try XGBoostCategoryTable(cats, featureCount: count, document: document).levels
    }
    var features: [ModelFeature] = []
    for (index, name) in names.enumerated() {
      let type = types.isEmpty ? "float" : types[index]
      switch type {
      case "c":
        let labels = levels.isEmpty ? [] : levels[index]
        features.append(
          ModelFeature(
            name: name, kind: .categorical(levels: labels),
            unseenLevels: labels.isEmpty ? .unseenCategory : .nextLevelInSortedOrder))
      case "q", "float", "int", "i":
        features.append(ModelFeature(name: name))
      default:
        throw ModelError(
          .unsupported, file: file, place: "'learner.feature_types[\(index)]'",
          message: "feature type '\(type)' is unknown (expected 'q', 'float', 'int', 'i' or 'c')")
      }
    }
    return features
  }

  private func summary(booster: String, trees: Int, objective: String) -> String {
    var text = "XGBoost \(booster), \(trees) trees, \(objective)"
    if let root = try? document.object(document.root, at: ""),
      case .array(let parts)? = root["version"]
    {
      let numbers = parts.compactMap { part -> Int? in
        guard case .number(let token) = part else { return nil }
        return document.integer(token)
      }
      if numbers.count == parts.count, !numbers.isEmpty {
        text += " (saved by XGBoost \(numbers.map(String.init).joined(separator: ".")))"
      }
    }
    return text
  }
}
