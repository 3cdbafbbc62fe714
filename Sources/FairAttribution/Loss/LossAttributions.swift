/// Attributions of each row's loss to the model's features (or feature groups).
///
/// Row `i`'s values add up to its loss minus its baseline:
///
/// ```
/// Σ_j values[i·m + j] = losses[i] − baselines[i]
/// ```
///
/// where `losses[i] = L(f(x_i), y_i)` and `baselines[i] = Σ_r w_r·L(f(r), y_i)` is the
/// background-weighted loss the row would have if every feature came from the background.
/// ``largestAdditivityGap`` reports how far the computed values are from that identity.
public struct LossAttributions: Sendable, Equatable {
  /// The attributions, row-major: `rowCount × featureNames.count`.
  public let values: [Double]
  /// The number of explained rows.
  public let rowCount: Int
  /// The loss of each row, `L(f(x), y)`, from the model's margin.
  public let losses: [Double]
  /// The background-weighted loss of each row's label, `Σ_r w_r·L(f(r), y)`.
  public let baselines: [Double]
  /// The attribution columns: features, or feature groups in place of their members.
  public let featureNames: [String]
  /// The algorithm that computed the values: ``LossExplainer/Method/tree`` or
  /// ``LossExplainer/Method/permutation``.
  public let method: LossExplainer.Method
  /// The name of the explained loss.
  public let lossName: String
  /// The standard error of each value (permutation sampling); `nil` for exact values.
  public let standardErrors: [Double]?

  /// The number of attribution columns.
  public var featureCount: Int { featureNames.count }

  /// The largest `|Σ_j values[i, j] − (losses[i] − baselines[i])|` over the rows.
  ///
  /// - Complexity: O(*n*·*m*).
  public var largestAdditivityGap: Double {
    var largest = 0.0
    let width = featureNames.count
    for row in 0..<rowCount {
      var sum = 0.0
      for column in 0..<width { sum += values[row * width + column] }
      largest = max(largest, abs(sum - (losses[row] - baselines[row])))
    }
    return largest
  }

  /// The attributions of one row.
  ///
  /// - Parameter row: A row index in `0..<rowCount`.
  public func row(_ row: Int) -> ArraySlice<Double> {
    precondition(row >= 0 && row < rowCount, "'row' \(row) is out of range 0..<\(rowCount)")
    let width = featureNames.count
    return values[(row * width)..<((row + 1) * width)]
  }

  /// Creates loss attributions.
  ///
  /// - Parameters:
  ///   - values: Row-major attributions, `rowCount × featureNames.count`.
  ///   - rowCount: The number of rows.
  ///   - losses: One loss per row.
  ///   - baselines: One baseline loss per row.
  ///   - featureNames: The column names.
  ///   - method: The algorithm that ran.
  ///   - lossName: The loss's name.
  ///   - standardErrors: One standard error per value, for sampled values.
  public init(
    values: [Double], rowCount: Int, losses: [Double], baselines: [Double],
    featureNames: [String], method: LossExplainer.Method, lossName: String,
    standardErrors: [Double]? = nil
  ) {
    precondition(
      values.count == rowCount * featureNames.count,
      "'values' has \(values.count) entries for \(rowCount) rows of \(featureNames.count)")
    precondition(losses.count == rowCount, "'losses' has \(losses.count) entries")
    precondition(baselines.count == rowCount, "'baselines' has \(baselines.count) entries")
    self.values = values
    self.rowCount = rowCount
    self.losses = losses
    self.baselines = baselines
    self.featureNames = featureNames
    self.method = method
    self.lossName = lossName
    self.standardErrors = standardErrors
  }
}
