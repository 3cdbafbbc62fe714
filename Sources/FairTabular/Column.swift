/// One column of a ``Dataset``: numeric or categorical.
public enum Column: Sendable, Equatable {
  /// A column of numbers.
  case numeric(NumericColumn)
  /// A column of labels.
  case categorical(CategoricalColumn)

  /// The header name.
  public var name: String {
    switch self {
    case .numeric(let column): column.name
    case .categorical(let column): column.name
    }
  }

  /// The storage type.
  public var type: ColumnType {
    switch self {
    case .numeric: .numeric
    case .categorical: .categorical
    }
  }

  /// The number of rows.
  public var count: Int {
    switch self {
    case .numeric(let column): column.values.count
    case .categorical(let column): column.codes.count
    }
  }

  /// The number of missing cells.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  public var missingCount: Int {
    switch self {
    case .numeric(let column): column.missingCount
    case .categorical(let column): column.missingCount
    }
  }

  /// The numeric column, if this is one.
  public var numeric: NumericColumn? {
    if case .numeric(let column) = self { column } else { nil }
  }

  /// The categorical column, if this is one.
  public var categorical: CategoricalColumn? {
    if case .categorical(let column) = self { column } else { nil }
  }
}
