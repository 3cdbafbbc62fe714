/// The characters XML 1.0 can hold.
enum XMLCharacters {
  /// `text` with every character XML 1.0 forbids (C0 controls other than tab, line feed
  /// and carriage return; U+FFFE and U+FFFF) replaced by U+FFFD, so no data value can make
  /// a report ill-formed.
  static func sanitized(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
    }
    return String(result)
  }

  private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
