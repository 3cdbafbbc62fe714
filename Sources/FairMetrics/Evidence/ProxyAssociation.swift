public import FairTabular

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
///   into deciles (``decileCodes(_:)``).
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
    let encoded: [Double]
    if isNumeric {
      encoded = numbers
    } else {
      encoded = []
    }
    for group in 0..<groupCount {
      let labels = groupCodes.map { Int($0) == group }
      let scores: [Double]
      if isNumeric {
        scores = encoded
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
      let raw = AUC.value(labels: labels, scores: scores, weights: weights)
      let folded = max(raw, 1 - raw)
      if !folded.isNaN && (best.auc.isNaN || folded > best.auc) {
        best = (folded, membership.sliceNames[group])
      }
      if groupCount == 2 { break }  // both groups give the same folded AUC
    }
    return (isNumeric ? "correlation-ratio" : "cramers-v", association, nmi, best.auc, best.group)
  }

  /// Decile codes of numeric values: the rank-based decile `⌊10·rank / n⌋` of each value,
  /// with tied values sharing the decile of their first rank; -1 for NaN.
  package static func decileCodes(_ values: [Double]) -> [Int32] {
    let present = values.indices.filter { !values[$0].isNaN }
    let order = present.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
    var codes = [Int32](repeating: -1, count: values.count)
    var position = 0
    while position < order.count {
      var end = position
      while end + 1 < order.count && values[order[end + 1]] == values[order[position]] {
        end += 1
      }
      let code = Int32(10 * position / order.count)
      for index in position...end { codes[order[index]] = code }
      position = end + 1
    }
    return codes
  }
}
