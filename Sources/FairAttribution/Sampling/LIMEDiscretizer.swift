import FairModels

/// lime's quartile discretisation and per-column sampling tables, fitted on training rows.
///
/// For each numeric column the bin edges are `unique(percentile(column, [25, 50, 75]))`
/// with NumPy's linear interpolation, over the non-missing values; a value's bin is the
/// number of edges strictly below it (NumPy's left `searchsorted`). Each bin keeps the
/// training mean, population standard deviation plus 1e-11, and bounds (the column minimum
/// and maximum at the ends, the edges between). Missing values get a bin of their own after
/// the others (lime has no notion of missing values).
///
/// Categorical columns keep their codes; NaN is a value of its own. Every column then has a
/// table of values (bins or codes) and their training frequencies, from which lime draws.
struct LIMEDiscretizer: Sendable {
  /// The sampling table of one column.
  struct Column: Sendable {
    /// Whether the column is numeric (binned) rather than categorical.
    var isNumeric: Bool
    /// Numeric: the bin edges.
    var edges: [Double]
    /// Numeric: per bin (missing last) the mean, standard deviation and bounds.
    var means: [Double]
    var deviations: [Double]
    var lower: [Double]
    var upper: [Double]
    /// The values drawn (bin indexes, or category codes with NaN allowed), sorted.
    var values: [Double]
    /// Cumulative training frequencies of ``values``.
    var cumulative: [Double]

    /// The missing bin of a numeric column.
    var missingBin: Int { edges.count + 1 }

    /// The discretised value of `x`: its bin for numeric columns, itself for categorical.
    func discretise(_ x: Double) -> Double {
      guard isNumeric else { return x }
      if x.isNaN { return Double(missingBin) }
      var bin = 0
      for edge in edges where edge < x { bin += 1 }
      return Double(bin)
    }
  }

  let columns: [Column]

  /// Fits the tables on `training`.
  init(training: FeatureMatrix, features: [ModelFeature]) {
    var columns: [Column] = []
    for (index, feature) in features.enumerated() {
      var values: [Double] = []
      values.reserveCapacity(training.rowCount)
      for row in 0..<training.rowCount { values.append(training[row, index]) }
      if case .categorical = feature.kind {
        columns.append(LIMEDiscretizer.categorical(values))
      } else {
        columns.append(LIMEDiscretizer.numeric(values))
      }
    }
    self.columns = columns
  }

  private static func categorical(_ values: [Double]) -> Column {
    var counts: [Double: Int] = [:]
    var missing = 0
    for value in values {
      if value.isNaN { missing += 1 } else { counts[value, default: 0] += 1 }
    }
    var table = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    if missing > 0 { table.append((.nan, missing)) }
    return Column(
      isNumeric: false, edges: [], means: [], deviations: [], lower: [], upper: [],
      values: table.map(\.0), cumulative: cumulative(table.map(\.1)))
  }

  private static func numeric(_ values: [Double]) -> Column {
    let present = values.filter { !$0.isNaN }.sorted()
    var edges: [Double] = []
    if !present.isEmpty {
      for quantile in [0.25, 0.5, 0.75] {
        let edge = percentile(present, quantile)
        if edges.last != edge { edges.append(edge) }
      }
    }
    var column = Column(
      isNumeric: true, edges: edges, means: [], deviations: [], lower: [], upper: [],
      values: [], cumulative: [])
    let binCount = edges.count + 2  // the missing bin last
    var members = [[Double]](repeating: [], count: binCount)
    for value in values { members[Int(column.discretise(value))].append(value) }
    for bin in 0..<binCount {
      let selection = members[bin]
      var mean = 0.0
      var deviation = 0.0
      if bin < binCount - 1 && !selection.isEmpty {
        for value in selection { mean += value }
        mean /= Double(selection.count)
        for value in selection { deviation += (value - mean) * (value - mean) }
        deviation = (deviation / Double(selection.count)).squareRoot()
      }
      column.means.append(mean)
      column.deviations.append(deviation + 1e-11)
    }
    let minimum = present.first ?? .nan
    let maximum = present.last ?? .nan
    column.lower = [minimum] + edges + [.nan]
    column.upper = edges + [maximum, .nan]
    var table: [(Double, Int)] = []
    for bin in 0..<binCount where !members[bin].isEmpty {
      table.append((Double(bin), members[bin].count))
    }
    column.values = table.map(\.0)
    column.cumulative = cumulative(table.map(\.1))
    return column
  }

  /// NumPy's `percentile` with linear interpolation on sorted values, including its
  /// `_lerp`, which interpolates from the upper value when the fraction is at least ½.
  static func percentile(_ sorted: [Double], _ quantile: Double) -> Double {
    let position = quantile * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    let difference = sorted[upper] - sorted[lower]
    if fraction >= 0.5 { return sorted[upper] - difference * (1 - fraction) }
    return sorted[lower] + difference * fraction
  }

  private static func cumulative(_ counts: [Int]) -> [Double] {
    var total = 0
    for count in counts { total += count }
    var running = 0
    var result: [Double] = []
    for count in counts {
      running += count
      result.append(Double(running) / Double(max(1, total)))
    }
    return result
  }
}
