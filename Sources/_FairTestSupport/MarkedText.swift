/// Inline text with position markers (`1️⃣`, `2️⃣`, …) for diagnostic tests.
///
/// Write the input with a keycap emoji just before each place a diagnostic must point at.
/// `MarkedText` removes the markers and records where each stood as a 1-based line and a
/// 1-based column counted in Unicode scalars of the cleaned text, as `Diagnostic` counts them.
///
/// ```swift
/// let marked = MarkedText("""
///   metric: 1️⃣equalised_odds
///   """)
/// marked.text              // "metric: equalised_odds"
/// marked.location("1️⃣")    // "1:9"
/// ```
public struct MarkedText: Sendable {
  /// The text with the markers removed.
  public let text: String
  /// Each marker's position as `line:column`, by marker.
  public let locations: [String: String]

  /// Strips the markers from `marked` and records their positions.
  ///
  /// - Precondition: no marker appears twice.
  public init(_ marked: String) {
    var cleaned = String.UnicodeScalarView()
    var locations: [String: String] = [:]
    var line = 1
    var column = 1
    for character in marked {
      if MarkedText.isMarker(character) {
        let marker = String(character)
        precondition(locations[marker] == nil, "marker '\(marker)' appears twice")
        locations[marker] = "\(line):\(column)"
        continue
      }
      cleaned.append(contentsOf: character.unicodeScalars)
      if character == "\n" || character == "\r\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
    self.text = String(cleaned)
    self.locations = locations
  }

  /// The `line:column` of `marker`, or `"?"` (which no diagnostic matches) when absent.
  public func location(_ marker: String) -> String {
    locations[marker] ?? "?"
  }

  /// Whether a character is a keycap marker such as `1️⃣` (a digit, U+FE0F, U+20E3) or `🔟`.
  static func isMarker(_ character: Character) -> Bool {
    character == "🔟" || character.unicodeScalars.contains { $0.value == 0x20E3 }
  }
}
