import FairMetrics
import FairPolicy

extension EvidenceEnvironment {
  /// The reasons' summary, computed on first use with the audit's restrictions.
  func reasonAnalysis() throws -> ReasonSummary {
    guard let reasons else {
      throw EnvironmentProblem(
        reasonsUnavailable ?? "reason-code metrics need a model, and this audit has none")
    }
    return try reasons.summary { reasonRestrictions }
  }

  /// The features that may not be reasons: protected attributes, declared proxies and
  /// detected proxies, each with why.
  var reasonRestrictions: [ReasonChecks.Restriction] {
    var result: [ReasonChecks.Restriction] = []
    for attribute in evidence.configuration.attributes {
      for column in attribute.columns {
        result.append(
          ReasonChecks.Restriction(
            feature: column, why: "protected attribute '\(attribute.name)' (a prohibited basis)"))
      }
    }
    let proxies = (try? evidence.proxies()) ?? []
    var seen = Set<String>()
    for proxy in proxies where proxy.isProxy && seen.insert(proxy.feature).inserted {
      let why =
        proxy.isDeclared
        ? "declared proxy"
        : "proxy of '\(proxy.attribute)' (\(proxy.measure) \(proxy.association))"
      result.append(ReasonChecks.Restriction(feature: proxy.feature, why: why))
    }
    for feature in evidence.configuration.declaredProxies where seen.insert(feature).inserted {
      result.append(ReasonChecks.Restriction(feature: feature, why: "declared proxy"))
    }
    return result
  }

  /// A data-set reason metric.
  func reasonMeasurement(_ metric: String) throws -> Measurement {
    switch metric {
    case "reasons_missing_share", "reasons_over_four_share", "elderly_age_reason_count",
      "generic_reason_count", "reason_instability", "reason_sensitivity":
      break
    default:
      return .notComputable(reason: "no data-set metric '\(metric)'")
    }
    let analysis = try reasonAnalysis()
    let checks = analysis.checks
    switch metric {
    case "reasons_missing_share":
      return .value(MeasuredValue(checks.withoutReasonShare, groupSize: checks.adverseCount))
    case "reasons_over_four_share":
      return .value(MeasuredValue(checks.overFourShare, groupSize: checks.adverseCount))
    case "elderly_age_reason_count":
      guard let count = checks.elderlyAgeReasonCount else {
        return .notComputable(
          reason: "no age column: set 'reasons: age_column' or protect a column named 'age'")
      }
      return .value(MeasuredValue(Double(count), groupSize: checks.elderlyAdverseCount))
    case "generic_reason_count":
      return .value(MeasuredValue(Double(checks.genericCodes.count)))
    default:
      let kind: ReasonStability.Kind =
        metric == "reason_instability" ? .backgroundResampling : .inputPerturbation
      guard let stability = analysis.stability.first(where: { $0.kind == kind }) else {
        return .notComputable(reason: "stability is off ('reasons: stability_replicates: 0')")
      }
      return .value(
        MeasuredValue(
          stability.changedShare,
          interval: FairPolicy.ConfidenceInterval(
            lower: stability.interval.lower, upper: stability.interval.upper,
            confidence: stability.interval.confidenceLevel),
          groupSize: stability.adverseCount))
    }
  }
}
