/// The storage type of a column.
public enum ColumnType: String, Sendable, Hashable, CaseIterable, Codable {
  /// Numbers, stored as `Double` with NaN for a missing value.
  case numeric
  /// Labels, stored as integer codes into an ordered list of distinct values.
  case categorical
}
