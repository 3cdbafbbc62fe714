import FairAttribution
import FairModels
import Foundation
import Testing
import _FairTestSupport

/// Background data and its summaries (`shap.sample`, `shap.kmeans`), used by KernelSHAP and
/// the other model-agnostic explainers.
@Suite struct KernelSHAPBackgroundTests {
  @Test(arguments: [UInt64(1), 2])
  func sampleDrawsDistinctRows(seed: UInt64) throws {
    let values = (0..<100).flatMap { [Double($0), Double($0) * 2] }
    let matrix = FeatureMatrix(values: values, rowCount: 100, featureCount: 2)
    let sample = try BackgroundSummary.sample(matrix, rows: 10, seed: seed)
    #expect(sample.rowCount == 10)
    let firsts = (0..<10).map { sample.matrix[$0, 0] }
    #expect(Set(firsts).count == 10)
    for row in 0..<10 { expectClose(sample.matrix[row, 1], 2 * sample.matrix[row, 0]) }
    expectAllClose(sample.weights, Array(repeating: 0.1, count: 10), absolute: 1e-15)
    #expect(try BackgroundSummary.sample(matrix, rows: 10, seed: seed) == sample)
    #expect(try BackgroundSummary.sample(matrix, rows: 500, seed: seed).rowCount == 100)
  }

  @Test func kmeansFindsSeparatedClustersWithSizesAsWeights() throws {
    // Three well-separated blobs of 30, 20 and 10 rows; column 1 is categorical.
    var values: [Double] = []
    for (center, count, category) in [(0.0, 30, 2.0), (100.0, 20, 0.0), (200.0, 10, 1.0)] {
      for index in 0..<count {
        values += [center + Double(index % 5), index == 0 ? .nan : category]
      }
    }
    let matrix = FeatureMatrix(values: values, rowCount: 60, featureCount: 2)
    let features = [
      ModelFeature(name: "x"),
      ModelFeature(name: "c", kind: .categorical(levels: ["a", "b", "c"])),
    ]
    let summary = try BackgroundSummary.kmeans(matrix, k: 3, features: features, seed: 4)
    #expect(summary.rowCount == 3)
    let byCenter = (0..<3).sorted { summary.matrix[$0, 0] < summary.matrix[$1, 0] }
    // Centroids snap to observed values (shap's round_values): the blob means 2, 102, 202.
    expectAllClose(byCenter.map { summary.matrix[$0, 0] }, [2, 102, 202], absolute: 0)
    expectAllClose(byCenter.map { summary.matrix[$0, 1] }, [2, 0, 1], absolute: 0)
    // Weights are the cluster sizes, normalised.
    expectAllClose(
      byCenter.map { summary.weights[$0] }, [0.5, 1.0 / 3, 1.0 / 6], absolute: 1e-15)
  }

  @Test func rejectsBadWeights() {
    let matrix = FeatureMatrix(values: [1, 2], rowCount: 2, featureCount: 1)
    for weights in [[1.0], [1, -1], [0, 0], [1, .nan]] {
      let error = #expect(throws: AttributionError.self) {
        try BackgroundData(matrix, weights: weights)
      }
      #expect(error?.kind == .invalidBackground)
    }
  }
}
