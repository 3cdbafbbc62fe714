/// A table of typed columns of equal length, read from a data file or built in memory.
///
/// Numeric columns are contiguous `Double` buffers with NaN for missing values; categorical
/// columns are `Int32` codes plus their ordered levels. Columns are looked up by header name.
public struct Dataset: Sendable, Equatable {
  /// The columns, in file order.
  public let columns: [Column]
  /// The number of rows.
  public let rowCount: Int
  private let indexByName: [String: Int]

  /// Creates a dataset from columns of equal length and distinct names.
  ///
  /// - Parameters:
  ///   - columns: The columns, in order.
  ///   - rowCount: The number of rows; needed when `columns` is empty.
  /// - Precondition: every column has `rowCount` rows and the names are distinct.
  public init(columns: [Column], rowCount: Int? = nil) {
    let count = rowCount ?? columns.first?.count ?? 0
    precondition(
      columns.allSatisfy { $0.count == count }, "every column must have \(count) rows")
    var index: [String: Int] = [:]
    for (position, column) in columns.enumerated() {
      precondition(index[column.name] == nil, "column name '\(column.name)' is not unique")
      index[column.name] = position
    }
    self.columns = columns
    self.rowCount = count
    self.indexByName = index
  }

  /// The header names, in column order.
  public var columnNames: [String] { columns.map(\.name) }

  /// The position of the column named `name`, if there is one.
  public func columnIndex(named name: String) -> Int? { indexByName[name] }

  /// The column named `name`, if there is one.
  public func column(named name: String) -> Column? {
    indexByName[name].map { columns[$0] }
  }

  /// Two datasets are equal when they have the same rows and equal columns in order.
  public static func == (lhs: Dataset, rhs: Dataset) -> Bool {
    lhs.rowCount == rhs.rowCount && lhs.columns == rhs.columns
  }
}
