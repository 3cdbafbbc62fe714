#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
    if isExact, let value = wideParse(significand: significand, exponent: decimalExponent) {
      return isNegative ? -value : value
    }
    return slowParse(bytes, start: start, end: end)
  }

  /// Converts `significand · 10^exponent` exactly in 128-bit integers and rounds once, to
  /// nearest with ties to even, for significands up to 2⁶⁴ and exponents in ±19: the
  /// 17-digit texts that round-trip printing produces miss Clinger's fast path but land here.
  ///
  /// - Returns: The correctly rounded value, or `nil` outside that range.
  @inline(never)
  private static func wideParse(significand: UInt64, exponent: Int) -> Double? {
    guard (-19...19).contains(exponent) else { return nil }
    var power: UInt64 = 1
    for _ in 0..<abs(exponent) { power &*= 10 }
    if exponent >= 0 {
      // Below 2⁶⁴ · 10¹⁹ < 2¹²⁸, exact; the conversion rounds to nearest, ties to even.
      return Double(UInt128(significand) * UInt128(power))
    }
    // Shift the significand to the top of 127 bits, divide, and round the quotient (at
    // least 63 bits) to 53 bits, with the remainder deciding exact halves.
    let shift = 127 - (64 - significand.leadingZeroBitCount)
    let (quotient, remainder) = (UInt128(significand) << shift).quotientAndRemainder(
      dividingBy: UInt128(power))
    let drop = (128 - quotient.leadingZeroBitCount) - 53
    var mantissa = quotient >> drop
    let rest = quotient & ((UInt128(1) << drop) - 1)
    let half = UInt128(1) << (drop - 1)
    if rest > half || (rest == half && (remainder != 0 || mantissa & 1 == 1)) { mantissa += 1 }
    return Double(sign: .plus, exponent: drop - shift, significand: Double(UInt64(mantissa)))
  }

  /// Parses with the C library's correctly rounded `strtod`.
  ///
  /// Works on a NUL-terminated copy on the stack; the text has already been checked to be a
  /// decimal number. Callers hold the "C" numeric locale (see ``CNumericLocale``).
  @inline(never)
  private static func slowParse(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int
  ) -> Double? {
    let length = end - start
    guard length < 128 else {
      return Double(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
      for index in 0..<length { buffer[index] = CChar(bitPattern: bytes[start + index]) }
      buffer[length] = 0
      guard let base = buffer.baseAddress else { return nil }
      var stop: UnsafeMutablePointer<CChar>?
      let value = strtod(base, &stop)
      return stop == base + length ? value : nil
    }
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
