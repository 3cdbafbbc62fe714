/// The expected calibration error of probabilities, with the per-bin table behind it.
///
/// Scores are grouped into 10 equal-width bins on `[0, 1]`: bin `b` (0…9) holds the scores
/// with `⌊10·p⌋ = b` computed in `Double`, and the score 1 joins the last bin, so bin `b`
/// covers `[b/10, (b+1)/10)` and the last bin `[0.9, 1]`. With `W_b` the weight in bin `b`,
/// `W` the total weight, `p̄_b` the weighted mean score and `ȳ_b` the weighted positive rate
/// of the bin,
///
/// ```
/// ECE = Σ_b (W_b / W)·|p̄_b - ȳ_b|
/// ```
///
/// ([Naeini et al. 2015][naeini]; [Guo et al. 2017][guo]). Empty bins contribute nothing;
/// in ``bins`` their mean score and rate are NaN. Rows whose weight is zero, negative or not
/// finite are left out. ECE is NaN, not computable, when no weight remains or a score is
/// NaN or outside `[0, 1]`.
///
/// **Mergeable.** Each bin's three weighted sums (weight, score, positives) add up across
/// chunks, so ECE can be computed from merged bin sums.
///
/// [naeini]: https://ojs.aaai.org/index.php/AAAI/article/view/9602
/// [guo]: https://proceedings.mlr.press/v70/guo17a.html
public struct ExpectedCalibrationError: Sendable, Hashable, Codable {
  /// One row of the calibration table, for a reliability chart.
  public struct Bin: Sendable, Hashable, Codable {
    /// The bin's lower score bound (inclusive).
    public var lowerBound: Double
    /// The bin's upper score bound (exclusive, except 1 for the last bin).
    public var upperBound: Double
    /// The total weight of the rows in the bin.
    public var weight: Double
    /// The weighted mean score in the bin; NaN when it is empty.
    public var meanScore: Double
    /// The weighted rate of positive labels in the bin; NaN when it is empty.
    public var observedRate: Double
  }

  /// The number of bins.
  public static let binCount = 10

  /// The weighted mean absolute gap between score and outcome, or NaN when not computable.
  public var value: Double
  /// The ten bins, lowest scores first.
  public var bins: [Bin]

  /// Computes the calibration table and ECE.
  ///
  /// - Parameters:
  ///   - labels: `true` for the positive class.
  ///   - scores: Predicted probabilities of the positive class, in `[0, 1]`.
  ///   - weights: Optional non-negative weights, one per row.
  /// - Precondition: the arrays have equal lengths.
  /// - Complexity: O(*n*) for *n* rows.
  public init(labels: [Bool], scores: [Double], weights: [Double]? = nil) {
    precondition(
      labels.count == scores.count, "'scores' has \(scores.count) values, 'labels' \(labels.count)")
    precondition(
      weights.map { $0.count == labels.count } ?? true,
      "'weights' has \(weights?.count ?? 0) values, 'labels' \(labels.count)")
    let count = Self.binCount
    var binWeight = [Double](repeating: 0, count: count)
    var binScore = [Double](repeating: 0, count: count)
    var binPositive = [Double](repeating: 0, count: count)
    var isComputable = true
    for row in labels.indices {
      let weight = weights?[row] ?? 1
      guard weight > 0, weight.isFinite else { continue }
      let score = scores[row]
      guard score >= 0 && score <= 1 else {
        isComputable = false
        continue
      }
      let bin = min(Int(score * Double(count)), count - 1)
      binWeight[bin] += weight
      binScore[bin] += weight * score
      if labels[row] { binPositive[bin] += weight }
    }
    var total = 0.0
    for weight in binWeight { total += weight }
    bins = (0..<count).map { bin in
      let weight = binWeight[bin]
      return Bin(
        lowerBound: Double(bin) / Double(count), upperBound: Double(bin + 1) / Double(count),
        weight: weight, meanScore: weight > 0 ? binScore[bin] / weight : .nan,
        observedRate: weight > 0 ? binPositive[bin] / weight : .nan)
    }
    guard isComputable, total > 0 else {
      value = .nan
      return
    }
    var sum = 0.0
    for bin in bins where bin.weight > 0 {
      sum += bin.weight / total * abs(bin.meanScore - bin.observedRate)
    }
    value = sum
  }
}
