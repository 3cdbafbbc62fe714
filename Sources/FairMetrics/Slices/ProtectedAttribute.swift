/// A protected characteristic, such as sex, race or age, and how to read it from the data.
///
/// An attribute is read from one categorical column, from a numeric column cut into bins
/// (age bands), or from a set of membership-probability columns (race estimated by BISG,
/// where lenders may not collect it). Rows whose value is missing, listed in
/// ``unknownValues`` or outside every bin are *unknown*: counted and reported, but left out
/// of every comparison, as NYC Local Law 144 requires.
public struct ProtectedAttribute: Sendable, Hashable, Codable {
  /// Where the attribute's values come from.
  public enum Source: Sendable, Hashable, Codable {
    /// The labels of one column (a numeric column's numbers are read as labels).
    case column(String)
    /// A numeric column cut into bins `[edges[i], edges[i + 1])`; the last edge may be
    /// infinite. `labels` names the bins (one fewer than the edges); `nil` writes them as
    /// `[25, 35)`.
    case bins(column: String, edges: [Double], labels: [String]?)
    /// One column per group, holding the probability that the row belongs to it.
    case probabilities([GroupColumn])
  }

  /// A group of a probabilistic attribute and the column of its membership probabilities.
  public struct GroupColumn: Sendable, Hashable, Codable {
    /// The group's name, as reports show it.
    public var group: String
    /// The column of probabilities.
    public var column: String

    /// Creates a group column.
    public init(group: String, column: String) {
      self.group = group
      self.column = column
    }
  }

  /// The attribute's name, as groupings and reports name it (`sex`, `age_band`).
  public var name: String
  /// Where its values come from.
  public var source: Source
  /// The reference group that others are compared with; `nil` for the most favoured group
  /// (the one with the highest selection rate).
  public var reference: String?
  /// Labels that mean "unknown" besides a missing cell (`declined`, `unknown`).
  public var unknownValues: [String]
  /// For a probabilistic attribute: the probability at or above which a row is also
  /// assigned to its most probable group, for the side-by-side "assigned" comparison.
  public var assignmentThreshold: Double

  /// Creates a protected attribute.
  public init(
    name: String, source: Source, reference: String? = nil, unknownValues: [String] = [],
    assignmentThreshold: Double = 0.8
  ) {
    self.name = name
    self.source = source
    self.reference = reference
    self.unknownValues = unknownValues
    self.assignmentThreshold = assignmentThreshold
  }

  /// The data columns the attribute reads.
  public var columns: [String] {
    switch source {
    case .column(let column): [column]
    case .bins(let column, _, _): [column]
    case .probabilities(let groups): groups.map(\.column)
    }
  }

  /// Whether rows belong to groups with probabilities rather than with certainty.
  public var isProbabilistic: Bool {
    if case .probabilities = source { return true }
    return false
  }

  /// The name of a bin `[lower, upper)`, as written when no labels are given.
  public static func binLabel(lower: Double, upper: Double) -> String {
    func text(_ value: Double) -> String {
      if value.isInfinite { return value > 0 ? "∞" : "-∞" }
      return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
    return "[\(text(lower)), \(text(upper)))"
  }
}
