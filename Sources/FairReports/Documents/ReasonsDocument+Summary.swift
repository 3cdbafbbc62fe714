import FairMetrics
import Foundation

/// The plain-text summary of a ``ReasonsDocument``, for standard error.
public enum ReasonsSummary {
  /// The summary lines, without line ends.
  ///
  /// - Parameter document: The document.
  /// - Returns: One line for the method, one for the counts, then one per finding,
  ///   comparison and stability measurement.
  public static func lines(_ document: ReasonsDocument) -> [String] {
    let method = document.method
    var lines = [
      "reasons from \(method.source) (attribution \(method.attribution) in \(method.output) "
        + "space); reference: \(method.referenceSummary), \(method.referenceRows) rows, "
        + "\(method.backgroundRows) in the background; \(method.decision)"
    ]
    let checks = document.checks
    lines.append(
      "\(checks.adverseCount) adverse decisions: \(checks.withoutReasonCount) without a reason, "
        + "\(checks.overFourCount) with more than four")
    for restricted in checks.restrictedReasons {
      lines.append(
        "reason '\(restricted.code)' cites '\(restricted.feature)' (\(restricted.why)) for "
          + "\(restricted.count) adverse decisions")
    }
    if let elderly = checks.elderlyAgeReasonCount, let adverse = checks.elderlyAdverseCount {
      lines.append(
        "\(elderly) of \(adverse) adverse decisions for applicants aged 62 or older give an age "
          + "reason")
    }
    for code in checks.genericCodes {
      lines.append("reason code '\(code)' has a generic statement (12 CFR 1002.9(b)(2))")
    }
    if let comparison = document.comparison {
      lines.append(
        "scorecard vs attribution reasons: top reason agrees for \(comparison.topAgreements) "
          + "of \(comparison.compared) (\(percent(comparison.topAgreementRate))), top-"
          + "\(method.top) sets for \(comparison.topKAgreements) "
          + "(\(percent(comparison.topKAgreementRate)))")
    }
    for stability in document.stability {
      let what =
        stability.kind == .backgroundResampling
        ? "background resampling"
        : "input perturbation (δ = \(stability.perturbation ?? 0) sd)"
      lines.append(
        "\(what): top-\(method.top) reasons changed for \(percent(stability.changedShare)) of "
          + "adverse decisions (\(Int((stability.interval.confidenceLevel * 100).rounded()))% "
          + "interval \(percent(stability.interval.lower))–\(percent(stability.interval.upper)), "
          + "\(stability.replicates) replicates, seed \(stability.seed)); "
          + "\(stability.unstable.count) applicants unstable (changed in more than "
          + "\(percent(stability.unstableAbove)) of replicates)")
    }
    return lines
  }

  /// `value` as a percentage with one decimal.
  static func percent(_ value: Double) -> String {
    value.isNaN ? "n/a" : String(format: "%.1f%%", value * 100)
  }
}
