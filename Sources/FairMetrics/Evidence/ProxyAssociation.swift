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
///   into deciles (``FeatureCounts/decileCodes()``).
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
    measure(FeatureCounts(column, membership: membership), sliceNames: membership.sliceNames)
  }

  /// Measures the association from the joint counts of the feature and the slices, which
  /// merge across any split of the rows.
  ///
  /// Each distinct value and slice with weight is one weighted observation, so the figures
  /// are those of the rows, summed in another order.
  ///
  /// - Parameters:
  ///   - counts: The feature's counts over the grouping's slices.
  ///   - sliceNames: The slices' names.
  /// - Returns: As ``measure(_:membership:)``.
  /// - Complexity: O(*v*·*s* log(*v*·*s*)) for *v* distinct values and *s* slices.
  package static func measure(_ counts: FeatureCounts, sliceNames: [String])
    -> (measure: String, association: Double, nmi: Double, auc: Double, group: String)
  {
    var featureCodes: [Int32] = []
    var numbers: [Double] = []
    var groupCodes: [Int32] = []
    var weights: [Double] = []
    let isNumeric = counts.isNumeric
    let decile = isNumeric ? counts.decileCodes() : []
    for value in 0..<counts.valueCount {
      for slice in 0..<counts.sliceCount {
        let weight = counts.weight(value: value, slice: slice)
        guard weight > 0 else { continue }
        featureCodes.append(isNumeric ? decile[value] : Int32(value))
        numbers.append(isNumeric ? counts.numbers[value] : .nan)
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
    let groupCount = sliceNames.count
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
        best = (folded, sliceNames[group])
      }
      if groupCount == 2 { break }  // both groups give the same folded AUC
    }
    return (isNumeric ? "correlation-ratio" : "cramers-v", association, nmi, best.auc, best.group)
  }

}
