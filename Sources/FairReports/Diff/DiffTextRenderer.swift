/// Renders a diff for a terminal: the two audits, what their inputs changed, the counts,
/// then each non-empty list.
///
/// ANSI colour is used only when ``RenderContext/colour`` says so. Control characters from
/// the documents are shown escaped, as in ``TextReportRenderer``.
public struct DiffTextRenderer: Sendable {
  /// Creates the renderer.
  public init() {}

  /// Renders the whole diff.
  ///
  /// - Returns: The text, ending in a newline.
  /// - Complexity: O(*n*) for *n* entries in the diff.
  public func render(_ diff: FindingsDiff, in context: RenderContext) -> String {
    let terminal = TerminalText(colour: context.colour)
    var lines = [terminal.styled("fairgate diff", .bold)]
    lines.append(auditLine("Baseline", diff.baseline))
    lines.append(auditLine("Current", diff.current))
    let inputs = diff.inputChanges
    lines.append(
      "Inputs    "
        + (inputs.isEmpty
          ? "model, data, manifest and policies unchanged"
          : safe(inputs.joined(separator: "; "))))
    lines.append("")
    if let gate = diff.regressionGate {
      lines.append(contentsOf: regressionLines(gate, diff, terminal))
      lines.append("")
    }
    lines.append(contentsOf: changeLines(diff, terminal))
    return lines.joined(separator: "\n") + "\n"
  }

  /// Renders the part of the diff that `fairgate audit --baseline` appends to its summary:
  /// the baseline, the counts of changes, the regressions and the regression gate.
  ///
  /// - Returns: The text, starting with a blank line and ending in a newline.
  /// - Complexity: O(*r*) for *r* regressions.
  public func renderRegressions(_ diff: FindingsDiff, in context: RenderContext) -> String {
    let terminal = TerminalText(colour: context.colour)
    var lines = [""]
    lines.append(
      terminal.styled("Baseline", .bold) + "  \(safe(diff.baseline.file ?? "(not saved)"))"
        + "  generated \(safe(diff.baseline.generatedAt))")
    lines.append(
      "Changes against the baseline: "
        + (diff.countsPhrase.map { $0 + " ('fairgate diff' lists them)" } ?? "none"))
    if let gate = diff.regressionGate {
      lines.append(contentsOf: regressionLines(gate, diff, terminal))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func auditLine(_ name: String, _ audit: FindingsDiff.AuditReference) -> String {
    let label = name + String(repeating: " ", count: max(1, 10 - name.count))
    return label + safe(audit.file ?? "(not saved)") + "  generated \(safe(audit.generatedAt))"
      + "  \(FindingsDiff.gatePhrase(audit.gate))  \(FindingsDiff.verdictsPhrase(audit.verdicts))"
  }

  private func regressionLines(
    _ gate: FindingsDiff.RegressionGate, _ diff: FindingsDiff, _ terminal: TerminalText
  ) -> [String] {
    var lines: [String] = []
    let threshold = FindingsDiff.thresholdPhrase(gate.failOn)
    if gate.regressions.isEmpty {
      lines.append(
        "Regressions: none; no finding of severity \(threshold) fails that did not fail in"
          + " the baseline")
    } else {
      let count = gate.regressions.count
      lines.append(
        terminal.styled("Regressions: \(ReportNumber.count(count))", .bold)
          + " finding\(count == 1 ? "" : "s") of severity \(threshold) fail"
          + "\(count == 1 ? "s" : "") that did not fail in the baseline")
      let rules = diff.changedRuleIdentifiers
      for change in gate.regressions {
        lines.append(
          "  " + statusLabel(change, terminal) + " \(safe(change.ruleIdentifier))"
            + "  \(safe(change.subject))"
            + "  (\(safe(change.origin(addedRules: rules.added))))")
      }
    }
    let outcome =
      gate.failed ? terminal.styled("FAILED", .red) : terminal.styled("PASSED", .green)
    if gate.enforced {
      lines.append(
        "Regression gate: \(outcome) (--fail-on-regression decides the exit status:"
          + " \(gate.exitStatus))")
    } else {
      lines.append(
        "Regression gate: \(outcome), not enforced (add --fail-on-regression to fail only on"
          + " regressions; exit status \(gate.exitStatus) from the audit's gate)")
    }
    return lines
  }

  private func changeLines(_ diff: FindingsDiff, _ terminal: TerminalText) -> [String] {
    guard let counts = diff.countsPhrase else {
      return [
        "Changes: none; the same rules and subjects with the same verdicts, and no value"
          + " moved beyond an interval"
      ]
    }
    var lines = ["Changes: " + counts]
    let rules = diff.changedRuleIdentifiers
    let otherChanges = diff.verdictChanges.filter { change in
      change.baseline?.verdict != .fail && change.current?.verdict != .fail
    }
    let sections: [(String, [FindingsDiff.FindingChange])] = [
      ("New failures", diff.newFailures),
      ("Resolved failures", diff.resolvedFailures),
      ("Other verdict changes", otherChanges),
    ]
    for (title, changes) in sections where !changes.isEmpty {
      lines.append("")
      lines.append(terminal.styled("\(title) (\(ReportNumber.count(changes.count)))", .bold))
      for change in changes {
        lines.append(contentsOf: entryLines(change, rules))
      }
    }
    if !diff.metricMoves.isEmpty {
      lines.append("")
      lines.append(
        terminal.styled(
          "Metrics beyond their interval (\(ReportNumber.count(diff.metricMoves.count)))", .bold))
      for move in diff.metricMoves {
        lines.append("  \(safe(move.ruleIdentifier))  \(safe(move.subject))")
        lines.append(
          "      \(safe(move.metricName)) \(move.baselineValueText) → "
            + "\(move.currentValueText) (\(move.changeText));"
            + " \(move.crossingPhrase)")
      }
    }
    for (title, changes) in [
      ("Rules added", diff.rulesAdded), ("Rules removed", diff.rulesRemoved),
    ]
    where !changes.isEmpty {
      lines.append("")
      lines.append(terminal.styled("\(title) (\(ReportNumber.count(changes.count)))", .bold))
      for rule in changes {
        lines.append(
          "  \(safe(rule.ruleIdentifier))  \(safe(rule.title)) (\(safe(rule.policy))"
            + " \(safe(rule.policyVersion))): \(ReportNumber.count(rule.subjects))"
            + " subject\(rule.subjects == 1 ? "" : "s"),"
            + " \(ReportNumber.count(rule.failures)) failing")
      }
    }
    for (title, changes) in [
      ("Subjects added", diff.subjectsAdded), ("Subjects removed", diff.subjectsRemoved),
    ] where !changes.isEmpty {
      lines.append("")
      lines.append(terminal.styled("\(title) (\(ReportNumber.count(changes.count)))", .bold))
      for change in changes {
        lines.append(
          "  \(safe(change.ruleIdentifier))  \(safe(change.subject))"
            + "  \(change.latest?.label ?? "")")
      }
    }
    return lines
  }

  private func entryLines(
    _ change: FindingsDiff.FindingChange, _ rules: (added: Set<String>, removed: Set<String>)
  ) -> [String] {
    var header = "  \(safe(change.ruleIdentifier))  \(safe(change.subject))"
    if change.latest?.advisory == true { header += "  (advisory)" }
    var detail = change.transition(addedRules: rules.added, removedRules: rules.removed)
    if let values = change.valuesPhrase { detail += "; " + values }
    return [header, "      " + safe(detail)]
  }

  private func statusLabel(_ change: FindingsDiff.FindingChange, _ terminal: TerminalText)
    -> String
  {
    guard let current = change.current else { return "     " }
    let (label, style): (String, TerminalText.Style) =
      switch current.severity {
      case .error: ("FAIL", .red)
      case .warning: ("WARN", .yellow)
      case .info: ("INFO", .cyan)
      }
    return terminal.styled(label, style) + String(repeating: " ", count: 5 - label.count)
  }

  private func safe(_ text: String) -> String { TerminalText.safe(text) }
}
