package import FairTabular
import _FairSupport

/// The joint counts of one feature and the slices of one grouping: the mergeable form of the
/// proxy screen.
///
/// For every distinct value of the feature (a number, or a label of a categorical feature) it
/// holds the rows with that value in the whole data (for the decile edges of a numeric
/// feature, which are quantiles of all values) and the membership weight of each slice. Two
/// maps merge by adding the entries of equal values, so the map of any split of the rows,
/// merged in any order, equals the map of all of them; Cramér's V, the correlation ratio, the
/// normalised mutual information and the one-group-versus-rest AUC are then computed from the
/// map (``ProxyAssociation``). Labels are keys by their text, not their codes, so maps built
/// from files whose levels differ still merge.
///
/// Weights are in units of 2⁻³², as in ``ScoreCounts``: exact for certain membership,
/// rounded once per row otherwise. The map grows with the number of distinct values: up to
/// one entry per row for a continuous feature.
package struct FeatureCounts: Sendable, Equatable, Codable {
  /// The slices of the grouping.
  package private(set) var sliceCount: Int
  /// Whether the feature is numeric (keys in ``numbers``) or categorical (in ``labels``).
  package let isNumeric: Bool
  /// The distinct values of a numeric feature, ascending (`-0.0` stored as `0.0`).
  package private(set) var numbers: [Double] = []
  /// The distinct labels of a categorical feature, in ascending order of their text.
  package private(set) var labels: [String] = []
  /// Per value: the rows of the whole data with that value (any membership).
  package private(set) var rows: [Int] = []
  /// Per value and slice (value-major): the membership weight, in units of 2⁻³².
  package private(set) var weights: [Int64] = []

  /// The counts of `column` over the slices of `membership`, for the rows in `range`.
  ///
  /// Rows with the feature missing are left out; rows in no slice count only in ``rows``.
  /// - Complexity: O(*n* log *n*) for *n* rows.
  package init(_ column: Column, membership: SliceMembership, rows range: Range<Int>? = nil) {
    let range = range ?? 0..<membership.rowCount
    sliceCount = membership.sliceNames.count
    switch column {
    case .numeric(let values):
      isNumeric = true
      var index: [Double: Int] = [:]
      var keys: [Double] = []
      var counts: [Int] = []
      var sums: [Int64] = []
      for row in range {
        let value = values.values[row] + 0
        if value.isNaN { continue }
        let key: Int
        if let found = index[value] {
          key = found
        } else {
          key = keys.count
          index[value] = key
          keys.append(value)
          counts.append(0)
          sums.append(contentsOf: repeatElement(0, count: sliceCount))
        }
        counts[key] += 1
        membership.forEachMembership(of: row) { slice, weight in
          sums[key * sliceCount + slice] &+= ReplicateTally.fixed(weight)
        }
      }
      let order = keys.indices.sorted { keys[$0] < keys[$1] }
      numbers = order.map { keys[$0] }
      store(order: order, counts: counts, sums: sums)
    case .categorical(let column):
      isNumeric = false
      var counts = [Int](repeating: 0, count: column.levels.count)
      var sums = [Int64](repeating: 0, count: column.levels.count * sliceCount)
      for row in range {
        let code = column.codes[row]
        if code == CategoricalColumn.missingCode { continue }
        counts[Int(code)] += 1
        membership.forEachMembership(of: row) { slice, weight in
          sums[Int(code) * sliceCount + slice] &+= ReplicateTally.fixed(weight)
        }
      }
      let present = column.levels.indices.filter { counts[$0] > 0 }
      let order = present.sorted { column.levels[$0] < column.levels[$1] }
      labels = order.map { column.levels[$0] }
      store(order: order, counts: counts, sums: sums)
    }
  }

  /// Keeps the values in `order`, with their counts and weights.
  private mutating func store(order: [Int], counts: [Int], sums: [Int64]) {
    rows = order.map { counts[$0] }
    weights = order.flatMap { key in sums[(key * sliceCount)..<((key + 1) * sliceCount)] }
  }

  /// The number of distinct values.
  package var valueCount: Int { rows.count }

  /// The weight of `slice` among rows with value `value`, as a number.
  package func weight(value: Int, slice: Int) -> Double {
    Double(weights[value * sliceCount + slice]) / ReplicateTally.scale
  }

  /// Adds `other`'s rows; both must count the same feature over the same slices.
  /// - Complexity: O(*v*·*s*) for *v* distinct values and *s* slices.
  package mutating func merge(_ other: FeatureCounts) {
    precondition(
      other.sliceCount == sliceCount && other.isNumeric == isNumeric,
      "feature counts of different shapes cannot merge")
    var merged = self
    merged.numbers = []
    merged.labels = []
    merged.rows = []
    merged.weights = []
    var mine = 0
    var theirs = 0
    func less(_ a: Int, _ b: Int) -> Bool {
      isNumeric ? numbers[a] < other.numbers[b] : labels[a] < other.labels[b]
    }
    func equal(_ a: Int, _ b: Int) -> Bool {
      isNumeric ? numbers[a] == other.numbers[b] : labels[a] == other.labels[b]
    }
    while mine < valueCount || theirs < other.valueCount {
      let takeMine =
        theirs == other.valueCount
        || (mine < valueCount && (less(mine, theirs) || equal(mine, theirs)))
      let takeTheirs =
        mine == valueCount || (theirs < other.valueCount && !less(mine, theirs))
      if takeMine {
        if isNumeric {
          merged.numbers.append(numbers[mine])
        } else {
          merged.labels.append(labels[mine])
        }
      } else if isNumeric {
        merged.numbers.append(other.numbers[theirs])
      } else {
        merged.labels.append(other.labels[theirs])
      }
      var count = 0
      var sums = [Int64](repeating: 0, count: sliceCount)
      if takeMine {
        count += rows[mine]
        for slice in 0..<sliceCount { sums[slice] &+= weights[mine * sliceCount + slice] }
        mine += 1
      }
      if takeTheirs {
        count += other.rows[theirs]
        for slice in 0..<sliceCount {
          sums[slice] &+= other.weights[theirs * sliceCount + slice]
        }
        theirs += 1
      }
      merged.rows.append(count)
      merged.weights.append(contentsOf: sums)
    }
    self = merged
  }

  /// The same counts over a grouping with more slices: slice `i` becomes `indexes[i]` of
  /// `sliceCount`, and the other slices have no weight.
  package func reindexed(slices indexes: [Int], sliceCount newCount: Int) -> FeatureCounts {
    var result = self
    result.sliceCount = newCount
    result.weights = [Int64](repeating: 0, count: valueCount * newCount)
    for value in 0..<valueCount {
      for (slice, index) in indexes.enumerated() {
        result.weights[value * newCount + index] = weights[value * sliceCount + slice]
      }
    }
    return result
  }

  /// Whether the arrays agree with each other (a decoded map is checked before use).
  package var isConsistent: Bool {
    let keys = isNumeric ? numbers.count : labels.count
    let sorted =
      isNumeric
      ? zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }
      : zip(labels, labels.dropFirst()).allSatisfy { $0 < $1 }
    // A crafted file's counts may overflow their product.
    let (cells, overflow) = keys.multipliedReportingOverflow(by: sliceCount)
    // The counting skips missing values and writes -0.0 as 0.0; a map with either would
    // merge differently in each order.
    let plainNumbers = numbers.allSatisfy {
      !$0.isNaN && $0.bitPattern != (-0.0 as Double).bitPattern
    }
    return sliceCount >= 0 && keys == rows.count && !overflow && weights.count == cells
      && (isNumeric ? labels.isEmpty : numbers.isEmpty) && sorted && plainNumbers
      && rows.allSatisfy { $0 > 0 }
  }

  /// The decile code of each distinct numeric value: how many interior decile edges (the
  /// quantiles at 10%, 20%, …, 90% of all rows' values, linearly interpolated as
  /// `pandas.qcut`, repeated edges dropped) lie below it.
  package func decileCodes() -> [Int32] {
    let total = rows.reduce(0, +)
    guard total > 0 else { return [] }
    /// The value at 0-based position `position` of all rows' values, sorted.
    var cumulative: [Int] = []
    cumulative.reserveCapacity(rows.count)
    var running = 0
    for count in rows {
      running += count
      cumulative.append(running)
    }
    func value(at position: Int) -> Double {
      var low = 0
      var high = cumulative.count - 1
      while low < high {
        let middle = (low + high) / 2
        if cumulative[middle] > position { high = middle } else { low = middle + 1 }
      }
      return numbers[low]
    }
    var edges: [Double] = []
    for k in 0...10 {
      let h = Double(total - 1) * Double(k) / 10
      let low = Int(h.rounded(.down))
      let high = min(low + 1, total - 1)
      let lowValue = value(at: low)
      let edge = lowValue + (h - Double(low)) * (value(at: high) - lowValue)
      if edges.last != edge { edges.append(edge) }
    }
    let interior = edges.count > 2 ? Array(edges[1..<(edges.count - 1)]) : []
    return numbers.map { number in
      var code: Int32 = 0
      for edge in interior where edge < number { code += 1 }
      return code
    }
  }
}

extension FeatureCounts {
  private enum CodingKeys: String, CodingKey {
    case sliceCount, isNumeric, numbers, labels, rows, weights
  }

  /// Decodes counts whose numeric arrays are base64 of little-endian 64-bit values.
  ///
  /// - Throws: `DecodingError` when an array is not canonical base64.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    sliceCount = try container.decode(Int.self, forKey: .sliceCount)
    isNumeric = try container.decode(Bool.self, forKey: .isNumeric)
    numbers = try container.decodeBase64(.numbers, Base64Integers.decodeDoubles)
    labels = try container.decode([String].self, forKey: .labels)
    rows = try container.decodeBase64(.rows, Base64Integers.decodeCounts)
    weights = try container.decodeBase64(.weights, Base64Integers.decode)
  }

  /// Encodes the numeric arrays as base64 of little-endian 64-bit values.
  ///
  /// - Throws: What the encoder throws.
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(sliceCount, forKey: .sliceCount)
    try container.encode(isNumeric, forKey: .isNumeric)
    try container.encode(Base64Integers.encode(numbers), forKey: .numbers)
    try container.encode(labels, forKey: .labels)
    try container.encode(Base64Integers.encode(rows), forKey: .rows)
    try container.encode(Base64Integers.encode(weights), forKey: .weights)
  }
}
