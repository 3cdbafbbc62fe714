/// A summary of a dataset's columns: what `fairgate data describe` prints.
public struct DatasetProfile: Sendable, Equatable, Codable {
  /// The schema identifier of the JSON form.
  public static let schema = "fairgate.describe/1"

  /// One value of a categorical column with its count.
  public struct LevelCount: Sendable, Equatable, Codable {
    /// The label.
    public var value: String
    /// The number of rows holding it.
    public var count: Int
  }

  /// The summary of one column.
  public struct ColumnProfile: Sendable, Equatable, Codable {
    /// The 1-based position.
    public var index: Int
    /// The header name.
    public var name: String
    /// The inferred or declared type.
    public var type: ColumnType
    /// The number of missing cells.
    public var missing: Int
    /// The number of distinct non-missing values.
    public var distinct: Int
    /// The smallest non-missing value (numeric columns).
    public var minimum: Double?
    /// The largest non-missing value (numeric columns).
    public var maximum: Double?
    /// The mean of the non-missing values (numeric columns).
    public var mean: Double?
    /// The most frequent values, most frequent first, ties in first-appearance order
    /// (categorical columns).
    public var top: [LevelCount]?
  }

  /// The schema identifier, ``schema``.
  public var schema: String
  /// The file the dataset came from.
  public var file: String
  /// The number of rows.
  public var rows: Int
  /// One summary per column, in file order.
  public var columns: [ColumnProfile]

  /// Summarises `dataset`.
  ///
  /// - Parameters:
  ///   - dataset: The data.
  ///   - file: The file name to record.
  ///   - topCount: How many of the most frequent values to keep per categorical column.
  /// - Complexity: O(*n*·*c*) for *n* rows and *c* columns (a hash set per numeric column).
  public init(_ dataset: Dataset, file: String, topCount: Int = 5) {
    self.schema = Self.schema
    self.file = file
    self.rows = dataset.rowCount
    self.columns = dataset.columns.enumerated().map { position, column in
      switch column {
      case .numeric(let numbers):
        return Self.profile(numbers, index: position + 1)
      case .categorical(let labels):
        return Self.profile(labels, index: position + 1, topCount: topCount)
      }
    }
  }

  private static func profile(_ column: NumericColumn, index: Int) -> ColumnProfile {
    var distinct = Set<UInt64>()
    var missing = 0
    var minimum = Double.infinity
    var maximum = -Double.infinity
    var sum = 0.0
    for value in column.values {
      if value.isNaN {
        missing += 1
        continue
      }
      distinct.insert((value == 0 ? 0 : value).bitPattern)
      minimum = min(minimum, value)
      maximum = max(maximum, value)
      sum += value
    }
    let present = column.values.count - missing
    return ColumnProfile(
      index: index, name: column.name, type: .numeric, missing: missing,
      distinct: distinct.count, minimum: present > 0 ? minimum : nil,
      maximum: present > 0 ? maximum : nil, mean: present > 0 ? sum / Double(present) : nil,
      top: nil)
  }

  private static func profile(
    _ column: CategoricalColumn, index: Int, topCount: Int
  ) -> ColumnProfile {
    let counts = column.levelCounts()
    let order = counts.indices.sorted {
      counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1)
    }
    let top = order.prefix(topCount).map { LevelCount(value: column.levels[$0], count: counts[$0]) }
    return ColumnProfile(
      index: index, name: column.name, type: .categorical, missing: column.missingCount,
      distinct: column.levels.count, minimum: nil, maximum: nil, mean: nil, top: top)
  }
}
