import FairMetrics
import Foundation
import Testing
import _FairTestSupport

/// AUC, log-loss, Brier score and ECE against scikit-learn 1.9 and numpy (fixture).
@Suite(.tags(.golden)) struct ClassificationMetricTests {
  @Test func aucMatchesScikitLearn() throws {
    for entry in try StatisticsReference.shared().classification {
      let value = AUC.value(
        labels: entry.booleanLabels, scores: entry.scores, weights: entry.weights)
      // scikit-learn integrates normalised cumulative sums by the trapezoid rule; the same
      // area in a different association of sums: a few ulps per term.
      expectClose(value, entry.auc, relative: 1e-12, "n=\(entry.labels.count)")
    }
  }

  @Test func logLossMatchesScikitLearn() throws {
    for entry in try StatisticsReference.shared().classification {
      let value = LogLoss(
        labels: entry.booleanLabels, probabilities: entry.scores, weights: entry.weights
      ).value
      // Exact sums here, numpy's pairwise sums there: 1e-12 relative covers the latter.
      expectClose(value, entry.logLoss, relative: 1e-12, "n=\(entry.labels.count)")
    }
  }

  @Test func brierMatchesScikitLearn() throws {
    for entry in try StatisticsReference.shared().classification {
      let value = BrierScore(
        labels: entry.booleanLabels, probabilities: entry.scores, weights: entry.weights
      ).value
      // As for log-loss; scikit-learn also halves a two-class sum, which rounds alike.
      expectClose(value, entry.brier, relative: 1e-12, "n=\(entry.labels.count)")
    }
  }

  @Test func calibrationMatchesTheFormula() throws {
    for entry in try StatisticsReference.shared().classification {
      let result = ExpectedCalibrationError(
        labels: entry.booleanLabels, scores: entry.scores, weights: entry.weights)
      // Sums in row order against numpy's bincount (also row order): a few ulps.
      expectClose(result.value, entry.ece.value, absolute: 1e-14, relative: 1e-12, "ECE")
      expectAllClose(result.bins.map(\.weight), entry.ece.binWeight, relative: 1e-12, "weights")
      expectAllClose(
        result.bins.map(\.meanScore), entry.ece.binMeanScore, relative: 1e-12, "mean scores")
      expectAllClose(
        result.bins.map(\.observedRate), entry.ece.binObservedRate, relative: 1e-12, "rates")
    }
  }

  @Test(arguments: [2, 3, 7] as [Int])
  func sumsMergeToTheSameBits(chunks: Int) throws {
    let entry = try #require(StatisticsReference.shared().classification.last)
    let labels = entry.booleanLabels
    let weights = entry.weights ?? Array(repeating: 1, count: labels.count)
    let whole = LogLoss(labels: labels, probabilities: entry.scores, weights: weights)
    let wholeBrier = BrierScore(labels: labels, probabilities: entry.scores, weights: weights)
    var merged = LogLoss()
    var mergedBrier = BrierScore()
    let size = (labels.count + chunks - 1) / chunks
    for start in stride(from: 0, to: labels.count, by: size).reversed() {
      var part = LogLoss()
      var brierPart = BrierScore()
      for row in start..<min(start + size, labels.count) {
        part.add(label: labels[row], probability: entry.scores[row], weight: weights[row])
        brierPart.add(label: labels[row], probability: entry.scores[row], weight: weights[row])
      }
      merged.merge(part)
      mergedBrier.merge(brierPart)
    }
    // Exact sums: any split and order give the same bits.
    #expect(merged.value.bitPattern == whole.value.bitPattern)
    #expect(mergedBrier.value.bitPattern == wholeBrier.value.bitPattern)
    #expect(merged == whole)
  }

  @Test func notComputableCases() {
    #expect(AUC.value(labels: [true, true], scores: [0.2, 0.4]).isNaN)
    #expect(AUC.value(labels: [true, false], scores: [.nan, 0.4]).isNaN)
    #expect(LogLoss().value.isNaN)
    #expect(LogLoss(labels: [true], probabilities: [1.5]).value.isNaN)
    #expect(BrierScore(labels: [true], probabilities: [0.5], weights: [0]).value.isNaN)
    // Rows with negative or NaN weights are left out.
    let kept = LogLoss(
      labels: [true, false, true], probabilities: [0.8, 0.3, 0.1], weights: [2, -1, .nan])
    expectClose(kept.value, -log(0.8), relative: 1e-15, "only the first row")
    let calibration = ExpectedCalibrationError(labels: [true, false], scores: [0.95, -0.1])
    #expect(calibration.value.isNaN)
    #expect(calibration.bins[9].weight == 1)
    #expect(calibration.bins[0].meanScore.isNaN)
  }

  @Test func logLossClipsAtMachineEpsilon() {
    // A certain, wrong prediction costs -log(2⁻⁵²) = 52·log 2, as in scikit-learn 1.9.
    let loss = LogLoss(labels: [false], probabilities: [1]).value
    expectClose(loss, 52 * 0.693_147_180_559_945_3, relative: 1e-15, "-log(eps)")
  }
}
