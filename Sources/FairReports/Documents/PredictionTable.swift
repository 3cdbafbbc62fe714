/// The `fairgate predict` result: CSV with the header `row,prediction`.
public enum PredictionTable {
  /// The CSV text of `scores`, one line per 0-based data row.
  public static func csv(_ scores: [Double]) -> String {
    var writer = CSVWriter(header: ["row", "prediction"])
    for (row, score) in scores.enumerated() {
      writer.appendRow(["\(row)", CSVWriter.number(score)])
    }
    return writer.text
  }
}
