extension FindingsDocument {
  /// How often changing a protected attribute alone changes the decision.
  public struct FlipRate: Codable, Sendable, Equatable {
    /// The attribute changed.
    public var attribute: String
    /// The share of rows whose decision flips.
    public var rate: Double
    /// The rate's confidence interval.
    public var interval: Interval?
    /// The number of rows tried.
    public var rows: Int

    /// Creates a flip rate record.
    public init(attribute: String, rate: Double, interval: Interval? = nil, rows: Int) {
      self.attribute = attribute
      self.rate = rate
      self.interval = interval
      self.rows = rows
    }
  }
}
