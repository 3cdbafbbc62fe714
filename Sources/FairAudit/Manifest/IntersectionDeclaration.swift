package import FairPolicy

/// One entry of a manifest's `intersections:` list: two or more declared attributes whose
/// combinations are compared as slices (`[sex, race]` gives `Female × Black`, …).
public struct IntersectionDeclaration: Sendable, Equatable {
  /// The attribute names, in the order written.
  public var attributes: [String]

  /// Where the entry starts.
  package var position: SourcePosition
  /// Where each attribute name is written.
  package var attributePositions: [SourcePosition]

  /// Creates a declaration.
  package init(
    attributes: [String], position: SourcePosition, attributePositions: [SourcePosition]
  ) {
    self.attributes = attributes
    self.position = position
    self.attributePositions = attributePositions
  }
}
