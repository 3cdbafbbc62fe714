extension FindingsDocument {
  /// The tables the reports draw.
  ///
  /// Every part may be empty, so an audit without a model, labels or attributions still
  /// renders.
  public struct Evidence: Codable, Sendable, Equatable {
    /// Group metrics, one entry per grouping.
    public var groups: [GroupingEvidence]
    /// Per-slice attribution summaries, one entry per grouping.
    public var attributions: [AttributionEvidence]
    /// Decompositions of each slice's score gap to the reference into feature contributions.
    public var gaps: [GapEvidence]
    /// Associations between features and protected attributes.
    public var proxies: [ProxyAssociation]
    /// Counterfactual flip rates: how often changing an attribute alone changes the decision.
    public var flips: [FlipRate]
    /// The NYC Local Law 144 summary of results (6 RCNY § 5-303), when a pack asks for it.
    public var ll144: LL144Summary?
    /// The adverse-action reasons, when a rule read a reason-code metric.
    public var reasons: ReasonEvidence?
    /// The declared loss and decision cost per slice, when a rule read a loss metric.
    public var losses: [LossEvidence]
    /// Decompositions of each slice's mean-loss gap to the reference into feature
    /// contributions (space `loss`), when a rule read one.
    public var lossGaps: [GapEvidence]
    /// What evidence merged from several partitions could not carry, and why: one sentence
    /// each (`fairgate audit --evidence`); empty for an audit of the data.
    public var unavailable: [String] = []

    /// Creates evidence; every part defaults to empty.
    public init(
      groups: [GroupingEvidence] = [], attributions: [AttributionEvidence] = [],
      gaps: [GapEvidence] = [], proxies: [ProxyAssociation] = [], flips: [FlipRate] = [],
      ll144: LL144Summary? = nil, reasons: ReasonEvidence? = nil, losses: [LossEvidence] = [],
      lossGaps: [GapEvidence] = []
    ) {
      self.losses = losses
      self.lossGaps = lossGaps
      self.groups = groups
      self.attributions = attributions
      self.gaps = gaps
      self.proxies = proxies
      self.flips = flips
      self.ll144 = ll144
      self.reasons = reasons
    }

    private enum CodingKeys: String, CodingKey {
      case groups, attributions, gaps, proxies, flips, ll144, reasons, losses, lossGaps
      case unavailable
    }

    /// Decodes evidence; a missing table reads as empty.
    ///
    /// - Throws: `DecodingError` when a table is present but malformed.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      groups = try container.decodeIfPresent([GroupingEvidence].self, forKey: .groups) ?? []
      attributions =
        try container.decodeIfPresent([AttributionEvidence].self, forKey: .attributions) ?? []
      gaps = try container.decodeIfPresent([GapEvidence].self, forKey: .gaps) ?? []
      proxies = try container.decodeIfPresent([ProxyAssociation].self, forKey: .proxies) ?? []
      flips = try container.decodeIfPresent([FlipRate].self, forKey: .flips) ?? []
      ll144 = try container.decodeIfPresent(LL144Summary.self, forKey: .ll144)
      reasons = try container.decodeIfPresent(ReasonEvidence.self, forKey: .reasons)
      losses = try container.decodeIfPresent([LossEvidence].self, forKey: .losses) ?? []
      lossGaps = try container.decodeIfPresent([GapEvidence].self, forKey: .lossGaps) ?? []
      unavailable = try container.decodeIfPresent([String].self, forKey: .unavailable) ?? []
    }

    /// Encodes evidence; the loss tables and the list of what is unavailable are left out
    /// when empty, so a document without them reads as it did before they existed.
    ///
    /// - Throws: `EncodingError` when a value cannot be encoded.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(groups, forKey: .groups)
      try container.encode(attributions, forKey: .attributions)
      try container.encode(gaps, forKey: .gaps)
      try container.encode(proxies, forKey: .proxies)
      try container.encode(flips, forKey: .flips)
      try container.encodeIfPresent(ll144, forKey: .ll144)
      try container.encodeIfPresent(reasons, forKey: .reasons)
      if !losses.isEmpty { try container.encode(losses, forKey: .losses) }
      if !lossGaps.isEmpty { try container.encode(lossGaps, forKey: .lossGaps) }
      if !unavailable.isEmpty { try container.encode(unavailable, forKey: .unavailable) }
    }
  }
}
