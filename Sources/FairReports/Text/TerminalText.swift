/// Text for a terminal: ANSI styles when allowed, and data made harmless.
struct TerminalText {
  /// An ANSI style.
  enum Style: String {
    case bold = "1"
    case dim = "2"
    case red = "1;31"
    case green = "1;32"
    case yellow = "1;33"
    case cyan = "36"
  }

  /// Whether styles are written.
  var colour: Bool

  /// `text` in `style` when colour is on, else `text` unchanged.
  func styled(_ text: String, _ style: Style) -> String {
    colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// `text` from the data, with every control character (ANSI escapes among them) shown as
  /// `\u{…}`, so a category or path can neither move the cursor nor recolour the terminal.
  static func safe(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .control {
        result += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
