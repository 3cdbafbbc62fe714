public import FairAttribution

/// Where principal reasons come from.
public enum ReasonMethod: Sendable, Hashable {
  /// A PMML scorecard's own reason codes when the model is one that uses reason codes;
  /// otherwise attributions with the `auto` method.
  case auto
  /// The scorecard's reason codes (`pointsBelow`/`pointsAbove` from the baseline score).
  case scorecard
  /// Attributions of the given method against the reference population.
  case attribution(AttributionMethod)

  /// The name the command line uses.
  public var name: String {
    switch self {
    case .auto: "auto"
    case .scorecard: "scorecard"
    case .attribution(let method): method.rawValue
    }
  }
}
