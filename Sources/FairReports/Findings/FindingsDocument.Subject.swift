extension FindingsDocument {
  /// What a finding is about: a slice of a grouping, a feature, both, or the whole audit.
  public struct Subject: Codable, Sendable, Equatable {
    /// The grouping, such as `race` or `sex × race`.
    public var grouping: String?
    /// The slice of the grouping, such as `Black or African American`.
    public var slice: String?
    /// The feature, for attribution and proxy rules.
    public var feature: String?
    /// The subject in words, as reports show it: `race = Black or African American`.
    public var display: String

    /// Creates a subject; `display` defaults to `grouping = slice`, then `feature F`.
    public init(
      grouping: String? = nil, slice: String? = nil, feature: String? = nil,
      display: String? = nil
    ) {
      self.grouping = grouping
      self.slice = slice
      self.feature = feature
      self.display = display ?? Subject.display(grouping: grouping, slice: slice, feature: feature)
    }

    private static func display(grouping: String?, slice: String?, feature: String?) -> String {
      var parts: [String] = []
      switch (grouping, slice) {
      case (let grouping?, let slice?): parts.append("\(grouping) = \(slice)")
      case (let grouping?, nil): parts.append(grouping)
      case (nil, let slice?): parts.append(slice)
      case (nil, nil): break
      }
      if let feature { parts.append("feature \(feature)") }
      return parts.isEmpty ? "whole audit" : parts.joined(separator: ", ")
    }
  }
}
