/// Reads a LightGBM model's features: names from `feature_names`, which features are
/// categorical, and their labels from the `pandas_categorical` trailer.
///
/// The categorical features are those of the `[categorical_feature: …]` training parameter
/// or, when the file lacks it, those whose `feature_infos` entry lists categories instead of
/// a `[min:max]` range. `pandas_categorical` holds one list of labels per pandas category
/// column, in column order; the label's position is the code LightGBM was trained on.
struct LightGBMFeatureReader {
  let model: LightGBMModelText
  let featureCount: Int

  private var file: String { model.header.file }

  /// The features, in model order.
  ///
  /// - Throws: `ModelError`: `malformed` for a name list of the wrong length or an
  ///   unreadable `pandas_categorical`, `unsupported` when `pandas_categorical` has a
  ///   different number of lists than the model has categorical features (ordered pandas
  ///   categoricals, which LightGBM treats as numbers, make the lists impossible to match).
  func features() throws(ModelError) -> [ModelFeature] {
    let header = model.header
    let names = try header.text("feature_names").value.split(separator: " ").map(String.init)
    guard names.count == featureCount else {
      throw ModelError(
        .malformed, file: file, line: header.line(of: "feature_names"),
        place: "'feature_names'",
        message: "lists \(names.count) names, but 'max_feature_idx' says \(featureCount)")
    }
    let categorical = try categoricalFeatures(names: names)
    let levels = try pandasLevels()
    if !levels.isEmpty && levels.count != categorical.count {
      throw ModelError(
        .unsupported, file: file, line: model.pandasCategorical?.line,
        place: "'pandas_categorical'",
        message: "lists categories for \(levels.count) columns, but the model has "
          + "\(categorical.count) categorical features; the lists cannot be matched to "
          + "features (were some pandas categoricals ordered?)")
    }
    var features = names.map { ModelFeature(name: $0) }
    for (position, feature) in categorical.enumerated() {
      features[feature].kind = .categorical(levels: levels.isEmpty ? [] : levels[position])
    }
    return features
  }

  /// The indexes of the categorical features, ascending.
  private func categoricalFeatures(names: [String]) throws(ModelError) -> [Int] {
    if let parameter = model.parameters["categorical_feature"] {
      var indexes: Set<Int> = []
      var text = parameter.value.trimmingSpaces
      let byName = text.hasPrefix("name:")
      if byName { text = text.dropFirst(5) }
      for item in text.split(separator: ",") {
        let token = String(item.trimmingSpaces)
        let index = byName ? names.firstIndex(of: token) : Int(token)
        guard let index, index >= 0, index < featureCount else {
          throw ModelError(
            .malformed, file: file, line: parameter.line, place: "'categorical_feature'",
            message: "'\(token)' is not one of the model's \(featureCount) features")
        }
        indexes.insert(index)
      }
      return indexes.sorted()
    }
    guard let infos = model.header.entries["feature_infos"] else { return [] }
    let tokens = infos.value.split(separator: " ")
    guard tokens.count == featureCount else { return [] }
    return tokens.indices.filter { !tokens[$0].hasPrefix("[") && tokens[$0] != "none" }
  }

  /// The label lists of `pandas_categorical`, or none when the line is absent or `null`.
  private func pandasLevels() throws(ModelError) -> [[String]] {
    guard let entry = model.pandasCategorical else { return [] }
    let text = entry.value.trimmingSpaces
    if text.isEmpty || text == "null" { return [] }
    func malformed(_ message: String) -> ModelError {
      ModelError(
        .malformed, file: file, line: entry.line, place: "'pandas_categorical'",
        message: message)
    }
    let document: JSONDocument
    do {
      document = try JSONDocument(parsing: Array(text.utf8), file: file)
    } catch {
      throw malformed("is not valid JSON: \(error.message)")
    }
    guard case .array(let columns) = document.root else {
      throw malformed("expected a list of category lists")
    }
    var levels: [[String]] = []
    for (column, value) in columns.enumerated() {
      guard case .array(let labels) = value else {
        throw malformed("entry \(column) is \(value.typeDescription), expected a list")
      }
      var texts: [String] = []
      for label in labels {
        switch label {
        case .string(let string): texts.append(string)
        case .number(let number): texts.append(document.text(of: number))
        case .bool(let flag): texts.append(flag ? "True" : "False")
        default:
          throw malformed(
            "list \(column) holds \(label.typeDescription), expected strings or numbers")
        }
      }
      levels.append(texts)
    }
    return levels
  }
}
