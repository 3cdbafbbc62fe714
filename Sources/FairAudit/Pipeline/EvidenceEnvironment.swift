public import FairMetrics
public import FairPolicy
import Synchronization

/// The rules engine's view of the evidence: every metric the catalog names, measured for a
/// subject on demand.
///
/// The engine asks for a metric by name and subject; this type looks the figure up in
/// ``Evidence``, which computes only what is asked for (no attributions unless a rule reads
/// them). A figure that needs something the audit lacks (true outcomes, a model,
/// attributions) is `notComputable` with the reason, which the engine reports as
/// `insufficient-data`.
public final class EvidenceEnvironment: PolicyEnvironment, Sendable {
  /// The evidence.
  public let evidence: Evidence
  /// The attribution columns (features and feature groups), in order.
  public let features: [String]
  /// The names of feature groups.
  public let featureGroups: [String]
  /// The groupings rules can name (the most-probable-group variants are evidence only).
  public let groupings: [FairPolicy.Grouping]

  private let protectedColumns: [String]
  /// The audit's adverse-action reasons, when it has a model.
  public let reasons: ReasonEvidence?
  /// Why there are no reasons although the audit has a model, if so.
  let reasonsUnavailable: String?
  private let modelInputs: Set<String>
  private let groupMembers: [String: [String]]
  private let tests = Mutex<[String: [String: SignificanceResult]]>([:])

  /// Creates the environment.
  ///
  /// - Parameters:
  ///   - evidence: The evidence.
  ///   - modelInputs: The model's input columns (empty without a model).
  ///   - featureGroups: Feature groups and their member columns.
  ///   - reasons: The adverse-action reasons, when the audit has a model.
  ///   - reasonsUnavailable: Why there are no reasons although the audit has a model (the
  ///     evidence was merged from partitions), if so.
  public init(
    evidence: Evidence, modelInputs: [String], featureGroups: [String: [String]],
    reasons: ReasonEvidence? = nil, reasonsUnavailable: String? = nil
  ) {
    self.evidence = evidence
    self.reasons = reasons
    self.reasonsUnavailable = reasonsUnavailable
    self.modelInputs = Set(modelInputs)
    self.groupMembers = featureGroups
    self.featureGroups = featureGroups.keys.sorted()
    let grouped = Set(featureGroups.values.flatMap { $0 })
    self.features =
      evidence.attributionColumns?.featureNames
      ?? (featureGroups.keys.sorted() + modelInputs.filter { !grouped.contains($0) })
    self.protectedColumns = evidence.configuration.attributes.flatMap(\.columns)
    self.groupings = evidence.configuration.groupings
      .filter { !$0.assignsMostProbableGroup }
      .map { FairPolicy.Grouping($0.attributes) }
  }

  /// The slices of `grouping`, the reference marked.
  public func slices(of grouping: FairPolicy.Grouping) -> [Slice] {
    guard let index = membershipIndex(grouping),
      let metrics = try? evidence.groupMetrics()[index]
    else {
      return membershipIndex(grouping).map { index in
        evidence.layouts[index].sliceParts.map { Slice(grouping: grouping, values: $0) }
      } ?? []
    }
    let membership = evidence.layouts[index]
    return zip(membership.sliceParts, membership.sliceNames).map { parts, name in
      Slice(grouping: grouping, values: parts, isReference: name == metrics.reference)
    }
  }

  /// The features a scope covers.
  public func features(in scope: FeatureScope) -> [String] {
    switch scope {
    case .all: return features
    case .protected: return protectedColumns
    case .proxies:
      let proxies = (try? evidence.proxies()) ?? []
      var seen = Set<String>()
      return proxies.filter(\.isProxy).map(\.feature).filter { seen.insert($0).inserted }
    case .names(let names): return names
    case .group(let name): return [name]
    }
  }

  /// Measures one metric for one subject.
  public func measure(_ request: MeasurementRequest) -> Measurement {
    do {
      return try measured(request)
    } catch {
      return .notComputable(reason: "\(error)")
    }
  }

  // MARK: - Lookups

  func membershipIndex(_ grouping: FairPolicy.Grouping) -> Int? {
    evidence.configuration.groupings.firstIndex {
      !$0.assignsMostProbableGroup && $0.attributes == grouping.attributes
    }
  }

  private func groupMetrics(_ grouping: FairPolicy.Grouping?) throws -> GroupingMetrics {
    guard let grouping, let index = membershipIndex(grouping) else {
      throw EnvironmentProblem("the grouping is not part of this audit")
    }
    return try evidence.groupMetrics()[index]
  }

  private func sliceMetrics(_ subject: Subject) throws -> (GroupingMetrics, SliceMetrics) {
    let metrics = try groupMetrics(subject.grouping)
    guard let slice = subject.slice,
      let found = metrics.slice(named: FairMetrics.Grouping.sliceName(slice.values))
    else {
      throw EnvironmentProblem("the slice is not in the data")
    }
    return (metrics, found)
  }

  private func measured(_ request: MeasurementRequest) throws -> Measurement {
    let subject = request.subject
    switch subject.kind {
    case .slice where Self.sliceLossMetrics.contains(request.metric):
      return try lossMeasurement(request.metric, subject)
    case .slice: return try sliceMeasurement(request)
    case .featureInSlice where Self.featureLossMetrics.contains(request.metric):
      return try lossGapMeasurement(request.metric, subject)
    case .grouping: return try groupingMeasurement(request.metric, subject)
    case .feature: return try featureMeasurement(request.metric, subject)
    case .featureInSlice: return try featureInSliceMeasurement(request.metric, subject)
    case .dataset: return try reasonMeasurement(request.metric)
    }
  }

  /// A figure that needs true outcomes, of a slice of `groupSize` rows (which a rule's
  /// `min_group_size` reads).
  private func needsOutcomes(_ value: Double?, groupSize: Int? = nil) -> Measurement {
    guard let value else {
      return .notComputable(reason: "the audit has no true outcomes (no label column)")
    }
    return value.isFinite
      ? .value(MeasuredValue(value, groupSize: groupSize))
      : .notComputable(reason: "the slice has no rows to compute it on")
  }

  private func sliceMeasurement(_ request: MeasurementRequest) throws -> Measurement {
    let (grouping, slice) = try sliceMetrics(request.subject)
    let reference = grouping.slice(named: grouping.reference)
    let rows = slice.rows
    func value(
      _ number: Double, interval: FairMetrics.ConfidenceInterval? = nil,
      against comparison: String? = nil, significance: SignificanceResult? = nil,
      shortfall: Double? = nil
    ) -> Measurement {
      guard number.isFinite else {
        return .notComputable(
          reason: "not defined: the slice or its comparison group has no rows or a zero rate")
      }
      return .value(
        MeasuredValue(
          number, interval: interval.map(Self.interval), significance: significance,
          groupSize: rows,
          referenceSize: comparison.flatMap { grouping.slice(named: $0)?.rows },
          reference: comparison, shortfall: shortfall))
    }
    func excluded() -> Measurement? {
      slice.isExcluded
        ? .notComputable(
          reason: "the slice holds under \(evidence.configuration.minimumSliceShare) of the data "
            + "and is excluded from comparisons") : nil
    }
    switch request.metric {
    case "count": return value(Double(rows))
    case "share": return value(slice.share)
    case "base_rate": return needsOutcomes(slice.baseRate, groupSize: rows)
    case "selection_rate":
      return value(slice.selectionRate, interval: slice.selectionRateInterval)
    case "scoring_rate":
      guard let rate = slice.scoringRate else {
        return .notComputable(reason: "the audit has no scores")
      }
      return value(rate)
    case "scoring_impact_ratio":
      if let excluded = excluded() { return excluded }
      guard let ratio = slice.scoringImpactRatio else {
        return .notComputable(reason: "the audit has no scores")
      }
      return value(ratio)
    case "impact_ratio":
      if let excluded = excluded() { return excluded }
      let significance = try test(
        request.test, grouping: grouping, focal: slice, against: grouping.mostFavoured)
      return value(
        slice.impactRatio, interval: slice.impactRatioInterval, against: grouping.mostFavoured,
        significance: significance,
        shortfall: shortfall(slice, against: grouping.slice(named: grouping.mostFavoured)))
    case "impact_ratio_to_reference":
      if let excluded = excluded() { return excluded }
      let significance = try test(
        request.test, grouping: grouping, focal: slice, against: grouping.reference)
      return value(
        slice.impactRatioToReference, interval: slice.impactRatioToReferenceInterval,
        against: grouping.reference, significance: significance,
        shortfall: shortfall(slice, against: reference))
    case "selection_rate_difference":
      return value(
        slice.selectionRateDifference, interval: slice.selectionRateDifferenceInterval,
        against: grouping.reference)
    case "true_positive_rate": return needsOutcomes(slice.truePositiveRate, groupSize: rows)
    case "false_positive_rate": return needsOutcomes(slice.falsePositiveRate, groupSize: rows)
    case "false_negative_rate": return needsOutcomes(slice.falseNegativeRate, groupSize: rows)
    case "true_negative_rate": return needsOutcomes(slice.trueNegativeRate, groupSize: rows)
    case "precision": return needsOutcomes(slice.precision, groupSize: rows)
    case "true_positive_rate_difference":
      guard let difference = slice.truePositiveRateDifference else { return needsOutcomes(nil) }
      return value(
        difference, interval: slice.truePositiveRateDifferenceInterval,
        against: grouping.reference)
    case "false_positive_rate_difference":
      guard let difference = slice.falsePositiveRateDifference else { return needsOutcomes(nil) }
      return value(
        difference, interval: slice.falsePositiveRateDifferenceInterval,
        against: grouping.reference)
    case "auc": return needsOutcomes(slice.auc, groupSize: rows)
    case "log_loss": return needsOutcomes(slice.logLoss, groupSize: rows)
    case "brier_score": return needsOutcomes(slice.brierScore, groupSize: rows)
    case "expected_calibration_error":
      return needsOutcomes(slice.expectedCalibrationError, groupSize: rows)
    case "shortfall":
      return value(shortfall(slice, against: grouping.slice(named: grouping.mostFavoured)) ?? .nan)
    case "mean_score":
      guard let score = slice.meanScore else {
        return .notComputable(reason: "the audit has no scores")
      }
      return value(score)
    default:
      return .notComputable(reason: "no slice metric '\(request.metric)'")
    }
  }

  private func groupingMeasurement(_ metric: String, _ subject: Subject) throws -> Measurement {
    let grouping = try groupMetrics(subject.grouping)
    func value(_ number: Double?, _ interval: FairMetrics.ConfidenceInterval? = nil)
      -> Measurement
    {
      guard let number else { return needsOutcomes(nil) }
      guard number.isFinite else { return .notComputable(reason: "no two slices to compare") }
      return .value(MeasuredValue(number, interval: interval.map(Self.interval)))
    }
    switch metric {
    case "demographic_parity_difference":
      return value(
        grouping.demographicParityDifference, grouping.demographicParityDifferenceInterval)
    case "demographic_parity_ratio":
      return value(grouping.demographicParityRatio, grouping.demographicParityRatioInterval)
    case "equalized_odds_difference":
      return value(grouping.equalizedOddsDifference, grouping.equalizedOddsDifferenceInterval)
    case "equal_opportunity_difference":
      return value(
        grouping.equalOpportunityDifference, grouping.equalOpportunityDifferenceInterval)
    case "unknown_count": return value(Double(grouping.unknownCount))
    case "unknown_share": return value(grouping.unknownShare)
    case "excluded_slice_count": return value(Double(grouping.excludedSliceCount))
    case "minimum_slice_share": return value(grouping.minimumSliceShare)
    default: return .notComputable(reason: "no grouping metric '\(metric)'")
    }
  }

  private func featureMeasurement(_ metric: String, _ subject: Subject) throws -> Measurement {
    let feature = subject.feature ?? ""
    let members = groupMembers[feature] ?? [feature]
    switch metric {
    case "prohibited_reason_count":
      let analysis = try reasonAnalysis()
      let count = members.reduce(0) { $0 + analysis.checks.restrictedCount(feature: $1) }
      return .value(
        MeasuredValue(Double(count), groupSize: analysis.checks.adverseCount))
    case "is_model_input":
      guard !modelInputs.isEmpty else {
        return .notComputable(reason: "the audit has no model")
      }
      return .value(MeasuredValue(members.contains(where: modelInputs.contains) ? 1 : 0))
    case "attribution_share", "attribution_rank":
      guard evidence.attributionColumns != nil else { return noAttributions() }
      let shares = try evidence.overallAttributionShares()
      let column = attributionColumn(of: feature)
      guard let share = shares[column] else {
        return .notComputable(reason: "'\(feature)' is not a model input")
      }
      if metric == "attribution_share" { return .value(MeasuredValue(share)) }
      let rank = shares.values.filter { $0 > share }.count + 1
      return .value(MeasuredValue(Double(rank)))
    case "proxy_association", "proxy_auc", "proxy_attribution_share":
      let screened = try evidence.proxies().filter { members.contains($0.feature) }
      // A constant column has no association (NaN), which `max` would keep when first.
      let proxies = screened.filter { !$0.association.isNaN }
      guard let strongest = proxies.max(by: { $0.association < $1.association }) else {
        return .notComputable(
          reason: screened.isEmpty
            ? "'\(feature)' was not screened as a proxy"
            : "'\(feature)' has no association with the attribute (a constant column)")
      }
      switch metric {
      case "proxy_association": return .value(MeasuredValue(strongest.association))
      case "proxy_auc":
        return .value(MeasuredValue(proxies.map(\.auc).filter { !$0.isNaN }.max() ?? .nan))
      default:
        guard let share = strongest.attributionShare else { return noAttributions() }
        return .value(MeasuredValue(proxies.contains(where: \.isProxy) ? share : 0))
      }
    case "counterfactual_flip_rate":
      let flips = try evidence.counterfactualFlips().filter { members.contains($0.feature) }
      guard let worst = flips.max(by: { $0.rate < $1.rate }) else {
        return .notComputable(reason: "'\(feature)' is not a protected model input")
      }
      return .value(
        MeasuredValue(worst.rate, interval: Self.interval(worst.interval), groupSize: worst.rows))
    default:
      return .notComputable(reason: "no feature metric '\(metric)'")
    }
  }

  private func featureInSliceMeasurement(_ metric: String, _ subject: Subject) throws
    -> Measurement
  {
    guard evidence.attributionColumns != nil else { return noAttributions() }
    guard let grouping = subject.grouping, let index = membershipIndex(grouping),
      let slice = subject.slice
    else {
      throw EnvironmentProblem("the grouping is not part of this audit")
    }
    let summary = try evidence.attributionSummaries()[index]
    let column = attributionColumn(of: subject.feature ?? "")
    guard let sliceSummary = summary.slice(named: FairMetrics.Grouping.sliceName(slice.values)),
      let feature = sliceSummary.features.first(where: { $0.feature == column })
    else {
      return .notComputable(reason: "no attributions for '\(column)' in this slice")
    }
    let size = Int(sliceSummary.weight.rounded())
    let referenceSize = summary.slice(named: summary.reference).map { Int($0.weight.rounded()) }
    func value(_ number: Double, _ interval: FairMetrics.ConfidenceInterval?) -> Measurement {
      guard number.isFinite else {
        return .notComputable(reason: "not defined for this slice (a zero denominator)")
      }
      return .value(
        MeasuredValue(
          number, interval: interval.map(Self.interval), groupSize: size,
          referenceSize: referenceSize, reference: summary.reference))
    }
    switch metric {
    case "slice_attribution_share": return value(feature.share, feature.shareInterval)
    case "attribution_ratio":
      return value(feature.ratioToReference, feature.ratioToReferenceInterval)
    case "gap_contribution": return value(feature.gapContribution, feature.gapContributionInterval)
    case "gap_contribution_share": return value(feature.gapContributionShare, nil)
    default: return .notComputable(reason: "no feature metric '\(metric)'")
    }
  }

  private func noAttributions() -> Measurement {
    .notComputable(reason: "attribution metrics need a model, and this audit has none")
  }

  /// The attribution column that carries `feature`: itself, or its group.
  private func attributionColumn(of feature: String) -> String {
    evidence.attributionColumns?.groupOfFeature[feature] ?? feature
  }

  /// The shortfall of `slice` at `comparison`'s rate: `n_g·SR_ref − x_g`.
  private func shortfall(_ slice: SliceMetrics, against comparison: SliceMetrics?) -> Double? {
    guard let comparison else { return nil }
    return slice.weight * comparison.selectionRate - slice.selected
  }

  /// The significance of a slice's selection rate against a comparison slice, with the
  /// method the rule asks for, Holm-adjusted across the grouping's compared slices.
  private func test(
    _ method: FairPolicy.SignificanceTest, grouping: GroupingMetrics, focal: SliceMetrics,
    against comparison: String
  ) throws -> SignificanceResult? {
    let chosen: FairMetrics.SignificanceTest.Method
    switch method {
    case .none: return nil
    case .auto: chosen = .automatic
    case .z: chosen = .twoProportionZ
    case .fisher: chosen = .fisherExact
    }
    guard focal.slice != comparison else { return nil }
    let key = "\(grouping.grouping)|\(comparison)|\(method.rawValue)"
    if let cached = tests.withLock({ $0[key] }) { return cached[focal.slice] }
    guard let reference = grouping.slice(named: comparison) else { return nil }
    let referenceRate = Rate(numerator: reference.selected, denominator: reference.weight)
    let compared = grouping.slices.filter { !$0.isExcluded && $0.slice != comparison }
    let results = compared.map {
      FairMetrics.SignificanceTest(
        reference: referenceRate, focal: Rate(numerator: $0.selected, denominator: $0.weight),
        method: chosen)
    }
    let adjusted = HolmAdjustment.adjustedPValues(results.map(\.pValue))
    var table: [String: SignificanceResult] = [:]
    for (index, slice) in compared.enumerated() {
      table[slice.slice] = SignificanceResult(
        test: results[index].kind == .twoProportionZ ? .z : .fisher,
        pValue: results[index].pValue, adjustedPValue: adjusted[index])
    }
    tests.withLock { $0[key] = table }
    return table[focal.slice]
  }

  static func interval(_ interval: FairMetrics.ConfidenceInterval)
    -> FairPolicy.ConfidenceInterval
  {
    FairPolicy.ConfidenceInterval(
      lower: interval.lower, upper: interval.upper, confidence: interval.level)
  }
}

/// Why a measurement could not be made, as the finding's reason.
struct EnvironmentProblem: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

extension EvidenceEnvironment {
  /// The tallies a rule needs for its metric and feature scope, beyond the outcome tallies
  /// every audit computes; and whether it reads adverse-action reasons (which need the
  /// proxy screen too, for their restrictions).
  static func tallyKinds(for rule: PolicyRule) -> (kinds: Evidence.TallyKinds, reasons: Bool) {
    var kinds: Evidence.TallyKinds = [.outcomes]
    // Reason metrics are known by what the catalog says they need.
    let reasons =
      MetricCatalog.standard.definition(named: rule.metric)?.needs.contains(.reasons)
      ?? false
    if reasons { kinds.insert(.proxies) }
    switch rule.metric {
    case "attribution_share", "attribution_rank": kinds.insert(.attributions)
    case "slice_attribution_share", "attribution_ratio", "gap_contribution",
      "gap_contribution_share":
      kinds.insert(.attributionSummaries)
    case "proxy_association", "proxy_auc", "proxy_attribution_share": kinds.insert(.proxies)
    case "counterfactual_flip_rate": kinds.insert(.flips)
    case let metric where sliceLossMetrics.contains(metric): kinds.insert(.losses)
    case let metric where featureLossMetrics.contains(metric): kinds.insert(.lossGaps)
    default: break
    }
    if rule.features == .proxies { kinds.insert(.proxies) }
    return (kinds, reasons)
  }
}
