/// The attributions of a block of rows, stored feature-major while kernels accumulate them.
///
/// Kernels that add one leaf's contribution to every row of a block write contiguous memory
/// in this layout; ``rowMajor()`` turns the block into the row-major layout of
/// ``Attributions``.
struct FeatureMajorBlock {
  /// The values: feature `j` of row `i` is at `values[j * rowCount + i]`.
  var values: [Double]
  let rowCount: Int
  let featureCount: Int

  /// A block of zeros.
  init(rowCount: Int, featureCount: Int) {
    self.rowCount = rowCount
    self.featureCount = featureCount
    values = Array(repeating: 0, count: rowCount * featureCount)
  }

  /// The values, row-major.
  ///
  /// - Complexity: O(*n*·*m*).
  func rowMajor() -> [Double] {
    var result = [Double](repeating: 0, count: values.count)
    for feature in 0..<featureCount {
      for row in 0..<rowCount {
        result[row * featureCount + feature] = values[feature * rowCount + row]
      }
    }
    return result
  }

  /// Copies `rowCount` rows of `featureCount` values, row-major from `rows`, feature-major
  /// into `columns`: feature `j` of row `i` goes to `columns[j * rowCount + i]`.
  ///
  /// - Complexity: O(*n*·*m*).
  static func transpose(
    _ rows: UnsafePointer<Double>, rowCount: Int, featureCount: Int,
    into columns: UnsafeMutablePointer<Double>
  ) {
    for row in 0..<rowCount {
      for feature in 0..<featureCount {
        columns[feature * rowCount + row] = rows[row * featureCount + feature]
      }
    }
  }
}
