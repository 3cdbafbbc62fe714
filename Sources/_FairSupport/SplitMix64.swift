import RealModule

/// A small, fast, seedable random number generator (Steele, Lea & Flood's SplitMix64).
///
/// Sampling explainers own one generator per explained row (or per task), seeded with
/// ``derivedSeed(_:_:)`` from the user's seed and the row index, so their results do not
/// depend on the thread count or on how rows are cut into chunks. The generator is a value:
/// copying it copies its state, and nothing is shared between threads.
///
/// The helper draws (``nextDouble()``, ``nextInt(below:)``, ``nextGaussian()``) are defined
/// here rather than through the standard library's `random(in:using:)`, whose algorithm may
/// change between Swift releases; FairGate's seeded results stay the same across toolchains.
package struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// The internal state; it advances by a fixed odd constant on every draw.
  package var state: UInt64

  /// Creates a generator from a seed; every seed, including 0, is valid.
  package init(seed: UInt64) {
    state = seed
  }

  /// Returns the next 64 random bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.finalize(state)
  }

  /// A uniform `Double` in `[0, 1)` with 53 random bits.
  package mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in `0..<bound`, without modulo bias (Lemire's method).
  ///
  /// - Precondition: `bound > 0`.
  package mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "'bound' \(bound) must be positive")
    let limit = UInt64(bound)
    var product = next().multipliedFullWidth(by: limit)
    if product.low < limit {
      let threshold = (0 &- limit) % limit
      while product.low < threshold {
        product = next().multipliedFullWidth(by: limit)
      }
    }
    return Int(product.high)
  }

  /// A standard normal draw (Box–Muller, one draw per two uniforms).
  package mutating func nextGaussian() -> Double {
    let u1 = 1 - nextDouble()  // in (0, 1], so the logarithm is finite
    let u2 = nextDouble()
    return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
  }

  /// Shuffles `indices` in place (Fisher–Yates, from the back).
  ///
  /// - Complexity: O(*n*) for *n* elements.
  package mutating func shuffle(_ indices: inout [Int]) {
    var position = indices.count - 1
    while position > 0 {
      let other = nextInt(below: position + 1)
      indices.swapAt(position, other)
      position -= 1
    }
  }

  /// A seed for stream `index` of `seed`: statistically independent streams per row, chunk
  /// or task, which depend only on the pair.
  package static func derivedSeed(_ seed: UInt64, _ index: UInt64) -> UInt64 {
    finalize(seed ^ finalize(index &* 0xD1B5_4A32_D192_ED03 &+ 0x8CB9_2BA7_2F3D_8DD7))
  }

  /// A seed for stream `(first, second)` of `seed`.
  package static func derivedSeed(_ seed: UInt64, _ first: UInt64, _ second: UInt64) -> UInt64 {
    derivedSeed(derivedSeed(seed, first), second)
  }

  /// The SplitMix64 output function (a variant of MurmurHash3's finaliser).
  @inline(__always)
  static func finalize(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
