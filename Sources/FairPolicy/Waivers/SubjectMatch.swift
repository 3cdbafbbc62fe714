/// Which subjects a waiver covers; each given part must match.
public struct SubjectMatch: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The grouping, written as in a policy: `sex` or `sex x race`.
  public var grouping: String?
  /// The slice: its values joined by ` x ` (`female x Black`) or its `attribute=value` form.
  public var slice: String?
  /// The feature's name.
  public var feature: String?

  /// Creates a match.
  public init(grouping: String? = nil, slice: String? = nil, feature: String? = nil) {
    self.grouping = grouping
    self.slice = slice
    self.feature = feature
  }

  /// Whether `subject` matches every given part.
  public func matches(_ subject: Subject) -> Bool {
    if let grouping {
      let wanted = Grouping(
        grouping.split(whereSeparator: { $0 == " " }).map(String.init).filter {
          $0 != "x" && $0 != "×"
        })
      guard let actual = subject.grouping, actual.hasSameAttributes(as: wanted) else {
        return false
      }
    }
    if let slice {
      guard let actual = subject.slice, actual.name == slice || actual.description == slice
      else { return false }
    }
    if let feature {
      guard subject.feature == feature else { return false }
    }
    return true
  }

  /// The given parts, such as `grouping sex, slice female`.
  public var description: String {
    var parts: [String] = []
    if let grouping { parts.append("grouping \(grouping)") }
    if let slice { parts.append("slice \(slice)") }
    if let feature { parts.append("feature \(feature)") }
    return parts.isEmpty ? "every subject" : parts.joined(separator: ", ")
  }
}
