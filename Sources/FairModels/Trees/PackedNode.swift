/// One node packed for the scoring loop: everything a row needs at the node in 32 bytes, so a
/// visit touches one cache line instead of one per public array.
///
/// A leaf is its own left and right child and reads feature 0, so a row that has reached a
/// leaf can keep stepping without a branch; ``isLeaf`` ends the walk.
struct PackedNode: Sendable {
  /// The split threshold, or for a leaf its value.
  var thresholdOrValue: Double
  /// The absolute left child; for a leaf, the leaf itself.
  var left: Int32
  /// The absolute right child; for a leaf, the leaf itself.
  var right: Int32
  /// The feature read; 0 for leaves.
  var feature: Int32
  /// The first word of a categorical node's bitset.
  var categoryStart: Int32
  /// The number of words of a categorical node's bitset.
  var categoryWordCount: Int32
  /// The raw ``SplitRule`` bits.
  var rule: UInt8
  /// Whether the node is a leaf.
  var isLeaf: Bool
}
