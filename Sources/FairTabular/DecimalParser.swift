/// Parses decimal numbers from bytes, correctly rounded.
///
/// Decimal texts whose significand fits in 2⁵³ and whose power of ten is at most 22 in
/// magnitude are converted with one exact multiplication or division (Clinger's fast path),
/// which is correctly rounded. Everything else falls back to the standard library's parser.
enum DecimalParser {
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// The number in `bytes`, or `nil` if the text is not a decimal number.
  ///
  /// Accepts an optional sign, digits with an optional fraction, an optional exponent,
  /// and `inf`/`infinity` in any case. Spaces around the text are ignored.
  @inline(__always)
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var start = 0
    var end = bytes.count
    while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    guard start < end else { return nil }

    var position = start
    var isNegative = false
    if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
      isNegative = bytes[position] == UInt8(ascii: "-")
      position += 1
    }
    var significand: UInt64 = 0
    var significantDigits = 0
    var digitCount = 0
    var decimalExponent = 0
    var isExact = true
    while position < end, case let digit = bytes[position] &- 0x30, digit < 10 {
      digitCount += 1
      if significand == 0 && digit == 0 {
        // A leading zero adds nothing.
      } else if significantDigits < 19 {
        significand = significand &* 10 &+ UInt64(digit)
        significantDigits += 1
      } else {
        decimalExponent += 1
        isExact = false
      }
      position += 1
    }
    if position < end && bytes[position] == UInt8(ascii: ".") {
      position += 1
      while position < end, case let digit = bytes[position] &- 0x30, digit < 10 {
        digitCount += 1
        if significand == 0 && digit == 0 {
          decimalExponent -= 1
        } else if significantDigits < 19 {
          significand = significand &* 10 &+ UInt64(digit)
          significantDigits += 1
          decimalExponent -= 1
        } else {
          isExact = false
        }
        position += 1
      }
    }
    guard digitCount > 0 else { return parseSpecial(bytes, start: start, end: end) }
    if position < end && (bytes[position] | 0x20) == UInt8(ascii: "e") {
      position += 1
      var exponentIsNegative = false
      if position < end
        && (bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+"))
      {
        exponentIsNegative = bytes[position] == UInt8(ascii: "-")
        position += 1
      }
      var exponent = 0
      var exponentDigits = 0
      while position < end, case let digit = bytes[position] &- 0x30, digit < 10 {
        if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
        exponentDigits += 1
        position += 1
      }
      guard exponentDigits > 0 else { return nil }
      decimalExponent += exponentIsNegative ? -exponent : exponent
    }
    guard position == end else { return nil }

    if isExact && significand <= 1 << 53 && (-22...22).contains(decimalExponent) {
      var value = Double(significand)
      if decimalExponent < 0 {
        value /= powersOfTen[-decimalExponent]
      } else {
        value *= powersOfTen[decimalExponent]
      }
      return isNegative ? -value : value
    }
    if significand == 0 { return isNegative ? -0.0 : 0.0 }
    return slowParse(bytes, start: start, end: end)
  }

  @inline(never)
  private static func slowParse(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int
  ) -> Double? {
    Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
  }

  @inline(never)
  private static func parseSpecial(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int
  ) -> Double? {
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self
    ).lowercased()
    switch text {
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    default: return nil
    }
  }
}
