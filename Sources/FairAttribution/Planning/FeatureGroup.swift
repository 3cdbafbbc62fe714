import _FairSupport

/// A named set of attribution columns that are reported as one, such as the one-hot columns
/// of a categorical field.
public struct FeatureGroup: Sendable, Hashable, Codable {
  /// The name of the combined column.
  public var name: String
  /// The indexes of the member columns.
  public var members: [Int]

  /// Creates a group.
  ///
  /// - Parameters:
  ///   - name: The name of the combined column.
  ///   - members: The indexes of the member columns; at least one.
  public init(name: String, members: [Int]) {
    self.name = name
    self.members = members
  }
}

extension FeatureGroup {
  /// Creates a group from member feature names.
  ///
  /// - Parameters:
  ///   - name: The name of the combined column.
  ///   - memberNames: The members' feature names; at least one.
  ///   - featureNames: The model's feature names, in order.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidGroup`` when the
  ///   name or the member list is empty or a member is not a feature (with "did you mean").
  public init(name: String, memberNames: [String], featureNames: [String]) throws {
    let subject = "feature group '\(name)'"
    guard !name.isEmpty, !memberNames.isEmpty else {
      throw AttributionError(
        .invalidGroup, subject: subject, message: "a group needs a name and at least one member")
    }
    let members = try memberNames.map { member -> Int in
      guard let index = featureNames.firstIndex(of: member) else {
        var message = AttributionError.Message.unknownGroupMember(member, group: name)
        if let near = closestMatch(to: member, among: featureNames) {
          message += "; did you mean '\(near)'?"
        }
        throw AttributionError(.invalidGroup, subject: subject, message: message)
      }
      return index
    }
    self.init(name: name, members: members)
  }

  /// Parses `NAME=col1,col2`, the command line's and the manifest's short form of a group.
  ///
  /// - Parameters:
  ///   - specification: The text.
  ///   - featureNames: The model's feature names, in order.
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidGroup``.
  public init(parsing specification: String, featureNames: [String]) throws {
    let parts = specification.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw AttributionError(
        .invalidGroup, subject: "feature group",
        message: AttributionError.Message.malformedGroup(specification))
    }
    try self.init(
      name: parts[0], memberNames: parts[1].split(separator: ",").map(String.init),
      featureNames: featureNames)
  }
}
