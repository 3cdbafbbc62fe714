/// The words the text and Markdown renderings of a diff share.
extension FindingsDiff {
  /// The counts in words, the non-zero ones only: `2 new failures, 1 rule added`; `nil`
  /// when nothing changed.
  var countsPhrase: String? {
    let counts = summary
    let parts = [
      Self.counted(counts.newFailures, "new failure", "new failures"),
      Self.counted(counts.resolvedFailures, "resolved failure", "resolved failures"),
      Self.counted(counts.verdictChanges, "verdict change", "verdict changes"),
      Self.counted(
        counts.metricMoves, "metric beyond its interval", "metrics beyond their interval"),
      Self.counted(counts.rulesAdded, "rule added", "rules added"),
      Self.counted(counts.rulesRemoved, "rule removed", "rules removed"),
      Self.counted(counts.subjectsAdded, "subject added", "subjects added"),
      Self.counted(counts.subjectsRemoved, "subject removed", "subjects removed"),
    ].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  /// What the two audits rest on, compared: `model changed (sha256 5b0ebc882ce1 →
  /// 0a1b2c3d4e5f)`, `policy ecoa-reg-b 2026.1 → 2026.2`, `reason-code table changed`; empty
  /// when nothing differs.
  ///
  /// Scoring commands, packs read because an applied policy extends them and supporting
  /// files are recorded since fairgate 0.3.0: against a baseline of an earlier version one
  /// of them is said to be recorded now, not added.
  var inputChanges: [String] {
    var changes: [String] = []
    let predates = Self.version(baseline.tool.version, isBefore: "0.3.0")
    let unrecorded = " (fairgate \(baseline.tool.version) may not have recorded it)"
    switch (baseline.model, current.model) {
    case (let before?, let after?) where before.sha256 != after.sha256:
      changes.append("model changed (sha256 \(short(before.sha256)) → \(short(after.sha256)))")
    case (nil, let after?) where predates && after.path.hasPrefix("command: "):
      changes.append("scoring command recorded, none in the baseline" + unrecorded)
    case (nil, _?): changes.append("model added")
    case (_?, nil): changes.append("model removed")
    default: break
    }
    if baseline.data.sha256 != current.data.sha256 {
      changes.append(
        "data changed (sha256 \(short(baseline.data.sha256)) → \(short(current.data.sha256)))")
    }
    switch (baseline.manifest, current.manifest) {
    case (let before?, let after?) where before.sha256 != after.sha256:
      changes.append("manifest changed")
    case (nil, _?): changes.append("manifest added")
    case (_?, nil): changes.append("manifest removed")
    default: break
    }
    let before = Dictionary(
      baseline.policies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let after = Set(current.policies.map(\.id))
    for policy in current.policies {
      guard let old = before[policy.id] else {
        let extended = policy.extendedBy.map { " (extended by \($0.joined(separator: ", ")))" }
        if let extended, predates {
          changes.append(
            "policy \(policy.id) \(policy.version)\(extended) recorded, not in the baseline"
              + unrecorded)
        } else {
          changes.append("policy \(policy.id) \(policy.version)\(extended ?? "") added")
        }
        continue
      }
      if old.version != policy.version {
        changes.append("policy \(policy.id) \(old.version) → \(policy.version)")
      } else if old.sha256 != policy.sha256 {
        changes.append("policy \(policy.id) \(policy.version) edited")
      }
    }
    for policy in baseline.policies where !after.contains(policy.id) {
      changes.append("policy \(policy.id) \(policy.version) removed")
    }
    let files = Dictionary(
      (baseline.supportingFiles ?? []).map { ($0.role, $0) },
      uniquingKeysWith: { first, _ in first })
    for file in current.supportingFiles ?? [] {
      if let old = files[file.role] {
        if old.sha256 != file.sha256 { changes.append("\(file.role) changed") }
      } else {
        changes.append("\(file.role) " + (predates ? "recorded" + unrecorded : "added"))
      }
    }
    let roles = Set((current.supportingFiles ?? []).map(\.role))
    for file in baseline.supportingFiles ?? [] where !roles.contains(file.role) {
      changes.append("\(file.role) removed")
    }
    return changes
  }

  /// Whether a version such as `0.2.0` comes before `other`, compared number by number; a
  /// version that is not numbers is taken as current.
  static func version(_ version: String, isBefore other: String) -> Bool {
    func numbers(_ text: String) -> [Int]? {
      let parts = text.split(separator: ".").map { Int($0) }
      return parts.contains(nil) ? nil : parts.compactMap { $0 }
    }
    guard let mine = numbers(version), let theirs = numbers(other) else { return false }
    for index in 0..<max(mine.count, theirs.count) {
      let (a, b) = (
        index < mine.count ? mine[index] : 0, index < theirs.count ? theirs[index] : 0
      )
      if a != b { return a < b }
    }
    return false
  }

  /// The identifiers of the rules only one audit applied.
  var changedRuleIdentifiers: (added: Set<String>, removed: Set<String>) {
    (Set(rulesAdded.map(\.ruleIdentifier)), Set(rulesRemoved.map(\.ruleIdentifier)))
  }

  /// An audit's verdict counts: `85 fail, 1,017 pass, 0 waived, 205 insufficient data`.
  static func verdictsPhrase(_ verdicts: FindingsDocument.Summary.VerdictCounts) -> String {
    "\(ReportNumber.count(verdicts.fail)) fail, \(ReportNumber.count(verdicts.pass)) pass, "
      + "\(ReportNumber.count(verdicts.waived)) waived, "
      + "\(ReportNumber.count(verdicts.insufficientData)) insufficient data"
  }

  /// An audit's gate: `FAILED (gate fails on error)`.
  static func gatePhrase(_ gate: FindingsDocument.Gate) -> String {
    let rule = gate.failOn == .never ? "gate never fails" : "gate fails on \(gate.failOn.rawValue)"
    return "\(gate.failed ? "FAILED" : "PASSED") (\(rule))"
  }

  /// The severities a threshold counts: `error`, `warning or error`.
  static func thresholdPhrase(_ threshold: FindingsDocument.Gate.Threshold) -> String {
    switch threshold {
    case .error: "error"
    case .warning: "warning or error"
    case .never: "none (--fail-on never)"
    }
  }

  private static func counted(_ count: Int, _ singular: String, _ plural: String) -> String? {
    count == 0 ? nil : "\(ReportNumber.count(count)) \(count == 1 ? singular : plural)"
  }

  private func short(_ digest: String) -> String { String(digest.prefix(12)) }
}

extension FindingsDiff.FindingChange {
  /// The metric in words: `impact_ratio` reads `impact ratio`.
  var metricName: String { String(metric.map { $0 == "_" || $0 == "-" ? " " : $0 }) }

  /// How the verdict went: `PASS → FAIL (error)`, `new rule: FAIL (error)`,
  /// `FAIL (warning) → subject removed`, with `waiver expired` when a waiver lapsed.
  func transition(addedRules: Set<String>, removedRules: Set<String>) -> String {
    var text: String
    switch (baseline, current) {
    case (let before?, let after?): text = "\(before.label) → \(after.label)"
    case (nil, let after?):
      text = (addedRules.contains(ruleIdentifier) ? "new rule: " : "new subject: ") + after.label
    case (let before?, nil):
      text =
        before.label
        + (removedRules.contains(ruleIdentifier) ? " → rule removed" : " → subject removed")
    case (nil, nil): text = "absent"
    }
    if current?.waiver == .expired && baseline?.verdict == .waived { text += ", waiver expired" }
    return text
  }

  /// The baseline's side of the transition, short: `was PASS`, `new rule`, `new subject`,
  /// `was WAIVED, waiver expired`.
  func origin(addedRules: Set<String>) -> String {
    guard let baseline else {
      return addedRules.contains(ruleIdentifier) ? "new rule" : "new subject"
    }
    var text = "was \(baseline.label)"
    if current?.waiver == .expired && baseline.verdict == .waived { text += ", waiver expired" }
    return text
  }

  /// The values and requirements: `impact ratio 0.812 → 0.765; requirement >= 0.8`, or
  /// `nil` when neither side has a value.
  var valuesPhrase: String? {
    var parts: [String] = []
    if let values = valuesText { parts.append("\(metricName) \(values)") }
    switch (baseline?.requirement, current?.requirement) {
    case (let before?, let after?) where before != after:
      parts.append("requirement \(before) → \(after)")
    case (_, let requirement?), (let requirement?, nil):
      parts.append("requirement \(requirement)")
    case (nil, nil): break
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// The values: `0.812 → 0.765`, `0.920 → —` when the current audit measured none, a
  /// single value when only one audit has the finding; `nil` without values.
  var valuesText: String? {
    func shown(_ state: FindingsDiff.FindingState?) -> String? {
      state.flatMap { state in
        state.value.map { ReportNumber.value($0, beside: state.requirementBounds ?? []) }
      }
    }
    let before = shown(baseline)
    let after = shown(current)
    guard before != nil || after != nil else { return nil }
    guard baseline != nil, current != nil else { return before ?? after }
    return "\(before ?? "—") → \(after ?? "—")"
  }

  /// The state that matters for the section: the current one, else the baseline's.
  var latest: FindingsDiff.FindingState? { current ?? baseline }
}

extension FindingsDiff.MetricMove {
  /// The metric in words.
  var metricName: String { String(metric.map { $0 == "_" || $0 == "-" ? " " : $0 }) }

  /// The baseline value, never rounded across an end of the current interval it is judged
  /// against.
  var baselineValueText: String {
    ReportNumber.value(baselineValue, beside: currentInterval.map { [$0.lower, $0.upper] } ?? [])
  }

  /// The current value, never rounded across an end of the baseline's interval.
  var currentValueText: String {
    ReportNumber.value(currentValue, beside: baselineInterval.map { [$0.lower, $0.upper] } ?? [])
  }

  /// The change with its sign: `+0.012`, `-0.047`.
  var changeText: String {
    let text = ReportNumber.value(change)
    return change > 0 ? "+" + text : text
  }

  /// The crossing with the intervals: `current value outside the baseline's 95% CI [0.790,
  /// 0.830]`.
  var crossingPhrase: String {
    // Each interval's ends kept on their side of the other audit's value.
    let before =
      baselineInterval.map { ReportNumber.intervalWithLevel($0, beside: currentValue) } ?? "—"
    let after =
      currentInterval.map { ReportNumber.intervalWithLevel($0, beside: baselineValue) } ?? "—"
    switch crossing {
    case .currentOutsideBaselineInterval: return "current value outside the baseline's \(before)"
    case .baselineOutsideCurrentInterval: return "baseline value outside the current \(after)"
    case .both:
      return "each value outside the other's interval: baseline \(before), current \(after)"
    }
  }
}
