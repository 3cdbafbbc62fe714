import Foundation
import _FairSupport

/// The sentences of findings and waiver diagnostics.
enum FindingText {
  /// The qualifiers the significance decision attaches to a verdict.
  enum Qualifier {
    /// A breach backed by a significant test.
    static let significant = "statistically significant"
    /// A breach without significance.
    static let inconclusive = "inconclusive: not statistically significant"
    /// No breach, but a significant difference with a shortfall of at least one person.
    static let possibleAdverseImpact = "possible adverse impact despite the threshold"
    /// A test was asked for but the evidence has no result.
    static let untested = "no significance test result; threshold only"
  }

  /// Appended when a test was asked for but none was computed.
  static let untestedSuffix = "; no significance test result, so the threshold alone decides"

  /// A value compared with its requirement.
  static func compared(
    _ rule: PolicyRule, _ subject: Subject, _ value: Double, _ requirement: Requirement,
    _ breach: Bool
  ) -> String {
    "\(subject): \(rule.metric) \(number(value, beside: requirement.bounds)) "
      + (breach ? "does not meet" : "meets") + " '\(requirement)'"
  }

  /// A bookkeeping value.
  static func recorded(_ rule: PolicyRule, _ subject: Subject, _ value: Double) -> String {
    "\(subject): \(rule.metric) \(number(value)) (recorded)"
  }

  /// A measurement the environment could not make.
  static func notComputable(_ rule: PolicyRule, _ subject: Subject, reason: String) -> String {
    "\(subject): \(rule.metric) cannot be computed: \(reason)"
  }

  /// A NaN or infinite value.
  static func undefined(_ rule: PolicyRule, _ subject: Subject) -> String {
    "\(subject): \(rule.metric) is undefined (an empty group or a zero denominator)"
  }

  /// A slice under `min_group_size`.
  static func tooSmall(_ rule: PolicyRule, _ subject: Subject, size: Int, minimum: Int) -> String {
    "\(subject): \(size) rows, below the minimum group size of \(minimum) for \(rule.metric)"
  }

  /// A comparison slice under `min_group_size`.
  static func referenceTooSmall(
    _ rule: PolicyRule, _ subject: Subject, size: Int, minimum: Int, reference: String?
  ) -> String {
    "\(subject): the comparison group" + (reference.map { " \($0)" } ?? "")
      + " has \(size) rows, below the minimum group size of \(minimum) for \(rule.metric)"
  }

  /// The test result, appended to the comparison.
  static func significance(_ result: SignificanceResult, alpha: Double) -> String {
    let test = result.test == .fisher ? "Fisher exact test" : "\(result.test.rawValue) test"
    if let adjusted = result.adjustedPValue {
      return "; Holm-adjusted p = \(pValue(adjusted, beside: alpha)) "
        + "(raw \(pValue(result.pValue, beside: alpha)), \(test), alpha \(number(alpha)))"
    }
    return "; p = \(pValue(result.pValue, beside: alpha)) (\(test), alpha \(number(alpha)))"
  }

  /// The qualifier, appended to the message.
  static func qualifierSuffix(_ qualifier: String?) -> String {
    qualifier.map { "; " + $0 } ?? ""
  }

  /// Appended when a waiver covers the failure.
  static func waived(_ waiver: Waiver) -> String {
    "; waived by \(waiver.approver) until \(waiver.expires): \(waiver.reason)"
  }

  /// Appended when the matching waiver has expired.
  static func expired(_ waiver: Waiver) -> String {
    "; waiver by \(waiver.approver) expired on \(waiver.expires)"
  }

  /// A waiver that matched no finding.
  static func unmatchedWaiver(_ waiver: Waiver, ruleExists: Bool) -> String {
    guard ruleExists else {
      return "waiver for rule '\(waiver.rule)' matches no finding: no policy has that rule"
    }
    let scope = waiver.subject.map { " (\($0))" } ?? ""
    return "waiver for rule '\(waiver.rule)'\(scope) matches no finding"
  }

  /// A value with four significant digits, or as many more as keep it on its side of each
  /// of `bounds` (0.79996 against `>= 0.8` reads `0.79996`, not `0.8`).
  static func number(_ value: Double, beside bounds: [Double] = []) -> String {
    if value.rounded() == value, abs(value) < 1e9 { return String(Int(value)) }
    return SideKeepingRounding.text(value, beside: bounds, precisions: 4...17) {
      String(format: "%.\($0)g", locale: nil, value)
    }
  }

  /// A p-value with two significant digits, or as many more as keep it on its side of
  /// `alpha` (0.04996 beside an alpha of 0.05 reads `0.04996`, not `0.05`).
  static func pValue(_ value: Double, beside alpha: Double) -> String {
    SideKeepingRounding.text(value, beside: [alpha], precisions: 2...17) {
      String(format: "%.\($0)g", locale: nil, value)
    }
  }
}
