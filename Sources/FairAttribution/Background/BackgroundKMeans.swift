import FairModels
import _FairSupport

/// Lloyd's k-means over the numeric columns of a matrix, for ``BackgroundSummary``.
struct BackgroundKMeans {
  /// The numeric columns, row-major, missing values replaced by column means.
  private let points: [Double]
  /// The indexes of the numeric columns.
  private let numericColumns: [Int]
  private let matrix: FeatureMatrix
  private let isCategorical: [Bool]
  /// The centroids over the numeric columns, row-major.
  private var centroids: [Double] = []
  /// The cluster of each row.
  private(set) var labels: [Int]

  init(matrix: FeatureMatrix, isCategorical: [Bool]) {
    self.matrix = matrix
    self.isCategorical = isCategorical
    let numeric = (0..<matrix.featureCount).filter { !isCategorical[$0] }
    numericColumns = numeric
    let rows = matrix.rowCount
    var means = [Double](repeating: 0, count: numeric.count)
    for (position, column) in numeric.enumerated() {
      var sum = 0.0
      var count = 0
      for row in 0..<rows where !matrix[row, column].isNaN {
        sum += matrix[row, column]
        count += 1
      }
      means[position] = count > 0 ? sum / Double(count) : 0
    }
    var points = [Double](repeating: 0, count: rows * numeric.count)
    for row in 0..<rows {
      for (position, column) in numeric.enumerated() {
        let value = matrix[row, column]
        points[row * numeric.count + position] = value.isNaN ? means[position] : value
      }
    }
    self.points = points
    labels = [Int](repeating: 0, count: rows)
  }

  private var dimension: Int { numericColumns.count }

  /// The squared distance from row `row` to centroid `cluster`.
  private func distance(row: Int, cluster: Int) -> Double {
    var sum = 0.0
    for d in 0..<dimension {
      let difference = points[row * dimension + d] - centroids[cluster * dimension + d]
      sum += difference * difference
    }
    return sum
  }

  /// Seeds with k-means++ and runs Lloyd rounds.
  mutating func run(k: Int, maxIterations: Int, generator: inout SplitMix64) {
    let rows = matrix.rowCount
    guard dimension > 0 else {
      // No numeric column: one cluster per most frequent pattern is not defined; put
      // every row in cluster 0 and let the categorical vote decide.
      labels = [Int](repeating: 0, count: rows)
      return
    }
    centroids = []
    centroids.reserveCapacity(k * dimension)
    let first = generator.nextInt(below: rows)
    centroids.append(contentsOf: points[(first * dimension)..<((first + 1) * dimension)])
    var nearest = (0..<rows).map { distance(row: $0, cluster: 0) }
    for cluster in 1..<k {
      var total = 0.0
      for value in nearest { total += value }
      var chosen = generator.nextInt(below: rows)
      if total > 0 {
        var target = generator.nextDouble() * total
        for row in 0..<rows {
          target -= nearest[row]
          if target < 0 {
            chosen = row
            break
          }
        }
      }
      centroids.append(contentsOf: points[(chosen * dimension)..<((chosen + 1) * dimension)])
      for row in 0..<rows { nearest[row] = min(nearest[row], distance(row: row, cluster: cluster)) }
    }
    var counts = [Int](repeating: 0, count: k)
    for iteration in 0..<maxIterations {
      var changed = false
      for row in 0..<rows {
        var best = 0
        var bestDistance = Double.infinity
        for cluster in 0..<k {
          let d = distance(row: row, cluster: cluster)
          if d < bestDistance {
            bestDistance = d
            best = cluster
          }
        }
        if labels[row] != best || iteration == 0 {
          changed = changed || labels[row] != best
          labels[row] = best
        }
      }
      if !changed && iteration > 0 { break }
      // New centroids; an empty cluster takes the row farthest from its centroid.
      var sums = [Double](repeating: 0, count: k * dimension)
      counts = [Int](repeating: 0, count: k)
      for row in 0..<rows {
        counts[labels[row]] += 1
        for d in 0..<dimension { sums[labels[row] * dimension + d] += points[row * dimension + d] }
      }
      for cluster in 0..<k {
        if counts[cluster] > 0 {
          for d in 0..<dimension {
            centroids[cluster * dimension + d] =
              sums[cluster * dimension + d] / Double(counts[cluster])
          }
        } else {
          var farthest = 0
          var farthestDistance = -1.0
          for row in 0..<rows {
            let d = distance(row: row, cluster: labels[row])
            if d > farthestDistance {
              farthestDistance = d
              farthest = row
            }
          }
          for d in 0..<dimension {
            centroids[cluster * dimension + d] = points[farthest * dimension + d]
          }
        }
      }
    }
  }

  /// The centroids over all columns (numeric ones snapped to observed values, categorical
  /// ones by majority) and the cluster sizes, empty clusters dropped.
  func summarise(k: Int) -> (centroids: [Double], sizes: [Double]) {
    let rows = matrix.rowCount
    let width = matrix.featureCount
    var sizes = [Int](repeating: 0, count: k)
    for label in labels { sizes[label] += 1 }
    // Sorted observed values of each numeric column, for snapping.
    var observed: [[Double]] = []
    for column in numericColumns {
      var values: [Double] = []
      for row in 0..<rows where !matrix[row, column].isNaN { values.append(matrix[row, column]) }
      values.sort()
      observed.append(values)
    }
    var result: [Double] = []
    var kept: [Double] = []
    for cluster in 0..<k where sizes[cluster] > 0 {
      var row = [Double](repeating: .nan, count: width)
      for (position, column) in numericColumns.enumerated() {
        row[column] = BackgroundKMeans.nearest(
          centroids.isEmpty ? .nan : centroids[cluster * dimension + position],
          in: observed[position])
      }
      for column in 0..<width where isCategorical[column] {
        row[column] = mostFrequent(column: column, cluster: cluster)
      }
      result.append(contentsOf: row)
      kept.append(Double(sizes[cluster]))
    }
    return (result, kept)
  }

  /// The most frequent value of `column` in `cluster`; ties to the lowest, NaN last.
  private func mostFrequent(column: Int, cluster: Int) -> Double {
    var counts: [Double: Int] = [:]
    var missing = 0
    for row in 0..<matrix.rowCount where labels[row] == cluster {
      let value = matrix[row, column]
      if value.isNaN { missing += 1 } else { counts[value, default: 0] += 1 }
    }
    var best = Double.nan
    var bestCount = missing
    for (value, count) in counts
    where count > bestCount || (count == bestCount && (best.isNaN || value < best)) {
      best = value
      bestCount = count
    }
    return best
  }

  /// The element of sorted `values` nearest `target` (the lower one on a tie).
  private static func nearest(_ target: Double, in values: [Double]) -> Double {
    guard let first = values.first, let last = values.last else { return .nan }
    if target.isNaN { return first }
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < target { low = middle + 1 } else { high = middle }
    }
    if low == 0 { return first }
    if low == values.count { return last }
    return target - values[low - 1] <= values[low] - target ? values[low - 1] : values[low]
  }
}
