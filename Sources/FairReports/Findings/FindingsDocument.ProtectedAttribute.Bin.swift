extension FindingsDocument.ProtectedAttribute {
  /// One bin of a numeric attribute: `lower <= value < upper`.
  public struct Bin: Codable, Sendable, Equatable {
    /// The bin's label, such as `62+`.
    public var label: String
    /// The inclusive lower edge; `-inf` for an open bin.
    public var lower: Double
    /// The exclusive upper edge; `inf` for an open bin.
    public var upper: Double

    /// Creates a bin.
    public init(label: String, lower: Double, upper: Double) {
      self.label = label
      self.lower = lower
      self.upper = upper
    }
  }
}
