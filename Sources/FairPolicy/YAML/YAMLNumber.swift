/// Parses the numbers a policy may write: decimal integers and decimals, with an optional sign,
/// exponent and `_` digit separators.
enum YAMLNumber {
  /// The value of `text`, or `nil` when it is not a finite decimal number.
  static func parse(_ text: String) -> Double? {
    let cleaned = text.filter { $0 != "_" }
    guard let first = cleaned.unicodeScalars.first else { return nil }
    let allowed = "0123456789+-.eE"
    guard cleaned.unicodeScalars.allSatisfy({ allowed.unicodeScalars.contains($0) }),
      first != "e", first != "E"
    else { return nil }
    guard let value = Double(cleaned), value.isFinite else { return nil }
    return value
  }
}
