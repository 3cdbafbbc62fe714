package import FairPolicy

/// One entry of a manifest's `feature_groups:` mapping: columns whose attributions are
/// reported as one, such as the one-hot columns of a categorical field.
///
/// ```yaml
/// feature_groups:
///   purpose: [purpose_car, purpose_furniture, purpose_education]
/// ```
///
/// The members are named as data columns; the pipeline turns them into a
/// `FeatureGroup` of model feature indexes with `FeatureGroup(name:memberNames:featureNames:)`.
public struct FeatureGroupDeclaration: Sendable, Equatable {
  /// The name of the combined feature.
  public var name: String
  /// The member column names, in the order written.
  public var members: [String]

  /// Where the group's name is written.
  package var namePosition: SourcePosition
  /// Where each member is written.
  package var memberPositions: [SourcePosition]

  /// Creates a declaration.
  package init(
    name: String, members: [String], namePosition: SourcePosition,
    memberPositions: [SourcePosition]
  ) {
    self.name = name
    self.members = members
    self.namePosition = namePosition
    self.memberPositions = memberPositions
  }
}
