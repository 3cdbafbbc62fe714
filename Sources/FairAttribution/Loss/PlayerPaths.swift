import FairModels

/// The players (features, or groups switched as one) on every root-to-leaf path of a
/// ``PreorderForest``, as bit positions.
///
/// As ``PreorderForest/bit`` does for features, each split node records the position of its
/// *player* among the distinct players of the path from the root, in order of first
/// appearance; two features of one group share a bit. A row's mask at a leaf then has bit
/// `k` set when the row satisfies every split of the path on the `k`-th player's features,
/// which is what a hybrid that takes the whole player from that row needs.
struct PlayerPaths: Sendable {
  /// The bit of each preorder split node's player; 0 for leaves.
  let bit: [UInt8]
  /// The start of each leaf slot's players in ``player``, plus the end.
  let pathStart: [Int]
  /// The distinct players of each leaf's path, in order of first appearance.
  let player: [Int32]
  /// The end of each preorder node's subtree: the next node outside it.
  let subtreeEnd: [Int32]
  /// The largest number of distinct players on one path.
  let largestPathCount: Int

  /// Lays out the players of `forest`'s paths.
  ///
  /// - Complexity: O(*N*·*D*) for *N* nodes and depth *D*.
  init(forest: PreorderForest, playerOfFeature: [Int]) {
    var bit = [UInt8](repeating: 0, count: forest.feature.count)
    var pathStart = [0]
    var player: [Int32] = []
    var largest = 0
    var current: [Int32] = []
    func visit(_ node: Int) {
      let split = Int(forest.feature[node])
      if split < 0 {
        player.append(contentsOf: current)
        pathStart.append(player.count)
        largest = max(largest, current.count)
        return
      }
      let owner = Int32(playerOfFeature[split])
      let right = Int(forest.rightChild[node])
      if let position = current.firstIndex(of: owner) {
        bit[node] = UInt8(truncatingIfNeeded: min(position, 255))
        visit(node + 1)
        visit(right)
      } else {
        bit[node] = UInt8(truncatingIfNeeded: min(current.count, 255))
        current.append(owner)
        visit(node + 1)
        visit(right)
        current.removeLast()
      }
    }
    var subtreeEnd = [Int32](repeating: 0, count: forest.feature.count)
    for tree in 0..<forest.treeCount {
      visit(forest.treeStart[tree])
      for node in (forest.treeStart[tree]..<forest.treeStart[tree + 1]).reversed() {
        subtreeEnd[node] =
          forest.feature[node] < 0 ? Int32(node + 1) : subtreeEnd[Int(forest.rightChild[node])]
      }
    }
    self.bit = bit
    self.pathStart = pathStart
    self.player = player
    self.subtreeEnd = subtreeEnd
    largestPathCount = largest
  }

  /// The mask of the low `count` bits, the meaningful bits of a leaf with `count` players.
  @inline(__always)
  static func lowBits(_ count: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: (UInt64(1) &<< UInt64(count)) &- 1)
  }
}
