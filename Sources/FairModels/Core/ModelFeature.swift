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

  /// How a ``FeatureMatrix`` codes a label that is not among a categorical feature's levels.
  public enum UnseenLevelRule: String, Sendable, Hashable, Codable {
    /// The label becomes ``FeatureMatrix/unseenCategory``.
    case unseenCategory = "unseen-category"
    /// The label takes the code of the first level, in sorted order, that is not less than
    /// it; a label after every level becomes ``FeatureMatrix/unseenCategory``.
    ///
    /// This is how XGBoost 3.1 and later re-code a data frame's categories against those
    /// stored in the model (`cats`): a binary search (`std::lower_bound`) without an equality
    /// check, comparing text as signed bytes (so non-ASCII text sorts before ASCII) and
    /// numbers by value. XGBoost itself refuses to predict when the label sorts after every
    /// level ("Found a category not in the training set").
    case nextLevelInSortedOrder = "next-level-in-sorted-order"
  }

  /// The name, matched against data column names.
  public var name: String
  /// How values are read.
  public var kind: Kind
  /// How a label outside the levels of a categorical feature is coded.
  public var unseenLevels: UnseenLevelRule

  /// Creates a feature.
  public init(
    name: String, kind: Kind = .numeric, unseenLevels: UnseenLevelRule = .unseenCategory
  ) {
    self.name = name
    self.kind = kind
    self.unseenLevels = unseenLevels
  }

  private enum CodingKeys: String, CodingKey {
    case name, kind, unseenLevels
  }

  /// Decodes a feature; a missing `unseenLevels` means ``UnseenLevelRule/unseenCategory``.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    kind = try container.decode(Kind.self, forKey: .kind)
    unseenLevels =
      try container.decodeIfPresent(UnseenLevelRule.self, forKey: .unseenLevels) ?? .unseenCategory
  }
}
