import FairAttribution
import FairModels
import Foundation

/// Renders attributions as the `explain` command prints them.
enum ExplanationWriter {
  /// CSV with the header `row,<features>,base_value,prediction`, one line per row.
  static func csv(_ attributions: Attributions) -> String {
    var text = "row," + attributions.featureNames.map(csvField).joined(separator: ",")
    text += ",base_value,prediction\n"
    for row in 0..<attributions.rowCount {
      text += "\(row)"
      for value in attributions.row(row) { text += "," + formatCSVNumber(value) }
      text += "," + formatCSVNumber(attributions.baseValues[row])
      text += "," + formatCSVNumber(attributions.predictions[row]) + "\n"
    }
    return text
  }

  /// A versioned JSON document (`fairgate.explanation/1`) with sorted keys.
  static func json(
    _ attributions: Attributions, method: AttributionMethod, reason: String?,
    model: any ScoringModel
  ) throws -> String {
    struct Row: Encodable {
      var row: Int
      var baseValue: Double
      var prediction: Double
      var values: [Double]
      var standardErrors: [Double]?
    }
    struct Document: Encodable {
      var schema = "fairgate.explanation/1"
      var method: String
      var reason: String?
      var model: String
      var output: String
      var features: [String]
      var rows: [Row]
    }
    let width = attributions.featureCount
    let document = Document(
      method: method.rawValue, reason: reason, model: model.summary,
      output: attributions.outputSpace.rawValue, features: attributions.featureNames,
      rows: (0..<attributions.rowCount).map { row in
        Row(
          row: row, baseValue: attributions.baseValues[row],
          prediction: attributions.predictions[row], values: Array(attributions.row(row)),
          standardErrors: attributions.standardErrors.map {
            Array($0[(row * width)..<((row + 1) * width)])
          })
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  /// A CSV field, quoted when it holds a delimiter, quote or line break.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
