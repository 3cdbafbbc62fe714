/// The permutation importances of every feature or group, with their summary statistics.
public struct PermutationImportanceResult: Sendable, Equatable {
  /// The names of the importance columns.
  public var featureNames: [String]
  /// The metric on the unpermuted rows, `s₀`.
  public var baselineScore: Double
  /// The number of repeats per feature.
  public var repeats: Int
  /// `s₀ − s_perm` for every feature and repeat, row-major:
  /// `importances[feature * repeats + repeat]`.
  public var importances: [Double]

  /// Creates a result.
  ///
  /// - Precondition: `importances.count == featureNames.count * repeats`.
  public init(featureNames: [String], baselineScore: Double, repeats: Int, importances: [Double]) {
    precondition(
      importances.count == featureNames.count * repeats,
      "'importances.count' \(importances.count) must be \(featureNames.count) × \(repeats)")
    self.featureNames = featureNames
    self.baselineScore = baselineScore
    self.repeats = repeats
    self.importances = importances
  }

  /// The mean importance of each feature (scikit-learn's `importances_mean`).
  ///
  /// - Complexity: O(*F*·*R*).
  public var means: [Double] {
    (0..<featureNames.count).map { feature in
      var sum = 0.0
      for value in importances[(feature * repeats)..<((feature + 1) * repeats)] { sum += value }
      return sum / Double(repeats)
    }
  }

  /// The population standard deviation (`ddof = 0`) of each feature's importances
  /// (scikit-learn's `importances_std`).
  ///
  /// - Complexity: O(*F*·*R*).
  public var standardDeviations: [Double] {
    let means = self.means
    return (0..<featureNames.count).map { feature in
      var sum = 0.0
      for value in importances[(feature * repeats)..<((feature + 1) * repeats)] {
        sum += (value - means[feature]) * (value - means[feature])
      }
      return (sum / Double(repeats)).squareRoot()
    }
  }
}
