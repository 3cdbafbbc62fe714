import Foundation
import Testing
import _FairSupport
import _FairTestSupport

@testable import FairMetrics

/// Poisson bootstrap weights and percentile intervals.
@Suite struct BootstrapTests {
  /// The Poisson(1) weight for a 32-bit uniform `bits·2⁻³²`, by inversion with the
  /// distribution function summed in `Double`: an independent reading of the definition.
  static func referenceWeight(bits: UInt64) -> UInt32 {
    let u = Double(bits) * 0x1p-32
    var cumulative = 0.0
    var term = exp(-1.0)
    for weight in 0..<20 {
      cumulative += term
      if u < cumulative { return UInt32(weight) }
      term /= Double(weight + 1)
    }
    return 20
  }

  @Test(arguments: [0, 7, 123_456_789, .max] as [UInt64])
  func weightsFollowTheSplitMix64Definition(seed: UInt64) {
    for row: UInt64 in [0, 1, 2, 48_841, 1 << 40] {
      var stream = SplitMix64(seed: SplitMix64.derivedSeed(seed, row))
      var bits: UInt64 = 0
      for replicate in 0..<101 {
        if replicate % 2 == 0 { bits = stream.next() }
        let half = replicate % 2 == 0 ? bits >> 32 : bits & 0xFFFF_FFFF
        let weight = PoissonBootstrap.weight(seed: seed, row: row, replicate: replicate)
        #expect(weight == Self.referenceWeight(bits: half), "row \(row) replicate \(replicate)")
      }
    }
  }

  @Test(.tags(.golden)) func weightsMatchThePythonTranscription() throws {
    let poisson = try StatisticsReference.shared().poisson
    #expect(poisson.thresholds == PoissonBootstrap.thresholds)
    for entry in poisson.rows {
      let seed = try #require(UInt64(entry.seed))
      let row = try #require(UInt64(entry.row))
      let weights = PoissonBootstrap.weights(seed: seed, row: row, replicates: entry.weights.count)
      #expect(weights == entry.weights, "seed \(seed) row \(row)")
    }
  }

  @Test(arguments: [1, 2, 999, 1000] as [Int])
  func batchEqualsSingleWeights(replicates: Int) {
    for row: UInt64 in [0, 17, 40_000] {
      let batch = PoissonBootstrap.weights(seed: 99, row: row, replicates: replicates)
      let single = (0..<replicates).map {
        PoissonBootstrap.weight(seed: 99, row: row, replicate: $0)
      }
      #expect(batch == single)
    }
  }

  @Test(arguments: [1, 3, 64, 1000] as [Int])
  func replicateSumsDoNotDependOnChunking(chunkSize: Int) {
    // Per-replicate weighted sums of a column, accumulated by chunks taken in reverse order,
    // equal the sequential sums bit for bit: weights depend only on (seed, row, replicate)
    // and the sums are exact.
    let rows = 2_000
    let replicates = 50
    let values = (0..<rows).map { sin(Double($0)) * 1e3 }
    func sums(chunks: [Range<Int>]) -> [ExactSum] {
      var totals = [ExactSum](repeating: ExactSum(), count: replicates)
      for chunk in chunks {
        var partial = [ExactSum](repeating: ExactSum(), count: replicates)
        for row in chunk {
          let weights = PoissonBootstrap.weights(
            seed: 5, row: UInt64(row), replicates: replicates)
          for replicate in 0..<replicates {
            partial[replicate].add(Double(weights[replicate]) * values[row])
          }
        }
        for replicate in 0..<replicates { totals[replicate].add(partial[replicate]) }
      }
      return totals
    }
    let sequential = sums(chunks: [0..<rows])
    let chunked = sums(
      chunks: stride(from: 0, to: rows, by: chunkSize).map { $0..<min($0 + chunkSize, rows) }
        .reversed())
    #expect(sequential == chunked)
    #expect(sequential.map(\.value.bitPattern) == chunked.map(\.value.bitPattern))
  }

  @Test(.tags(.slow)) func weightsArePoissonDistributed() {
    var counts = [Int](repeating: 0, count: Int(PoissonBootstrap.maximumWeight) + 1)
    let replicates = 1_000
    let rows = 500
    var total = 0
    for row in 0..<rows {
      for weight in PoissonBootstrap.weights(seed: 2024, row: UInt64(row), replicates: replicates) {
        counts[Int(weight)] += 1
        total += Int(weight)
      }
    }
    let draws = Double(rows * replicates)
    // Mean 1 with standard error 1/√500000 ≈ 0.0014: 5 standard errors.
    expectClose(Double(total) / draws, 1, absolute: 0.007, "mean weight")
    // Pearson χ² over weights 0…5 plus a pooled tail, 6 degrees of freedom: below 30 has
    // probability about 0.99996 under the Poisson(1) distribution.
    var chiSquare = 0.0
    var probability = exp(-1.0)
    var tailProbability = 1.0
    for weight in 0...5 {
      let expected = draws * probability
      let difference = Double(counts[weight]) - expected
      chiSquare += difference * difference / expected
      tailProbability -= probability
      probability /= Double(weight + 1)
    }
    let tailCount = Double(counts[6...].reduce(0, +))
    let tailExpected = draws * tailProbability
    chiSquare += (tailCount - tailExpected) * (tailCount - tailExpected) / tailExpected
    #expect(chiSquare < 30, "χ² = \(chiSquare)")
  }

  @Test(.tags(.golden)) func percentileIntervalMatchesNumpy() throws {
    for entry in try StatisticsReference.shared().percentile {
      let interval = BootstrapInterval(replicates: entry.values, alpha: entry.alpha)
      // numpy forms the levels as 2.5/100 and 97.5/100, this code as α/2 and 1 - α/2; the
      // levels may differ by an ulp, which moves the interpolation by at most 1e-13 of the
      // gap between neighbouring replicates.
      let label = "n=\(entry.values.count) α=\(entry.alpha)"
      expectClose(interval.lower, entry.lower, absolute: 1e-12, relative: 1e-12, label)
      expectClose(interval.upper, entry.upper, absolute: 1e-12, relative: 1e-12, label)
      #expect(interval.nanReplicateCount == entry.nanCount)
      #expect(interval.replicateCount == entry.values.count)
    }
  }
}
