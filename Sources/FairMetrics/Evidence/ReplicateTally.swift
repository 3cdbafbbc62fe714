import _FairSupport

/// Poisson-bootstrap replicates of a grouping's sums, held in fixed point so that they
/// merge exactly.
///
/// Replicate `b` gives row `r` the weight `w_rb ~ Poisson(1)`, a function of the seed, the
/// row's identifier and `b` alone (``PoissonBootstrap``), so every replicate sum is a sum
/// over rows that any split of the rows reproduces. The sums are kept as 64-bit integers in
/// units of 2⁻³² (``scale``): integer addition is associative, so merged sums are
/// bit-identical for any split, order or thread count. Counts with certain membership are
/// exact; fractional memberships and attributions are rounded to 2⁻³² per row (about
/// 2·10⁻¹⁰, far below any interval's width). A sum overflows only past 2³¹ ≈ 2·10⁹ units
/// of weight or attribution.
package struct ReplicateTally: Sendable, Equatable, Codable {
  /// The replicates.
  package let replicateCount: Int
  /// The slices.
  package let sliceCount: Int
  /// The statistics kept per slice and replicate; see ``Statistic``.
  package let statisticCount: Int
  /// `[slice][statistic][replicate]`, flattened.
  package var sums: [Int64]

  /// The fixed-point unit: a sum `s` stands for `s / scale`.
  package static let scale = 4_294_967_296.0

  /// The outcome statistics, in order; attribution tallies keep one statistic per feature.
  package enum Statistic: Int, CaseIterable {
    case weight, selected, positives, truePositives, falsePositives
  }

  package init(replicateCount: Int, sliceCount: Int, statisticCount: Int) {
    self.replicateCount = replicateCount
    self.sliceCount = sliceCount
    self.statisticCount = statisticCount
    sums = [Int64](repeating: 0, count: replicateCount * sliceCount * statisticCount)
  }

  /// The offset of `(slice, statistic)`'s replicates in ``sums``.
  @inline(__always)
  package func offset(slice: Int, statistic: Int) -> Int {
    (slice * statisticCount + statistic) * replicateCount
  }

  /// The value of `(slice, statistic)` in replicate `replicate`.
  package func value(slice: Int, statistic: Int, replicate: Int) -> Double {
    Double(sums[offset(slice: slice, statistic: statistic) + replicate]) / ReplicateTally.scale
  }

  /// A value in fixed point; 0 for a value past the range of `Int64` or NaN, whose slice's
  /// sums are then past ``exactLimit``, which the figures check before reading a replicate.
  @inline(__always)
  package static func fixed(_ value: Double) -> Int64 {
    Int64(exactly: (value * scale).rounded(.toNearestOrEven)) ?? 0
  }

  /// The most the absolute values of a slice's statistic may add up to (2²⁷) for its
  /// replicate sums to be exact: a Poisson weight is at most 12
  /// (``PoissonBootstrap/maximumWeight``), so a replicate sum stays below 12·2²⁷ < 2³¹ units
  /// and cannot wrap. (Counts and membership weights, at most 1 per row of at most 2³⁰ rows,
  /// stay below 2³¹ without it.)
  package static let exactLimit: Double = 134_217_728

  /// Adds `other`'s sums (wrapping, so that intermediate overflow cannot change the result).
  package mutating func merge(_ other: ReplicateTally) {
    precondition(other.sums.count == sums.count, "tallies of different shapes cannot merge")
    sums.withUnsafeMutableBufferPointer { mine in
      other.sums.withUnsafeBufferPointer { theirs in
        for index in mine.indices { mine[index] &+= theirs[index] }
      }
    }
  }
}

extension ReplicateTally {
  private enum CodingKeys: String, CodingKey {
    case replicateCount, sliceCount, statisticCount, sums
  }

  /// Decodes a tally whose sums are base64 of little-endian 64-bit integers.
  ///
  /// - Throws: `DecodingError` when the sums are not canonical base64 of whole integers.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    replicateCount = try container.decode(Int.self, forKey: .replicateCount)
    sliceCount = try container.decode(Int.self, forKey: .sliceCount)
    statisticCount = try container.decode(Int.self, forKey: .statisticCount)
    sums = try container.decodeBase64(.sums, Base64Integers.decode)
  }

  /// Encodes the sums as base64 of little-endian 64-bit integers: compact, canonical and
  /// fast to read and write.
  ///
  /// - Throws: What the encoder throws.
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(replicateCount, forKey: .replicateCount)
    try container.encode(sliceCount, forKey: .sliceCount)
    try container.encode(statisticCount, forKey: .statisticCount)
    try container.encode(Base64Integers.encode(sums), forKey: .sums)
  }
}
