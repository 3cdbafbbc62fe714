/// One tree as the scoring loop needs it.
struct PackedTree: Sendable {
  /// The absolute index of the root.
  var root: Int
  /// The weight of the tree's output.
  var weight: Double
  /// The depth of the deepest leaf.
  var depth: Int
}
