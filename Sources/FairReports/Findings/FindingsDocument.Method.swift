extension FindingsDocument {
  /// How an audit turned scores into decisions, attributed them and tested differences.
  public struct Method: Codable, Sendable, Equatable {
    /// How scores became favourable or unfavourable decisions.
    public var decisionRule: DecisionRule
    /// How attributions were computed; absent when no rule needed them.
    public var attribution: AttributionSettings?
    /// The significance tests' settings.
    public var tests: TestSettings
    /// Further remarks a reader needs, one sentence each (for example which median the
    /// scoring rate used).
    public var notes: [String]

    /// Creates a method record.
    public init(
      decisionRule: DecisionRule, attribution: AttributionSettings?, tests: TestSettings,
      notes: [String] = []
    ) {
      self.decisionRule = decisionRule
      self.attribution = attribution
      self.tests = tests
      self.notes = notes
    }
  }
}
