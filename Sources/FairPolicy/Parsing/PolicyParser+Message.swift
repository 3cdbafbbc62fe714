extension PolicyParser {
  /// The texts of the parser's diagnostics.
  enum Message {
    /// Where a repeated rule id was first used.
    static let firstDeclared = "first declared here"
    /// `all` inside a list of groupings.
    static let allInList = "'all' cannot be combined with other groupings; write 'over: all'"

    /// Two rules with one id in one file.
    static func duplicateRule(_ id: String) -> String {
      "duplicate rule id '\(id)'"
    }

    /// A metric the catalog does not know.
    static func unknownMetric(_ name: String) -> String {
      "unknown metric '\(name)'"
    }

    /// A value outside an enumeration.
    static func unknownChoice(_ key: String, _ value: String, expected: [String]) -> String {
      let list: String
      if expected.count <= 1 {
        list = expected.map { "'\($0)'" }.joined()
      } else {
        list =
          expected.dropLast().map { "'\($0)'" }.joined(separator: ", ")
          + " or '\(expected[expected.count - 1])'"
      }
      return "unknown \(key) '\(value)'; expected \(list)"
    }

    /// `min_group_size` below 1.
    static func minimumGroupSize(_ value: Int) -> String {
      "'min_group_size' must be at least 1, found \(value)"
    }

    /// `alpha` outside (0, 1).
    static func alpha(_ text: String) -> String {
      "'alpha' must be greater than 0 and less than 1, found \(text)"
    }

    /// An empty list where one item is needed.
    static func emptyList(_ key: String) -> String {
      "'\(key)' needs at least one item"
    }

    /// A grouping that is not `name (x name)*`.
    static func badGrouping(_ text: String) -> String {
      "expected an attribute name or an intersection such as 'sex x race', found '\(text)'"
    }

    /// An intersection naming one attribute twice.
    static func repeatedAttribute(_ name: String) -> String {
      "'\(name)' appears twice in one intersection"
    }
  }
}
