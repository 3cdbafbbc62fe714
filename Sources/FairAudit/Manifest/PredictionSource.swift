/// What an audit examines: a model that scores the data, or scores and decisions already
/// recorded in the data.
public enum PredictionSource: Sendable, Equatable {
  /// A model (`model:`), scored on the data during the audit.
  case model(ModelDeclaration)
  /// Recorded outputs (`scores:`): a score column, a decision column or both; no model.
  case scores(ScoresDeclaration)
}
