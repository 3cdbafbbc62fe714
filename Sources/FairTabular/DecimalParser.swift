/// Parses decimal numbers from bytes, correctly rounded.
///
/// Decimal texts whose significand fits in 2⁵³ and whose power of ten is at most 22 in
/// magnitude are converted with one exact multiplication or division (Clinger's fast path),
/// which is correctly rounded. Everything else falls back to the standard library's parser.
enum DecimalParser {
  /// 10^`exponent` for 0...22, all exactly representable; a switch compiles to a table of
  /// constants with no lazy-initialisation check on the hot path.
  @inline(__always)
  private static func powerOfTen(_ exponent: Int) -> Double {
    switch exponent {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
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
    var decimalExponent = 0
    var isExact = true
    // Integer part: leading zeros add nothing; then up to 19 digits fit a UInt64.
    let integerStart = position
    while position < end && bytes[position] == 0x30 { position += 1 }
    var significantStart = position
    while position < end, case let digit = bytes[position] &- 0x30, digit < 10 {
      significand = significand &* 10 &+ UInt64(digit)
      position += 1
    }
    var significantDigits = position - significantStart
    var digitCount = position - integerStart
    if position < end && bytes[position] == UInt8(ascii: ".") {
      position += 1
      let fractionStart = position
      if significantDigits == 0 {
        while position < end && bytes[position] == 0x30 { position += 1 }
      }
      significantStart = position
      while position < end, case let digit = bytes[position] &- 0x30, digit < 10 {
        significand = significand &* 10 &+ UInt64(digit)
        position += 1
      }
      significantDigits += position - significantStart
      decimalExponent -= position - fractionStart
      digitCount += position - fractionStart
    }
    // More than 19 significant digits overflow the significand: let the slow path round.
    if significantDigits > 19 { isExact = false }
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
        value /= powerOfTen(-decimalExponent)
      } else {
        value *= powerOfTen(decimalExponent)
      }
      return isNegative ? -value : value
    }
    if isExact && significand == 0 { return isNegative ? -0.0 : 0.0 }
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
