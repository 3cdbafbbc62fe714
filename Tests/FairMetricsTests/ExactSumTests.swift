import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// `ExactSum` against `math.fsum` (and exact rational arithmetic) in the fixture, against an
/// independent integer reference, and by its order-independence properties.
///
/// Every comparison here is exact: the value is the correctly rounded sum, and the
/// canonical form depends only on the exact sum, so the expected tolerance is zero.
@Suite struct ExactSumTests {
  /// Random finite doubles spread over about 600 binary orders of magnitude, with subnormals,
  /// exact cancellations and repeated values, from `seed`.
  static func wildValues(seed: UInt64, count: Int) -> [Double] {
    var generator = SplitMix64(seed: seed)
    var values: [Double] = []
    while values.count < count {
      let magnitude = Double(
        sign: .plus, exponent: generator.nextInt(below: 600) - 300,
        significand: 1 + generator.nextDouble())
      let value = generator.nextInt(below: 2) == 0 ? magnitude : -magnitude
      switch generator.nextInt(below: 10) {
      case 0: values.append(Double.leastNonzeroMagnitude * Double(generator.nextInt(below: 9)))
      case 1: values += [value, -value]
      case 2: values += [value, value, value]
      default: values.append(value)
      }
    }
    return values
  }

  /// Splits `values`, shuffled, into `chunks` pieces at random boundaries, sums each, and
  /// merges the pieces in a random order.
  static func chunkedSum(_ values: [Double], chunks: Int, seed: UInt64) -> ExactSum {
    var generator = SplitMix64(seed: seed)
    var order = Array(values.indices)
    generator.shuffle(&order)
    var cuts = (0..<(chunks - 1)).map { _ in generator.nextInt(below: values.count + 1) }
    cuts = [0] + cuts.sorted() + [values.count]
    var pieces: [ExactSum] = []
    for index in 0..<chunks {
      var piece = ExactSum()
      for position in cuts[index]..<cuts[index + 1] { piece.add(values[order[position]]) }
      pieces.append(piece)
    }
    var pieceOrder = Array(pieces.indices)
    generator.shuffle(&pieceOrder)
    var total = ExactSum()
    for index in pieceOrder { total.add(pieces[index]) }
    return total
  }

  @Test(.tags(.golden), arguments: StatisticsReference.cases(\.fsum).map(\.name))
  func matchesFsum(name: String) throws {
    let reference = try StatisticsReference.shared()
    let fixture = try #require(reference.fsum.first { $0.name == name })
    let values = try fixture.values.map { try #require(Double($0)) }
    let expected = try #require(Double(fixture.expected))
    var sum = ExactSum()
    for value in values { sum.add(value) }
    // The value is correctly rounded, so it must equal fsum (and Fraction) exactly.
    expectClose(sum.value, expected, absolute: 0, relative: 0, name)
  }

  @Test(arguments: [1, 2, 3, 5, 8, 13] as [UInt64])
  func matchesIntegerReference(seed: UInt64) {
    let values = Self.wildValues(seed: seed, count: 300)
    let sum = ExactSum(values)
    // Both sides are the exact sum rounded once, ties to even: no tolerance.
    expectClose(sum.value, FixedPointSum(values).rounded(), absolute: 0, relative: 0)
  }

  @Test(arguments: [(11, 2), (12, 3), (13, 7), (14, 16), (15, 50)] as [(UInt64, Int)])
  func chunkingAndOrderDoNotMatter(seed: UInt64, chunks: Int) throws {
    let values = Self.wildValues(seed: seed, count: 400)
    let sequential = ExactSum(values)
    let chunked = Self.chunkedSum(values, chunks: chunks, seed: seed &* 31)
    #expect(
      sequential.canonicalComponents.map(\.bitPattern)
        == chunked.canonicalComponents.map(\.bitPattern))
    #expect(sequential.value.bitPattern == chunked.value.bitPattern)
    #expect(sequential == chunked)
    #expect(sequential.hashValue == chunked.hashValue)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    #expect(try encoder.encode(sequential) == encoder.encode(chunked))
  }

  @Test(arguments: [21, 22, 23] as [UInt64])
  func canonicalComponentsAreTheGreedyRounding(seed: UInt64) throws {
    let values = Self.wildValues(seed: seed, count: 200)
    let components = ExactSum(values).canonicalComponents
    // Each component is the remainder so far, rounded: check with the integer reference.
    var remainder = FixedPointSum(values)
    for component in components {
      #expect(remainder.rounded().bitPattern == component.bitPattern)
      remainder.add(-component)
    }
    #expect(remainder.rounded() == 0)
    for (larger, smaller) in zip(components, components.dropFirst()) {
      #expect(abs(smaller) <= larger.ulp / 2)
    }
    #expect(!components.contains(0))
  }

  @Test func roundTripsThroughJSON() throws {
    let sum = ExactSum([1e100, 1, -1e-100, 3])
    let data = try JSONEncoder().encode(sum)
    let decoded = try JSONDecoder().decode(ExactSum.self, from: data)
    #expect(decoded == sum)
    #expect(decoded.value == sum.value)
    var infinite = ExactSum([1, .infinity])
    let infiniteData = try JSONEncoder().encode(infinite)
    #expect(try JSONDecoder().decode(ExactSum.self, from: infiniteData).value == .infinity)
    infinite.add(-.infinity)
    let nanData = try JSONEncoder().encode(infinite)
    #expect(try JSONDecoder().decode(ExactSum.self, from: nanData).value.isNaN)
  }

  @Test func nonFiniteValuesFollowFsum() {
    #expect(ExactSum([1, .nan, 2]).value.isNaN)
    #expect(ExactSum([1, .infinity, -5]).value == .infinity)
    #expect(ExactSum([-.infinity, 1e308]).value == -.infinity)
    #expect(ExactSum([.infinity, 1, -.infinity]).value.isNaN)  // fsum raises ValueError
    var merged = ExactSum([1, 2])
    merged.add(ExactSum([.infinity]))
    merged.add(3)
    #expect(merged.value == .infinity)
    #expect(!merged.isFinite)
    // Running sums beyond the Double range become infinite (fsum raises OverflowError).
    #expect(ExactSum([1e308, 1e308]).value == .infinity)
  }

  @Test func manyPartialsSpillAndReturnInline() {
    // Values 2^(-1000 + 60k) do not overlap, so each needs its own partial.
    let values = (0..<30).map { Double(sign: .plus, exponent: -1000 + 60 * $0, significand: 1) }
    var sum = ExactSum(values)
    #expect(sum.partials.count == 30)
    expectClose(sum.value, FixedPointSum(values).rounded(), absolute: 0, relative: 0)
    for value in values.dropLast() { sum.add(-value) }
    #expect(sum.partials.count == 1)
    expectClose(sum.value, values[29], absolute: 0, relative: 0, "exact cancellation")
  }

  @Test func emptyAndZeroSums() {
    #expect(ExactSum().value == 0)
    #expect(ExactSum([0, -0.0, 1.5, -1.5]).canonicalComponents.isEmpty)
    #expect(ExactSum() == ExactSum([2, -2]))
  }
}
