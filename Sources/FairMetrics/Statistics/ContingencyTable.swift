/// A two-way table of (weighted) counts, such as protected attribute × feature category.
///
/// Counts are `Double`, so that weights and probabilistic group membership work; unweighted
/// tables hold whole numbers. Cells are stored row-major.
public struct ContingencyTable: Sendable, Hashable, Codable {
  /// The number of rows.
  public private(set) var rowCount: Int
  /// The number of columns.
  public private(set) var columnCount: Int
  /// The cells, row-major: cell `(i, j)` is `counts[i * columnCount + j]`.
  public private(set) var counts: [Double]

  /// Creates a table from its rows.
  ///
  /// - Parameter rows: The cells, one array per row, all of the same length.
  /// - Precondition: the rows have equal lengths.
  public init(rows: [[Double]]) {
    let width = rows.first?.count ?? 0
    precondition(
      rows.allSatisfy { $0.count == width }, "'rows' must all have \(width) cells")
    rowCount = rows.count
    columnCount = width
    counts = rows.flatMap { $0 }
  }

  /// Counts the pairs of codes of two categorical columns.
  ///
  /// A row counts `weights[i]` (1 without weights) in cell `(rowCodes[i], columnCodes[i])`.
  /// Rows with a negative code (the missing code -1 of `CategoricalColumn`) are left out, as
  /// are rows whose weight is zero, negative, NaN or infinite.
  ///
  /// - Parameters:
  ///   - rowCodes: One code per row for the table's rows.
  ///   - columnCodes: One code per row for the table's columns.
  ///   - weights: One non-negative weight per row, or `nil` for 1 each.
  /// - Precondition: the arrays have equal lengths.
  /// - Complexity: O(*n* + *r*·*c*) for *n* rows and an *r*×*c* table.
  public init(rowCodes: [Int32], columnCodes: [Int32], weights: [Double]? = nil) {
    precondition(
      rowCodes.count == columnCodes.count,
      "'columnCodes' has \(columnCodes.count) values, 'rowCodes' \(rowCodes.count)")
    precondition(
      weights.map { $0.count == rowCodes.count } ?? true,
      "'weights' has \(weights?.count ?? 0) values, 'rowCodes' \(rowCodes.count)")
    rowCount = Int(rowCodes.max() ?? -1) + 1
    columnCount = Int(columnCodes.max() ?? -1) + 1
    counts = [Double](repeating: 0, count: rowCount * columnCount)
    for index in rowCodes.indices {
      let row = rowCodes[index]
      let column = columnCodes[index]
      let weight = weights?[index] ?? 1
      guard row >= 0, column >= 0, weight > 0, weight.isFinite else { continue }
      counts[Int(row) * columnCount + Int(column)] += weight
    }
  }

  /// The count in row `row` and column `column`.
  public subscript(row: Int, column: Int) -> Double {
    counts[row * columnCount + column]
  }

  /// The total of each row.
  public var rowTotals: [Double] {
    (0..<rowCount).map { row in
      var total = 0.0
      for column in 0..<columnCount { total += self[row, column] }
      return total
    }
  }

  /// The total of each column.
  public var columnTotals: [Double] {
    (0..<columnCount).map { column in
      var total = 0.0
      for row in 0..<rowCount { total += self[row, column] }
      return total
    }
  }

  /// The table without rows and columns whose total is zero.
  public func removingEmptyLines() -> ContingencyTable {
    let rowTotals = rowTotals
    let columnTotals = columnTotals
    let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
    let columns = columnTotals.indices.filter { columnTotals[$0] > 0 }
    return ContingencyTable(rows: rows.map { row in columns.map { self[row, $0] } })
  }
}
