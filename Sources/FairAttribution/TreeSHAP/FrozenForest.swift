import FairModels

/// The arrays of a ``PreorderForest`` frozen for pointer access by the kernels.
struct FrozenForest: Sendable {
  let forest: PreorderForest
  private let originalNode: FrozenArray<Int32>
  private let feature: FrozenArray<Int32>
  private let rightChild: FrozenArray<Int32>
  private let bit: FrozenArray<UInt8>
  private let leafSlot: FrozenArray<Int32>
  private let route: FrozenArray<UInt8>
  private let threshold: FrozenArray<Double>
  private let floatThreshold: FrozenArray<Float>
  private let cover: FrozenArray<Double>
  private let value: FrozenArray<Double>
  private let pathStart: FrozenArray<Int>
  private let pathFeature: FrozenArray<Int32>
  private let leafNode: FrozenArray<Int>
  private let pathZeroFraction: FrozenArray<Double>
  private let leafValue: FrozenArray<Double>
  private let siblingBit: FrozenArray<Int8>

  init(_ forest: PreorderForest) {
    self.forest = forest
    originalNode = FrozenArray(forest.originalNode)
    feature = FrozenArray(forest.feature)
    rightChild = FrozenArray(forest.rightChild)
    bit = FrozenArray(forest.bit)
    leafSlot = FrozenArray(forest.leafSlot)
    route = FrozenArray(forest.route)
    threshold = FrozenArray(forest.threshold)
    floatThreshold = FrozenArray(forest.floatThreshold)
    cover = FrozenArray(forest.cover)
    value = FrozenArray(forest.value)
    pathStart = FrozenArray(forest.pathStart)
    pathFeature = FrozenArray(forest.pathFeature)
    leafNode = FrozenArray(forest.leafNode)
    pathZeroFraction = FrozenArray(forest.pathZeroFraction)
    leafValue = FrozenArray(forest.leafValue)
    siblingBit = FrozenArray(forest.siblingBit)
  }

  /// Pointers to the arrays; valid while `self` is alive.
  var view: ForestView {
    ForestView(
      originalNode: originalNode.buffer, feature: feature.buffer, rightChild: rightChild.buffer,
      bit: bit.buffer, leafSlot: leafSlot.buffer, route: route.buffer,
      threshold: threshold.buffer, floatThreshold: floatThreshold.buffer, cover: cover.buffer,
      value: value.buffer, pathStart: pathStart.buffer, pathFeature: pathFeature.buffer,
      leafNode: leafNode.buffer, pathZeroFraction: pathZeroFraction.buffer,
      leafValue: leafValue.buffer, siblingBit: siblingBit.buffer)
  }
}
