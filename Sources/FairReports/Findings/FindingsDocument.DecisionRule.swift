extension FindingsDocument {
  /// How scores became favourable or unfavourable decisions.
  public struct DecisionRule: Codable, Sendable, Equatable {
    /// Where the scores or decisions came from.
    public enum Source: String, Codable, Sendable, CaseIterable {
      /// A model the audit scored.
      case model
      /// A column of precomputed scores in the data.
      case scoreColumn = "score-column"
      /// A column of precomputed decisions in the data; no threshold applies.
      case decisionColumn = "decision-column"
    }

    /// The space the threshold is expressed in.
    public enum Space: String, Codable, Sendable, CaseIterable {
      /// Probabilities in [0, 1].
      case probability
      /// Raw model output (log-odds for logistic models).
      case margin
      /// A score column's own units.
      case score
    }

    /// Which side of the threshold is favourable.
    public enum Side: String, Codable, Sendable, CaseIterable {
      /// Scores at or above the threshold are favourable.
      case above
      /// Scores below the threshold are favourable.
      case below
    }

    /// Where the scores or decisions came from.
    public var source: Source
    /// The threshold's space; absent for decision columns.
    public var space: Space?
    /// The threshold; absent for decision columns.
    public var threshold: Double?
    /// Which side of the threshold is favourable.
    public var favourable: Side

    /// Creates a decision rule record.
    public init(source: Source, space: Space?, threshold: Double?, favourable: Side) {
      self.source = source
      self.space = space
      self.threshold = threshold
      self.favourable = favourable
    }

    /// The rule in words, such as `probability >= 0.5 is favourable`.
    public var summary: String {
      guard let threshold, let space else {
        return "decisions read from the data (\(source.rawValue))"
      }
      let comparison = favourable == .above ? ">=" : "<"
      return "\(space.rawValue) \(comparison) \(ReportNumber.plain(threshold)) is favourable"
        + " (\(source.rawValue))"
    }
  }
}
