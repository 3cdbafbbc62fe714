package import FairPolicy

/// The `scores:` section of a manifest: outputs recorded in the data, for an audit of
/// historical decisions without a model.
///
/// ```yaml
/// scores:
///   score_column: vendor_score          # optional
///   decision_column: vendor_selected    # optional; at least one of the two
///   favourable_decision: "yes"          # the decision column's favourable value
/// ```
///
/// Decisions come from the decision column when there is one, and otherwise from the
/// manifest's ``DecisionDeclaration`` applied to the score column.
public struct ScoresDeclaration: Sendable, Equatable {
  /// The column of scores, if any.
  public var scoreColumn: String?
  /// The column of recorded decisions, if any.
  public var decisionColumn: String?
  /// The decision column's favourable value; `nil` for a 0/1 column, where 1 is favourable.
  public var favourableDecision: String?

  /// Where the `scores:` section starts.
  package var position: SourcePosition
  /// Where the score column's name is written.
  package var scoreColumnPosition: SourcePosition?
  /// Where the decision column's name is written.
  package var decisionColumnPosition: SourcePosition?
  /// Where the favourable decision is written.
  package var favourableDecisionPosition: SourcePosition?

  /// Creates a declaration.
  package init(
    scoreColumn: String?, decisionColumn: String?, favourableDecision: String?,
    position: SourcePosition, scoreColumnPosition: SourcePosition? = nil,
    decisionColumnPosition: SourcePosition? = nil,
    favourableDecisionPosition: SourcePosition? = nil
  ) {
    self.scoreColumn = scoreColumn
    self.decisionColumn = decisionColumn
    self.favourableDecision = favourableDecision
    self.position = position
    self.scoreColumnPosition = scoreColumnPosition
    self.decisionColumnPosition = decisionColumnPosition
    self.favourableDecisionPosition = favourableDecisionPosition
  }
}
