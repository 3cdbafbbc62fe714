/// The per-reference interventional TreeSHAP traversal of one tree
/// (<doc:TreeSHAPAlgorithms#The-walk-per-reference>).
///
/// For an explained row `x` and one reference row `r`, the walk follows the branch both take
/// where they agree and both branches where they disagree, tagging the split feature as
/// `x`-side on `x`'s branch and `r`-side on `r`'s. A feature that is already tagged is routed
/// by its tag at later splits. Each leaf reached credits `+v·plus(Mx, N)` to the `x`-side
/// features and `−v·minus(Mx, N)` to the `r`-side ones (see ``ShapleyWeights``), scaled by
/// ``scale``. Routing decisions come precomputed as bit sets over the forest's preorder nodes.
struct InterventionalWalker {
  let view: ForestView
  let plus: UnsafePointer<Double>
  let minus: UnsafePointer<Double>
  let stride: Int
  /// Per feature: 0 untagged, +1 tagged to `x`, -1 tagged to the reference.
  let state: UnsafeMutablePointer<Int8>
  let tagFeature: UnsafeMutablePointer<Int32>
  let tagSign: UnsafeMutablePointer<Int8>
  var tagCount = 0
  /// Bit `i` set when the explained row goes left at preorder node `i`.
  var xLeft: UnsafePointer<UInt64>
  /// Bit `i` set when the reference row goes left at preorder node `i`.
  var rLeft: UnsafePointer<UInt64>
  /// The attributions being accumulated; feature `j`'s is at `phi[j * phiStride]`.
  var phi: UnsafeMutablePointer<Double>
  /// The distance between consecutive features' attributions.
  let phiStride: Int
  /// The factor applied to every leaf value.
  var scale: Double

  @inline(__always)
  static func isSet(_ bits: UnsafePointer<UInt64>, _ index: Int) -> Bool {
    bits[index &>> 6] & (UInt64(1) &<< UInt64(index & 63)) != 0
  }

  /// Walks the subtree at preorder node `node` with `n` tagged features, `mx` of them `x`-side.
  mutating func walk(_ node: Int, n: Int, mx: Int) {
    let split = Int(view.feature[node])
    if split < 0 {
      if n == 0 { return }
      let value = view.value[node] * scale
      let gain = value * plus[mx * stride + n]
      let loss = value * minus[mx * stride + n]
      for tag in 0..<tagCount {
        if tagSign[tag] > 0 {
          phi[Int(tagFeature[tag]) * phiStride] += gain
        } else {
          phi[Int(tagFeature[tag]) * phiStride] -= loss
        }
      }
      return
    }
    let left = node + 1
    let right = Int(view.rightChild[node])
    let xGoesLeft = InterventionalWalker.isSet(xLeft, node)
    let rGoesLeft = InterventionalWalker.isSet(rLeft, node)
    let tag = state[split]
    if tag > 0 {
      walk(xGoesLeft ? left : right, n: n, mx: mx)
    } else if tag < 0 {
      walk(rGoesLeft ? left : right, n: n, mx: mx)
    } else if xGoesLeft == rGoesLeft {
      walk(xGoesLeft ? left : right, n: n, mx: mx)
    } else {
      tagFeature[tagCount] = Int32(split)
      tagSign[tagCount] = 1
      tagCount += 1
      state[split] = 1
      walk(xGoesLeft ? left : right, n: n + 1, mx: mx + 1)
      tagSign[tagCount - 1] = -1
      state[split] = -1
      walk(rGoesLeft ? left : right, n: n + 1, mx: mx)
      state[split] = 0
      tagCount -= 1
    }
  }
}
