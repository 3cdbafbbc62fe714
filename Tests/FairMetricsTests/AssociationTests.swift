import FairMetrics
import Testing
import _FairTestSupport

/// Cramér's V, the correlation ratio and NMI against scipy, scikit-learn and numpy
/// formula references (fixture).
@Suite(.tags(.golden)) struct AssociationTests {
  /// The same formulas as the references, summed in a different order (numpy sums
  /// pairwise): rounding differences of a few ulps per term, 1e-12 relative at most.
  static let tolerance = 1e-12

  @Test func cramersVMatchesScipy() throws {
    for entry in try StatisticsReference.shared().cramersV {
      let value = CramersV.value(ContingencyTable(rows: entry.table))
      expectClose(value, entry.value, relative: Self.tolerance, "\(entry.source) \(entry.table)")
    }
  }

  @Test func cramersVFromCodes() {
    // Perfect association, then independence.
    let perfect = CramersV.value([0, 0, 1, 1, 2, 2], [1, 1, 0, 0, 2, 2])
    expectClose(perfect, 1, relative: 1e-15, "perfect association")
    let independent = CramersV.value([0, 0, 1, 1], [0, 1, 0, 1])
    expectClose(independent, 0, absolute: 1e-15, "independence")
    #expect(CramersV.value([0, 0, 0], [0, 1, 2]).isNaN)  // one row: not computable
    // Missing codes and zero weights are left out.
    let weighted = CramersV.value([0, 1, -1, 1, 0], [0, 1, 1, 1, 0], weights: [1, 2, 5, 0, 3])
    expectClose(weighted, 1, relative: 1e-15, "missing and zero-weight rows left out")
  }

  @Test func nmiMatchesScikitLearnAndTheWeightedFormula() throws {
    for entry in try StatisticsReference.shared().nmi {
      let value = NormalizedMutualInformation.value(
        entry.first, entry.second, weights: entry.weights)
      expectClose(
        value, entry.value, absolute: 1e-15, relative: Self.tolerance,
        "\(entry.source) n=\(entry.first.count)")
    }
  }

  @Test func nmiWithUnitWeightsEqualsUnweighted() throws {
    for entry in try StatisticsReference.shared().nmi where entry.weights == nil {
      let unweighted = NormalizedMutualInformation.value(entry.first, entry.second)
      let weighted = NormalizedMutualInformation.value(
        entry.first, entry.second, weights: Array(repeating: 1, count: entry.first.count))
      // Identical arithmetic: the weights are added as the counts are.
      expectClose(weighted, unweighted, relative: 0, "n=\(entry.first.count)")
    }
    #expect(NormalizedMutualInformation.value([], []).isNaN)
  }

  @Test func correlationRatioMatchesTheFormula() throws {
    for entry in try StatisticsReference.shared().correlationRatio {
      let value = CorrelationRatio.value(entry.values, entry.codes, weights: entry.weights)
      expectClose(value, entry.value, relative: Self.tolerance, "n=\(entry.values.count)")
    }
  }

  @Test func correlationRatioLeavesOutMissingRows() {
    // The NaN value and the missing code are left out: what remains separates perfectly.
    let value = CorrelationRatio.value([1, 1, .nan, 5, 5, 9], [0, 0, 1, 1, 1, -1])
    expectClose(value, 1, relative: 1e-15, "exact separation")
    #expect(CorrelationRatio.value([2, 2, 2], [0, 1, 1]).isNaN)
  }
}
