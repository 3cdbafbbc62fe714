/// The groupings a rule's `over` key names.
public enum GroupingScope: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Every grouping the audit declares.
  case all
  /// The listed groupings.
  case groupings([Grouping])

  /// `all`, or the groupings separated by commas.
  public var description: String {
    switch self {
    case .all: return "all"
    case .groupings(let groupings): return groupings.map(\.description).joined(separator: ", ")
    }
  }
}
