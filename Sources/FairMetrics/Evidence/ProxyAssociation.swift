package import FairTabular

/// How strongly one feature is associated with one protected attribute, and how much the
/// model leans on it.
///
/// A strong proxy the model ignores is not the same finding as one it leans on, so the
/// association stands beside the feature's share of the model's attribution.
///
/// - **Association**: Cramér's V (without continuity correction, as
///   `scipy.stats.contingency.association`) for a categorical feature; the correlation ratio
///   η = √(SS_between / SS_total) of the feature's values across the attribute's groups for
///   a numeric one. Both lie in `[0, 1]`.
/// - **Normalised mutual information** (arithmetic normalisation, as scikit-learn's
///   `normalized_mutual_info_score`): categorical features by label, numeric features cut
///   into deciles (`decileCodes(_:)`).
/// - **AUC**: how well the feature alone separates each group from the rest: a numeric
///   feature's values, a categorical feature's labels encoded by the group's rate among rows
///   with that label; the AUC is folded to `max(AUC, 1 − AUC)`, and the largest over the
///   groups is reported with its group.
///
/// Rows with the feature or the attribute missing are left out. Membership probabilities
/// weight every count.
public struct ProxyAssociation: Sendable, Hashable, Codable {
  /// The feature.
  public var feature: String
  /// The protected attribute.
  public var attribute: String
  /// `cramers-v` or `correlation-ratio`.
  public var measure: String
  /// The association.
  public var association: Double
  /// The normalised mutual information.
  public var normalizedMutualInformation: Double
  /// The largest one-group-versus-rest AUC of the feature alone.
  public var auc: Double
  /// The group that AUC separates.
  public var aucGroup: String
  /// The feature's share of the model's total mean absolute attribution, when attributions
  /// were computed.
  public var attributionShare: Double?
  /// Whether the feature is a proxy: its association reaches the threshold, or it was
  /// declared one.
  public var isProxy: Bool
  /// Whether the feature was declared a proxy.
  public var isDeclared: Bool
}

extension ProxyAssociation {
  /// Measures the association of `column` with the attribute behind `membership`.
  ///
  /// - Parameters:
  ///   - column: The feature's column.
  ///   - membership: The slices of a grouping of one attribute.
  /// - Returns: The measure's name, the association, the NMI and the best AUC with its
  ///   group.
  /// - Complexity: O(*n* log *n*) for *n* rows.
  package static func measure(_ column: Column, membership: SliceMembership)
    -> (measure: String, association: Double, nmi: Double, auc: Double, group: String)
  {
    var featureCodes: [Int32] = []
    var numbers: [Double] = []
    var groupCodes: [Int32] = []
    var weights: [Double] = []
    let isNumeric = column.numeric != nil
    let decile = column.numeric.map { decileCodes($0.values) }
    for row in 0..<membership.rowCount {
      let code: Int32
      var number = Double.nan
      switch column {
      case .numeric(let values):
        number = values.values[row]
        if number.isNaN { continue }
        code = decile?[row] ?? -1
      case .categorical(let labels):
        code = labels.codes[row]
        if code == CategoricalColumn.missingCode { continue }
      }
      membership.forEachMembership(of: row) { slice, weight in
        featureCodes.append(code)
        numbers.append(number)
        groupCodes.append(Int32(slice))
        weights.append(weight)
      }
    }
    let association =
      isNumeric
      ? CorrelationRatio.value(numbers, groupCodes, weights: weights)
      : CramersV.value(featureCodes, groupCodes, weights: weights)
    let nmi = NormalizedMutualInformation.value(featureCodes, groupCodes, weights: weights)
    // One group against the rest.
    var best = (auc: Double.nan, group: "")
    let groupCount = membership.sliceNames.count
    // Numeric values rank the rows the same way for every group: sorted once.
    let numericOrder = isNumeric ? AUC.order(scores: numbers, weights: weights) : nil
    for group in 0..<groupCount {
      let labels = groupCodes.map { Int($0) == group }
      let scores: [Double]
      if isNumeric {
        scores = numbers
      } else {
        // The group's weighted rate among rows with each label.
        var inGroup: [Int32: Double] = [:]
        var total: [Int32: Double] = [:]
        for index in featureCodes.indices {
          total[featureCodes[index], default: 0] += weights[index]
          if labels[index] { inGroup[featureCodes[index], default: 0] += weights[index] }
        }
        scores = featureCodes.map { (inGroup[$0] ?? 0) / (total[$0] ?? 1) }
      }
      let raw =
        isNumeric
        ? numericOrder.map {
          AUC.value(labels: labels, order: $0, scores: scores, weights: weights)
        } ?? .nan
        : AUC.value(labels: labels, scores: scores, weights: weights)
      let folded = max(raw, 1 - raw)
      if !folded.isNaN && (best.auc.isNaN || folded > best.auc) {
        best = (folded, membership.sliceNames[group])
      }
      if groupCount == 2 { break }  // both groups give the same folded AUC
    }
    return (isNumeric ? "correlation-ratio" : "cramers-v", association, nmi, best.auc, best.group)
  }

  /// Decile codes of numeric values, as `pandas.qcut(x, q=10, labels=False,
  /// duplicates="drop")` gives them.
  ///
  /// The edges are the linear-interpolation quantiles at `k/10`, `k = 0…10`, of the
  /// non-missing values (`h = (n − 1)·k/10`, `x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)` on the
  /// sorted values), duplicates dropped; a value's code is the number of interior edges
  /// strictly below it, so bins are closed on the right. NaN gets -1.
  package static func decileCodes(_ values: [Double]) -> [Int32] {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard !sorted.isEmpty else { return values.map { _ in -1 } }
    var edges: [Double] = []
    for k in 0...10 {
      let h = Double(sorted.count - 1) * Double(k) / 10
      let low = Int(h.rounded(.down))
      let high = min(low + 1, sorted.count - 1)
      let edge = sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
      if edges.last != edge { edges.append(edge) }
    }
    let interior = edges.count > 2 ? Array(edges[1..<(edges.count - 1)]) : []
    return values.map { value in
      guard !value.isNaN else { return -1 }
      var code: Int32 = 0
      for edge in interior where edge < value { code += 1 }
      return code
    }
  }
}
