import FairAttribution
import FairModels
import Testing
import _FairSupport

/// A sample drawn by key does not depend on how the rows are split or ordered: the merge of
/// the draws of any partition of the rows is the draw from all of them.
@Suite struct KeyedSampleTests {
  /// `rows` rows of three columns (one NaN in every seventh row), with keys 1000, 1001, ….
  static func rows(_ rows: Int) -> (FeatureMatrix, [UInt64]) {
    var values: [Double] = []
    for row in 0..<rows {
      values += [Double(row), row % 7 == 0 ? .nan : Double(row) * 0.5, Double(row % 3)]
    }
    return (
      FeatureMatrix(values: values, rowCount: rows, featureCount: 3),
      (0..<UInt64(rows)).map { 1000 + $0 }
    )
  }

  @Test(arguments: [(1, 50), (2, 50), (7, 50), (64, 500), (3, 2)])
  func theMergeOfAnySplitIsTheDrawFromAllRows(parts: Int, size: Int) {
    let (matrix, keys) = Self.rows(300)
    let whole = KeyedSample(matrix, keys: keys, size: size, seed: 7)
    #expect(whole.rowCount == min(size, 300))
    #expect(whole.inconsistency == nil)
    var generator = SplitMix64(seed: UInt64(parts))
    let order = Array(0..<300).shuffled(using: &generator)
    let samples = (0..<parts).map { part in
      let chosen = order.enumerated().filter { $0.offset % parts == part }.map(\.element)
      var values: [Double] = []
      for row in chosen { values += matrix.values[(row * 3)..<(row * 3 + 3)] }
      return KeyedSample(
        FeatureMatrix(values: values, rowCount: chosen.count, featureCount: 3),
        keys: chosen.map { keys[$0] }, size: size, seed: 7)
    }
    let merged = KeyedSample.merged(samples)
    #expect(merged.priorities == whole.priorities)
    #expect(merged.values.map(\.bitPattern) == whole.values.map(\.bitPattern))
    // Any order of the parts, and merges of merges.
    let reversed = KeyedSample.merged(samples.reversed())
    #expect(reversed.values.map(\.bitPattern) == whole.values.map(\.bitPattern))
    if parts > 1 {
      let nested = KeyedSample.merged([
        KeyedSample.merged(Array(samples.prefix(parts / 2))),
        KeyedSample.merged(Array(samples.dropFirst(parts / 2))),
      ])
      #expect(nested.priorities == whole.priorities)
      #expect(nested.values.map(\.bitPattern) == whole.values.map(\.bitPattern))
    }
  }

  @Test func theSampleDependsOnTheSeedAndTheKeysNotTheOrder() {
    let (matrix, keys) = Self.rows(200)
    let first = KeyedSample(matrix, keys: keys, size: 20, seed: 1)
    let other = KeyedSample(matrix, keys: keys, size: 20, seed: 2)
    #expect(first.priorities != other.priorities)
    // Every row is drawn with the same chance: the first column's mean is near the rows'.
    let wide = KeyedSample(matrix, keys: keys, size: 100, seed: 3)
    let mean = (0..<100).map { wide.values[$0 * 3] }.reduce(0, +) / 100
    #expect(abs(mean - 99.5) < 20)
    // Priorities ascend, and a sample of more rows than there are keeps them all.
    #expect(zip(first.priorities, first.priorities.dropFirst()).allSatisfy { $0 < $1 })
    #expect(KeyedSample(matrix, keys: keys, size: 500, seed: 1).rowCount == 200)
  }

  @Test func partsThatDoNotFitAreSaid() {
    var sample = KeyedSample(Self.rows(10).0, keys: Self.rows(10).1, size: 5, seed: 1)
    #expect(sample.inconsistency == nil)
    sample.priorities.swapAt(0, 1)
    #expect(sample.inconsistency?.contains("out of order") == true)
    sample.priorities.swapAt(0, 1)
    sample.values.removeLast()
    #expect(sample.inconsistency?.contains("values") == true)
    sample.size = 2
    #expect(sample.inconsistency?.contains("more than its size") == true)
  }
}
