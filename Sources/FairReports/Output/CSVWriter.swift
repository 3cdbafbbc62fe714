import Foundation

/// Writes CSV documents: RFC 4180 quoting, one number format, lines ending in `\n`.
public struct CSVWriter: Sendable {
  /// The text written so far.
  public private(set) var text = ""

  /// Creates a writer with a header line.
  public init(header: [String]) {
    appendRow(header.map(CSVWriter.field))
  }

  /// Appends one line of fields that are already CSV text (see ``field(_:)`` and
  /// ``number(_:)``).
  public mutating func appendRow(_ fields: [String]) {
    text += fields.joined(separator: ",")
    text += "\n"
  }

  /// A text field, quoted when it holds a delimiter, quote or line break.
  public static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A number as CSV cell text: the shortest text that reads back as the same `Double`, and
  /// an empty cell for NaN (a missing value).
  public static func number(_ value: Double) -> String {
    value.isNaN ? "" : "\(value)"
  }
}
