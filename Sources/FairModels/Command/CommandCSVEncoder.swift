/// Writes rows as the CSV a ``CommandModel`` sends to its command.
///
/// - A header line with the feature names.
/// - Numbers in Swift's shortest round-trip form (`0.1`, `3.0`, `1e-05`); NaN as an empty
///   field.
/// - Categorical features as their level text; a missing value, or a category the model has
///   no level for, as an empty field.
/// - Fields holding a comma, a double quote, a carriage return or a line feed are quoted,
///   with quotes doubled (RFC 4180). Lines end in `\n`.
struct CommandCSVEncoder: Sendable {
  /// The encoded header line, with its line feed.
  let header: [UInt8]
  /// For each feature, its levels encoded as CSV fields; `nil` for numeric features.
  let levelFields: [[[UInt8]]?]

  init(features: [ModelFeature]) {
    var header: [UInt8] = []
    for (index, feature) in features.enumerated() {
      if index > 0 { header.append(UInt8(ascii: ",")) }
      header.append(contentsOf: CommandCSVEncoder.field(feature.name))
    }
    header.append(UInt8(ascii: "\n"))
    self.header = header
    levelFields = features.map { feature in
      switch feature.kind {
      case .numeric: nil
      case .categorical(let levels): levels.map { CommandCSVEncoder.field($0) }
      }
    }
  }

  /// The CSV text of `batch`, header first.
  ///
  /// - Complexity: O(*n*·*m*) for *n* rows of *m* features.
  func encode(_ batch: RowBatch) -> [UInt8] {
    let width = batch.featureCount
    var bytes: [UInt8] = []
    bytes.reserveCapacity(header.count + batch.values.count * 12)
    bytes.append(contentsOf: header)
    var column = 0
    for value in batch.values {
      if column > 0 { bytes.append(UInt8(ascii: ",")) }
      if let levels = levelFields[column] {
        if !value.isNaN, value >= 0, value < Double(levels.count) {
          bytes.append(contentsOf: levels[Int(value)])
        }
      } else if !value.isNaN {
        bytes.append(contentsOf: value.description.utf8)
      }
      column += 1
      if column == width {
        bytes.append(UInt8(ascii: "\n"))
        column = 0
      }
    }
    return bytes
  }

  /// `text` as one CSV field, quoted when it must be.
  static func field(_ text: String) -> [UInt8] {
    let utf8 = Array(text.utf8)
    let special: Set<UInt8> = [
      UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"),
    ]
    guard utf8.contains(where: { special.contains($0) }) else { return utf8 }
    var quoted: [UInt8] = [UInt8(ascii: "\"")]
    for byte in utf8 {
      quoted.append(byte)
      if byte == UInt8(ascii: "\"") { quoted.append(byte) }
    }
    quoted.append(UInt8(ascii: "\""))
    return quoted
  }
}
