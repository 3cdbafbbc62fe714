import Foundation
import Testing
import _FairSupport

@testable import FairTabular

/// A small deterministic generator, so a failure names the seed that reproduces it.
private struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct DecimalParserTests {
  /// Random decimal texts (1–25 digits, a point anywhere, an optional exponent) must parse
  /// to exactly the value of the standard library's correctly rounded parser.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func agreesWithTheStandardLibraryBitForBit(seed: UInt64) {
    var random = SplitMix64(state: seed)
    for _ in 0..<20_000 {
      let digitCount = Int.random(in: 1...25, using: &random)
      var text = Bool.random(using: &random) ? "-" : ""
      var digits = (0..<digitCount).map { _ in String(Int.random(in: 0...9, using: &random)) }
      if Bool.random(using: &random) {
        digits.insert(".", at: Int.random(in: 0...digitCount, using: &random))
      }
      text += digits.joined()
      if Int.random(in: 0..<4, using: &random) == 0 {
        text += "e\(Int.random(in: -330...310, using: &random))"
      }
      let parsed = Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
      let normalised = text.replacingOccurrences(of: "-.", with: "-0.")
      let expected = Double(normalised.hasPrefix(".") ? "0" + normalised : normalised)
      if text == "-." || text == "." {
        #expect(parsed == nil)
        continue
      }
      #expect(parsed?.bitPattern == expected?.bitPattern, "seed \(seed): '\(text)'")
    }
  }
}
