package import FairModels
import _FairSupport

/// A uniform sample of rows drawn by key: the rows whose priority — a hash of the seed and
/// the row's key — is smallest, in priority order.
///
/// Which rows are drawn depends on the seed and the rows' keys only, not on their order or
/// on how they were split: the sample of a union of row sets is the sample of the union of
/// their samples (``merged(_:)``). So partitions of a data set, each on its own machine, can
/// each draw from their rows, and the merge of their draws is the draw from all rows — the
/// background a single pass would have sampled (bottom-*k* sampling).
///
/// ```swift
/// let sample = KeyedSample(matrix, keys: rowIDs, size: 100, seed: 7)
/// let background = sample.matrix
/// ```
package struct KeyedSample: Sendable, Equatable {
  /// The number of rows kept at most.
  package var size: Int
  /// The number of values of each row.
  package var featureCount: Int
  /// Each kept row's priority, ascending.
  package var priorities: [UInt64]
  /// The kept rows' values, row-major, in priority order.
  package var values: [Double]

  /// Whether two samples hold the same rows, bit for bit, with a missing value (NaN) equal to
  /// itself: two copies of one draw — read from two partitions' files — are equal even when
  /// its rows have missing values.
  package static func == (lhs: KeyedSample, rhs: KeyedSample) -> Bool {
    lhs.size == rhs.size && lhs.featureCount == rhs.featureCount
      && lhs.priorities == rhs.priorities
      && lhs.values.elementsEqual(rhs.values) {
        $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN)
      }
  }

  /// The domain of a background's priorities, so that they do not repeat the bootstrap's
  /// weights of the same seed and key ("background" in ASCII).
  package static let backgroundDomain: UInt64 = 0x6261_636B_6772_6E64

  /// The priority of the row with key `key` under `seed`, hashed in `domain`.
  package static func priority(seed: UInt64, key: UInt64, domain: UInt64 = backgroundDomain)
    -> UInt64
  {
    SplitMix64.derivedSeed(seed, domain, key)
  }

  /// Draws at most `size` rows of `matrix`, whose rows have the unique keys `keys`, with
  /// priorities hashed in `domain` (each use of keyed draws has its own, so that two draws of
  /// one seed are independent).
  ///
  /// - Precondition: `keys.count == matrix.rowCount` and `size >= 0`.
  /// - Complexity: O(*n* log *k*) for *n* rows and size *k*.
  package init(
    _ matrix: FeatureMatrix, keys: [UInt64], size: Int, seed: UInt64,
    domain: UInt64 = backgroundDomain
  ) {
    precondition(keys.count == matrix.rowCount && size >= 0)
    let priorities = keys.map { KeyedSample.priority(seed: seed, key: $0, domain: domain) }
    // Only rows at or below the k-th smallest priority can be kept (ties at it included).
    let cut = KeyedSample.smallest(priorities, count: size)
    let kept = priorities.indices.filter { row in cut.map { priorities[row] <= $0 } ?? true }
    let width = matrix.featureCount
    var values: [Double] = []
    values.reserveCapacity(kept.count * width)
    for row in kept { values += matrix.values[(row * width)..<((row + 1) * width)] }
    let candidates = KeyedSample(
      size: size, featureCount: width, priorities: kept.map { priorities[$0] }, values: values)
    self = KeyedSample.merged([candidates])
  }

  /// The `count`-th smallest of `values`, or `nil` when there are no more than `count`.
  ///
  /// - Complexity: O(*n* log *k*): a max-heap of the `count` smallest seen.
  private static func smallest(_ values: [UInt64], count: Int) -> UInt64? {
    guard values.count > count else { return nil }
    guard count > 0 else { return 0 }
    var heap = Array(values.prefix(count))
    func siftDown(_ start: Int) {
      var parent = start
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { return }
        var child = left
        if left + 1 < heap.count && heap[left + 1] > heap[left] { child = left + 1 }
        guard heap[child] > heap[parent] else { return }
        heap.swapAt(child, parent)
        parent = child
      }
    }
    for index in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    for value in values.dropFirst(count) where value < heap[0] {
      heap[0] = value
      siftDown(0)
    }
    return heap[0]
  }

  /// A sample from its parts, as read from a file.
  package init(size: Int, featureCount: Int, priorities: [UInt64], values: [Double]) {
    self.size = size
    self.featureCount = featureCount
    self.priorities = priorities
    self.values = values
  }

  /// The number of rows kept.
  package var rowCount: Int { priorities.count }

  /// The kept rows as a matrix, in priority order.
  package var matrix: FeatureMatrix {
    FeatureMatrix(values: values, rowCount: rowCount, featureCount: featureCount)
  }

  /// Why these parts are not a sample, if they are not: counts that do not fit, or
  /// priorities out of order.
  package var inconsistency: String? {
    guard size >= 0, featureCount >= 0, rowCount <= size else {
      return "keeps \(rowCount) rows, more than its size \(size)"
    }
    let (cells, overflow) = rowCount.multipliedReportingOverflow(by: featureCount)
    guard !overflow, cells == values.count else {
      return "has \(values.count) values for \(rowCount) rows of \(featureCount)"
    }
    for index in priorities.indices.dropFirst() where priorities[index - 1] >= priorities[index] {
      return "has priorities out of order at row \(index)"
    }
    return nil
  }

  /// The sample of the rows of all of `samples`, which must be drawn with one seed and size
  /// from disjoint rows of the same columns.
  ///
  /// Associative and commutative: two rows of equal priority (a collision of 64-bit hashes,
  /// with probability about *n*²/2⁶⁵) are ordered by their values' bits.
  ///
  /// - Precondition: Every sample has the first's size and width; a sample's parts may hold
  ///   more rows than its size (the draw from a matrix passes every row through here).
  /// - Complexity: O(*r* log *r*) for *r* rows in all.
  package static func merged(_ samples: [KeyedSample]) -> KeyedSample {
    guard let first = samples.first else {
      return KeyedSample(size: 0, featureCount: 0, priorities: [], values: [])
    }
    let width = first.featureCount
    var rows: [(priority: UInt64, sample: Int, row: Int)] = []
    for (index, sample) in samples.enumerated() {
      precondition(sample.size == first.size && sample.featureCount == width)
      for (row, priority) in sample.priorities.enumerated() {
        rows.append((priority, index, row))
      }
    }
    func bits(_ entry: (priority: UInt64, sample: Int, row: Int)) -> ArraySlice<Double> {
      samples[entry.sample].values[(entry.row * width)..<((entry.row + 1) * width)]
    }
    rows.sort { a, b in
      if a.priority != b.priority { return a.priority < b.priority }
      return bits(a).lexicographicallyPrecedes(bits(b)) { $0.bitPattern < $1.bitPattern }
    }
    rows.removeLast(max(0, rows.count - first.size))
    var values: [Double] = []
    values.reserveCapacity(rows.count * width)
    for entry in rows { values.append(contentsOf: bits(entry)) }
    return KeyedSample(
      size: first.size, featureCount: width, priorities: rows.map(\.priority), values: values)
  }
}

extension KeyedSample: Codable {
  private enum CodingKeys: String, CodingKey {
    case size, featureCount, priorities, values
  }

  /// Reads a sample whose priorities and values are base64 of their 64-bit patterns.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    size = try container.decode(Int.self, forKey: .size)
    featureCount = try container.decode(Int.self, forKey: .featureCount)
    priorities = try container.decodeBase64(.priorities, Base64Integers.decode).map {
      UInt64(bitPattern: $0)
    }
    values = try container.decodeBase64(.values, Base64Integers.decodeDoubles)
  }

  /// Writes the priorities and values as base64 of their 64-bit patterns, so that every
  /// value, NaN included, reads back bit for bit.
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(size, forKey: .size)
    try container.encode(featureCount, forKey: .featureCount)
    try container.encode(
      Base64Integers.encode(priorities.map { Int64(bitPattern: $0) }), forKey: .priorities)
    try container.encode(Base64Integers.encode(values), forKey: .values)
  }
}
