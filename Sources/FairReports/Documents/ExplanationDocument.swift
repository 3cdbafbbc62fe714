public import FairAttribution
import FairModels

/// The `fairgate explain` result as a versioned document (`fairgate.explanation/1`).
public struct ExplanationDocument: Codable, Sendable, Equatable {
  /// The schema version written in every document.
  public static let schemaVersion = "fairgate.explanation/1"

  /// One explained row.
  public struct Row: Codable, Sendable, Equatable {
    /// The 0-based data row.
    public var row: Int
    /// The expected output the attributions start from.
    public var baseValue: Double
    /// The model's output for the row, in the document's output space.
    public var prediction: Double
    /// One attribution per feature (or group), in ``ExplanationDocument/features`` order.
    public var values: [Double]
    /// The standard error of each attribution, for sampling methods that estimate one.
    public var standardErrors: [Double]?
  }

  /// The schema version, ``schemaVersion``.
  public var schema = ExplanationDocument.schemaVersion
  /// The method used.
  public var method: String
  /// Why `auto` chose the method, when it did.
  public var reason: String?
  /// A short description of the model.
  public var model: String
  /// The output space the attributions add up to.
  public var output: String
  /// The feature (or group) names.
  public var features: [String]
  /// The rows.
  public var rows: [Row]

  /// Creates the document of `attributions`.
  ///
  /// - Parameters:
  ///   - attributions: The attributions.
  ///   - method: The method used.
  ///   - reason: Why `auto` chose it, if it did.
  ///   - modelSummary: A short description of the model.
  public init(
    _ attributions: Attributions, method: AttributionMethod, reason: String?,
    modelSummary: String
  ) {
    let width = attributions.featureCount
    self.method = method.rawValue
    self.reason = reason
    self.model = modelSummary
    self.output = attributions.outputSpace.rawValue
    self.features = attributions.featureNames
    self.rows = (0..<attributions.rowCount).map { row in
      Row(
        row: row, baseValue: attributions.baseValues[row],
        prediction: attributions.predictions[row], values: Array(attributions.row(row)),
        standardErrors: attributions.standardErrors.map {
          Array($0[(row * width)..<((row + 1) * width)])
        })
    }
  }

  /// The CSV form: `row,<features>,base_value,prediction`, one line per row.
  public static func csv(_ attributions: Attributions) -> String {
    var writer = CSVWriter(
      header: ["row"] + attributions.featureNames + ["base_value", "prediction"])
    for row in 0..<attributions.rowCount {
      writer.appendRow(
        ["\(row)"] + attributions.row(row).map(CSVWriter.number)
          + [
            CSVWriter.number(attributions.baseValues[row]),
            CSVWriter.number(attributions.predictions[row]),
          ])
    }
    return writer.text
  }
}
