/// A column of numbers in one contiguous buffer, with NaN marking a missing value.
public struct NumericColumn: Sendable, Equatable {
  /// The header name.
  public var name: String
  /// One value per row; `.nan` where the cell was missing.
  public var values: [Double]

  /// Creates a numeric column.
  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
  }

  /// The number of missing (NaN) cells.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  public var missingCount: Int {
    values.withUnsafeBufferPointer { buffer in
      var count = 0
      for value in buffer where value.isNaN { count += 1 }
      return count
    }
  }

  /// Two columns are equal when their names match and every cell is equal, where two
  /// missing (NaN) cells count as equal.
  public static func == (lhs: NumericColumn, rhs: NumericColumn) -> Bool {
    guard lhs.name == rhs.name, lhs.values.count == rhs.values.count else { return false }
    for (left, right) in zip(lhs.values, rhs.values)
    where left != right && !(left.isNaN && right.isNaN) {
      return false
    }
    return true
  }
}
