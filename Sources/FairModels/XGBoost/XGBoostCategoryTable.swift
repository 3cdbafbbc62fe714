/// The category labels an XGBoost 3.1+ model stores for its categorical features
/// (`gradient_booster.model.cats`; see <doc:XGBoostJSON#Categorical-splits>).
///
/// `cats.enc` has one entry per feature, empty for numeric ones. String categories are
/// `{"offsets": [...], "values": [...]}`: Arrow-style offsets into UTF-8 bytes that XGBoost
/// writes as `int8` numbers (so bytes of 0x80 and above appear negative). Integer categories
/// are `{"type": t, "values": [...]}`. A category's code is its position in its entry, which
/// is the order of the training data frame's categories.
struct XGBoostCategoryTable {
  /// The labels of each feature's categories, in code order; empty for numeric features.
  let levels: [[String]]

  /// Reads `cats` for a model with `featureCount` features.
  ///
  /// - Throws: `ModelError` (`malformed`) naming the entry and field that is wrong.
  init(_ value: JSONValue, featureCount: Int, document: JSONDocument) throws(ModelError) {
    let place = "'learner.gradient_booster.model.cats'"
    let object = try document.object(value, at: place)
    guard let encodings = object["enc"] else {
      levels = []
      return
    }
    let entries = try document.array(encodings, at: "'cats.enc'")
    guard entries.isEmpty || entries.count == featureCount else {
      throw ModelError(
        .malformed, file: document.fileName, place: "'cats.enc'",
        message: "has \(entries.count) entries, but the model has \(featureCount) features")
    }
    var levels: [[String]] = []
    for (feature, entry) in entries.enumerated() {
      let path = "cats.enc[\(feature)]"
      let encoding = try document.object(entry, at: "'\(path)'")
      if let offsets = encoding["offsets"] {
        levels.append(
          try XGBoostCategoryTable.strings(
            offsets: offsets, values: try document.member("values", of: encoding, in: "'\(path)'"),
            path: path, document: document))
      } else if let values = encoding["values"] {
        let numbers = try document.array(values, at: "'\(path).values'")
        var labels: [String] = []
        for (position, number) in numbers.enumerated() {
          guard case .number(let token) = number else {
            throw ModelError(
              .malformed, file: document.fileName, place: "'cats.enc[\(feature)].values'",
              message: "entry \(position) is \(number.typeDescription), expected a number")
          }
          labels.append(document.text(of: token))
        }
        levels.append(labels)
      } else {
        levels.append([])
      }
    }
    self.levels = levels
  }

  private static func strings(
    offsets offsetsValue: JSONValue, values valuesValue: JSONValue, path: String,
    document: JSONDocument
  ) throws(ModelError) -> [String] {
    let offsetsPlace = "'\(path).offsets'"
    let valuesPlace = "'\(path).values'"
    let offsets = try integers(offsetsValue, place: offsetsPlace, document: document)
    let codes = try integers(valuesValue, place: valuesPlace, document: document)
    guard !offsets.isEmpty else { return [] }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(codes.count)
    for (position, code) in codes.enumerated() {
      guard code >= -128 && code <= 255 else {
        throw ModelError(
          .malformed, file: document.fileName, place: valuesPlace,
          message: "entry \(position) is \(code), which is not a byte")
      }
      bytes.append(UInt8(truncatingIfNeeded: code))
    }
    var labels: [String] = []
    labels.reserveCapacity(offsets.count - 1)
    for index in 1..<offsets.count {
      let start = offsets[index - 1]
      let end = offsets[index]
      guard start >= 0, start <= end, end <= bytes.count else {
        throw ModelError(
          .malformed, file: document.fileName, place: offsetsPlace,
          message: "offsets \(start) and \(end) do not delimit a label in \(bytes.count) bytes")
      }
      labels.append(String(decoding: bytes[start..<end], as: UTF8.self))
    }
    return labels
  }

  private static func integers(
    _ value: JSONValue, place: String, document: JSONDocument
  ) throws(ModelError) -> [Int] {
    var result: [Int] = []
    for (position, element) in try document.array(value, at: place).enumerated() {
      guard case .number(let token) = element, let integer = document.integer(token) else {
        throw ModelError(
          .malformed, file: document.fileName, place: place,
          message: "entry \(position) is \(document.describe(element)), expected an integer")
      }
      result.append(integer)
    }
    return result
  }
}
