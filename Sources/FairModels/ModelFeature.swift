/// One input a model reads, in the model's own order.
public struct ModelFeature: Sendable, Hashable, Codable {
  /// How the model reads the feature's values.
  public enum Kind: Sendable, Hashable, Codable {
    /// A number; missing is NaN.
    case numeric
    /// A category. In a ``FeatureMatrix`` the value is the index into `levels` as a `Double`,
    /// NaN when missing and ``FeatureMatrix/unseenCategory`` for a label the model never saw.
    case categorical(levels: [String])
  }

  /// The name, matched against data column names.
  public var name: String
  /// How values are read.
  public var kind: Kind

  /// Creates a feature.
  public init(name: String, kind: Kind = .numeric) {
    self.name = name
    self.kind = kind
  }
}
