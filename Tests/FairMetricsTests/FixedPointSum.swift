/// An exact sum of finite `Double`s as a two's-complement integer count of 2⁻¹⁰⁷⁴, the
/// smallest subnormal, rounded to `Double` once at the end.
///
/// It is an independent reference for `ExactSum`: plain integer arithmetic, no floating-point
/// expansions. 36 limbs (2,304 bits) hold the 2,098 bits of the `Double` range plus room for
/// 2²⁰⁰ additions.
struct FixedPointSum {
  private var limbs = [UInt64](repeating: 0, count: 36)

  init() {}

  init(_ values: [Double]) {
    for value in values { add(value) }
  }

  /// Adds a finite value exactly.
  mutating func add(_ value: Double) {
    precondition(value.isFinite, "'value' \(value) must be finite")
    guard value != 0 else { return }
    // value = significand · 2^(shift - 1074) with an integer significand below 2^53.
    let exponent = Int(value.exponentBitPattern)
    let significand = value.significandBitPattern | (exponent > 0 ? 1 << 52 : 0)
    let shift = exponent > 0 ? exponent - 1 : 0
    let limb = shift / 64
    let bit = shift % 64
    let low = significand << UInt64(bit)
    let high = bit == 0 ? 0 : significand >> UInt64(64 - bit)
    if value > 0 {
      addMagnitude(low, high, at: limb)
    } else {
      subtractMagnitude(low, high, at: limb)
    }
  }

  private mutating func addMagnitude(_ low: UInt64, _ high: UInt64, at limb: Int) {
    var carry: UInt64 = 0
    var index = limb
    for word in [low, high] {
      let (partial, overflow1) = limbs[index].addingReportingOverflow(word)
      let (sum, overflow2) = partial.addingReportingOverflow(carry)
      limbs[index] = sum
      carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
      index += 1
    }
    while carry != 0 && index < limbs.count {
      let (sum, overflow) = limbs[index].addingReportingOverflow(carry)
      limbs[index] = sum
      carry = overflow ? 1 : 0
      index += 1
    }
  }

  private mutating func subtractMagnitude(_ low: UInt64, _ high: UInt64, at limb: Int) {
    var borrow: UInt64 = 0
    var index = limb
    for word in [low, high] {
      let (partial, overflow1) = limbs[index].subtractingReportingOverflow(word)
      let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
      limbs[index] = difference
      borrow = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
      index += 1
    }
    while borrow != 0 && index < limbs.count {
      let (difference, overflow) = limbs[index].subtractingReportingOverflow(borrow)
      limbs[index] = difference
      borrow = overflow ? 1 : 0
      index += 1
    }
  }

  /// The sum rounded to the nearest `Double`, ties to even.
  func rounded() -> Double {
    let isNegative = limbs[limbs.count - 1] >> 63 == 1
    var magnitude = limbs
    if isNegative {  // two's complement negation
      var carry: UInt64 = 1
      for index in magnitude.indices {
        let (sum, overflow) = (~magnitude[index]).addingReportingOverflow(carry)
        magnitude[index] = sum
        carry = overflow ? 1 : 0
      }
    }
    func bit(_ position: Int) -> UInt64 {
      position < 0 ? 0 : (magnitude[position / 64] >> UInt64(position % 64)) & 1
    }
    guard let top = magnitude.lastIndex(where: { $0 != 0 }) else { return 0 }
    let highest = top * 64 + (63 - magnitude[top].leadingZeroBitCount)
    let sign: FloatingPointSign = isNegative ? .minus : .plus
    if highest < 53 {
      return Double(sign: sign, exponent: -1074, significand: Double(magnitude[0]))
    }
    var significand: UInt64 = 0
    for position in stride(from: highest, through: highest - 52, by: -1) {
      significand = significand << 1 | bit(position)
    }
    let roundBit = bit(highest - 53)
    var sticky = false
    for position in 0..<(highest - 53) where bit(position) == 1 {
      sticky = true
      break
    }
    if roundBit == 1 && (sticky || significand & 1 == 1) { significand += 1 }
    return Double(sign: sign, exponent: highest - 52 - 1074, significand: Double(significand))
  }
}
