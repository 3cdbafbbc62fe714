public import FairMetrics
package import FairPolicy

/// One entry of a manifest's `protected:` list: a `ProtectedAttribute` with the places its
/// parts are written.
///
/// ```yaml
/// protected:
///   - name: sex
///     column: sex
///     reference: Male            # optional; default: the most favoured group
///     unknown: [declined, ""]    # optional extra unknown labels
///   - name: age_band
///     column: age
///     bins: [18, 25, 35, 50, 62, .inf]
///     labels: ["18-24", "25-34", "35-49", "50-61", "62+"]
///   - name: race
///     probabilities: {White: p_white, Black: p_black, Hispanic: p_hispanic}
///     assignment_threshold: 0.8
/// ```
public struct ProtectedAttributeDeclaration: Sendable, Equatable {
  /// The attribute, as FairMetrics slices the data by it.
  public var attribute: ProtectedAttribute

  /// Where the entry starts.
  package var position: SourcePosition
  /// Where the name is written.
  package var namePosition: SourcePosition
  /// Where each column the attribute reads is written, in the order of
  /// `attribute.columns`.
  package var columnPositions: [SourcePosition]
  /// Where the reference group is written.
  package var referencePosition: SourcePosition?

  /// Creates a declaration.
  package init(
    attribute: ProtectedAttribute, position: SourcePosition, namePosition: SourcePosition,
    columnPositions: [SourcePosition], referencePosition: SourcePosition? = nil
  ) {
    self.attribute = attribute
    self.position = position
    self.namePosition = namePosition
    self.columnPositions = columnPositions
    self.referencePosition = referencePosition
  }

  /// The attribute's name.
  public var name: String { attribute.name }
}
