/// The operational type of a PMML field: how a model treats its values.
public enum PMMLOpType: String, Sendable, Hashable, Codable, CaseIterable {
  /// Unordered categories.
  case categorical
  /// Ordered categories.
  case ordinal
  /// Numbers on a continuous scale.
  case continuous
}
