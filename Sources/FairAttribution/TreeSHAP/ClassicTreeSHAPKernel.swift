import FairModels

/// The classic path-dependent TreeSHAP recursion ("Algorithm 2" of Lundberg, Erion & Lee,
/// 2018), in `Double`, for one tree and one row at a time.
///
/// It keeps the path of distinct features with their zero fractions (products of cover ratios),
/// one fractions (whether the row satisfies the splits) and positional permutation weights, and
/// uses the EXTEND, UNWIND and UNWOUND_SUM primitives of that algorithm, stated in
/// <doc:TreeSHAPAlgorithms#The-classic-recursion>. It is the oracle that the tabulated
/// algorithm is tested against, and the fallback for trees whose tables would be too large.
///
/// The scratch memory is owned by the kernel and sized for the deepest tree; create one
/// kernel per worker.
final class ClassicTreeSHAPKernel {
  private let capacity: Int
  private let features: UnsafeMutablePointer<Int32>
  private let zeros: UnsafeMutablePointer<Double>
  private let ones: UnsafeMutablePointer<Double>
  private let weights: UnsafeMutablePointer<Double>
  private var stride = 1

  /// Allocates path storage for trees of depth at most `maxDepth`.
  init(maxDepth: Int) {
    capacity = (maxDepth + 2) * (maxDepth + 3) / 2 + 1
    features = .allocate(capacity: capacity)
    zeros = .allocate(capacity: capacity)
    ones = .allocate(capacity: capacity)
    weights = .allocate(capacity: capacity)
  }

  deinit {
    features.deallocate()
    zeros.deallocate()
    ones.deallocate()
    weights.deallocate()
  }

  /// Adds to `phi` the attributions of the tree rooted at preorder node `root`; feature
  /// `j`'s attribution is at `phi[j * stride]`.
  func explain(
    root: Int, forest: ForestView, ensemble: TreeEnsemble, row: UnsafePointer<Double>,
    phi: UnsafeMutablePointer<Double>, stride: Int
  ) {
    self.stride = stride
    recurse(
      root, parentOffset: 0, parentLength: 0, offset: 0, zero: 1, one: 1, feature: -1,
      forest: forest, ensemble: ensemble, row: row, phi: phi)
  }

  private func recurse(
    _ node: Int, parentOffset: Int, parentLength: Int, offset: Int, zero: Double, one: Double,
    feature: Int32, forest: ForestView, ensemble: TreeEnsemble, row: UnsafePointer<Double>,
    phi: UnsafeMutablePointer<Double>
  ) {
    if parentLength > 0 && parentOffset != offset {
      (features + offset).update(from: features + parentOffset, count: parentLength)
      (zeros + offset).update(from: zeros + parentOffset, count: parentLength)
      (ones + offset).update(from: ones + parentOffset, count: parentLength)
      (weights + offset).update(from: weights + parentOffset, count: parentLength)
    }
    let last = parentLength
    extend(offset, last: last, zero: zero, one: one, feature: feature)
    let split = forest.feature[node]
    if split < 0 {
      let value = forest.value[node]
      if last == 0 { return }
      for k in 1...last {
        let total = unwoundSum(offset, last: last, index: k)
        phi[Int(features[offset + k]) * stride] +=
          total * (ones[offset + k] - zeros[offset + k]) * value
      }
      return
    }
    let left = node + 1
    let right = Int(forest.rightChild[node])
    let goesLeft = ensemble.goesLeft(
      node: Int(forest.originalNode[node]), x: row[Int(split)])
    let hot = goesLeft ? left : right
    let cold = goesLeft ? right : left
    var incomingZero = 1.0
    var incomingOne = 1.0
    var length = last + 1
    if last >= 1 {
      for k in 1...last where features[offset + k] == split {
        incomingZero = zeros[offset + k]
        incomingOne = ones[offset + k]
        unwind(offset, last: last, index: k)
        length = last
        break
      }
    }
    let cover = forest.cover[node]
    recurse(
      hot, parentOffset: offset, parentLength: length, offset: offset + length,
      zero: incomingZero * forest.cover[hot] / cover, one: incomingOne, feature: split,
      forest: forest, ensemble: ensemble, row: row, phi: phi)
    recurse(
      cold, parentOffset: offset, parentLength: length, offset: offset + length,
      zero: incomingZero * forest.cover[cold] / cover, one: 0, feature: split,
      forest: forest, ensemble: ensemble, row: row, phi: phi)
  }

  /// EXTEND: appends `(feature, zero, one)` at index `last` and updates the weights.
  private func extend(_ offset: Int, last: Int, zero: Double, one: Double, feature: Int32) {
    let f = features + offset
    let z = zeros + offset
    let o = ones + offset
    let w = weights + offset
    f[last] = feature
    z[last] = zero
    o[last] = one
    w[last] = last == 0 ? 1 : 0
    let size = Double(last + 1)
    var i = last - 1
    while i >= 0 {
      w[i + 1] += one * w[i] * Double(i + 1) / size
      w[i] = zero * w[i] * Double(last - i) / size
      i -= 1
    }
  }

  /// UNWIND: removes element `index` from the path whose last index is `last`.
  private func unwind(_ offset: Int, last: Int, index: Int) {
    let f = features + offset
    let z = zeros + offset
    let o = ones + offset
    let w = weights + offset
    let one = o[index]
    let zero = z[index]
    var next = w[last]
    let size = Double(last + 1)
    var i = last - 1
    while i >= 0 {
      if one != 0 {
        let saved = w[i]
        w[i] = next * size / (Double(i + 1) * one)
        next = saved - w[i] * zero * Double(last - i) / size
      } else {
        w[i] = w[i] * size / (zero * Double(last - i))
      }
      i -= 1
    }
    var k = index
    while k < last {
      f[k] = f[k + 1]
      z[k] = z[k + 1]
      o[k] = o[k + 1]
      k += 1
    }
  }

  /// UNWOUND_SUM: the total weight left if element `index` were unwound.
  private func unwoundSum(_ offset: Int, last: Int, index: Int) -> Double {
    let w = weights + offset
    let one = ones[offset + index]
    let zero = zeros[offset + index]
    var next = w[last]
    var total = 0.0
    var i = last - 1
    if one != 0 {
      while i >= 0 {
        let share = next / (Double(i + 1) * one)
        total += share
        next = w[i] - share * zero * Double(last - i)
        i -= 1
      }
    } else {
      while i >= 0 {
        total += w[i] / (zero * Double(last - i))
        i -= 1
      }
    }
    return total * Double(last + 1)
  }
}
