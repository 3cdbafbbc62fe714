extension FindingsDocument {
  /// How attributions were computed.
  ///
  /// For credit audits this is the baseline population that adverse-action reasons are
  /// judged against (Regulation B, Official Interpretation comment 9(b)(2)-5).
  public struct AttributionSettings: Codable, Sendable, Equatable {
    /// The method, such as `tree-path` or `kernel`.
    public var method: String
    /// The output space the attributions add up to: `margin` or `probability`.
    public var outputSpace: String
    /// What the background (baseline) population is, in words.
    public var background: String
    /// The number of background rows.
    public var backgroundRows: Int
    /// The number of coalition samples, for sampling methods.
    public var samples: Int?
    /// The seed of a sampling method.
    public var seed: UInt64?
    /// Why the method was chosen, when `auto` chose it.
    public var reason: String?

    /// Creates an attribution settings record.
    public init(
      method: String, outputSpace: String, background: String, backgroundRows: Int,
      samples: Int? = nil, seed: UInt64? = nil, reason: String? = nil
    ) {
      self.method = method
      self.outputSpace = outputSpace
      self.background = background
      self.backgroundRows = backgroundRows
      self.samples = samples
      self.seed = seed
      self.reason = reason
    }
  }
}
