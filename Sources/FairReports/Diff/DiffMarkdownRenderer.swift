/// Renders a diff as Markdown for a pull-request comment: the two audits side by side, the
/// regression gate when `fairgate audit --baseline` wrote the diff, then one table per
/// non-empty list.
///
/// The comment never exceeds ``RenderContext/markdownCharacterLimit`` (counted in UTF-8
/// bytes): when the tables do not fit, rows are left out from the end of the later tables
/// first, and a line says how many. Every value from the documents is escaped.
public struct DiffMarkdownRenderer: Sendable {
  /// Creates the renderer.
  public init() {}

  private struct Section {
    var heading: String
    var header: String
    var rows: [String]
  }

  /// Renders the comment.
  ///
  /// - Returns: The Markdown, ending in a newline.
  /// - Complexity: O(*n*) for *n* entries in the diff.
  public func render(_ diff: FindingsDiff, in context: RenderContext) -> String {
    let head = header(diff)
    let sections = self.sections(diff)
    let footer =
      "\n_Every change is in the `fairgate.diff/1` JSON document (`fairgate diff --format"
      + " json`)._\n"
    let longestNote = truncationNote(omitted: 1_000_000, of: 1_000_000, context)
    var budget = context.markdownCharacterLimit - head.utf8.count - footer.utf8.count
    for section in sections {
      budget -= section.heading.utf8.count + section.header.utf8.count + longestNote.utf8.count
    }
    var text = head
    var exhausted = false
    for section in sections {
      var taken = 0
      if !exhausted {
        for row in section.rows {
          guard row.utf8.count <= budget else {
            exhausted = true
            break
          }
          budget -= row.utf8.count
          taken += 1
        }
      }
      text += section.heading + section.header + section.rows.prefix(taken).joined()
      if taken < section.rows.count {
        text += truncationNote(omitted: section.rows.count - taken, of: section.rows.count, context)
      }
    }
    return text + footer
  }

  private func header(_ diff: FindingsDiff) -> String {
    let e = { (text: String) in MarkdownText.escaped(text) }
    var text = "### fairgate diff: "
    if let counts = diff.countsPhrase {
      text += diff.summary.newFailures > 0 ? "**\(counts)**" : counts
    } else {
      text += "no changes"
    }
    text += "\n\n| | Baseline | Current |\n|---|---|---|\n"
    let rows: [(String, (FindingsDiff.AuditReference) -> String)] = [
      ("Findings", { e($0.file ?? "(not saved)") }),
      ("Generated", { e($0.generatedAt) }),
      ("Gate", { FindingsDiff.gatePhrase($0.gate) }),
      ("Verdicts", { FindingsDiff.verdictsPhrase($0.verdicts) }),
      (
        "Policies",
        { $0.policies.map { e($0.label) }.joined(separator: ", ") }
      ),
    ]
    for (name, cell) in rows {
      text += "| \(name) | \(cell(diff.baseline)) | \(cell(diff.current)) |\n"
    }
    let inputs = diff.inputChanges
    text +=
      "\nInputs: "
      + (inputs.isEmpty
        ? "model, data, manifest and policies unchanged" : e(inputs.joined(separator: "; ")))
      + ".\n"
    if let gate = diff.regressionGate {
      text += "\n#### Regression gate: **\(gate.failed ? "FAILED" : "PASSED")**\n\n"
      let threshold = FindingsDiff.thresholdPhrase(gate.failOn)
      let count = gate.regressions.count
      text +=
        count == 0
        ? "No finding of severity \(threshold) fails that did not fail in the baseline"
        : "\(ReportNumber.count(count)) finding\(count == 1 ? "" : "s") of severity"
          + " \(threshold) fail\(count == 1 ? "s" : "") that did not fail in the baseline"
          + " (listed first under new failures)"
      text +=
        gate.enforced
        ? "; `--fail-on-regression` decides the exit status: \(gate.exitStatus).\n"
        : "; not enforced: the exit status, \(gate.exitStatus), is the audit's own gate's.\n"
    }
    return text
  }

  private func sections(_ diff: FindingsDiff) -> [Section] {
    let e = { (text: String) in MarkdownText.escaped(text) }
    let rules = diff.changedRuleIdentifiers
    let findingHeader =
      "| Rule | Subject | Baseline | Current | Value | Requirement |\n"
      + "|---|---|---|---|---:|---|\n"
    func findingRow(_ change: FindingsDiff.FindingChange) -> String {
      let before =
        change.baseline.map { cell($0) }
        ?? (rules.added.contains(change.ruleIdentifier) ? "new rule" : "new subject")
      let after =
        change.current.map { cell($0) }
        ?? (rules.removed.contains(change.ruleIdentifier) ? "rule removed" : "subject removed")
      let requirements = [change.baseline?.requirement, change.current?.requirement]
        .compactMap { $0 }
      let requirement =
        Set(requirements).count > 1
        ? requirements.map(e).joined(separator: " → ") : e(requirements.first ?? "")
      return "| \(e(change.ruleIdentifier)) | \(e(change.subject)) | \(before) | \(after)"
        + " | \(change.valuesText ?? "—") | \(requirement) |\n"
    }
    let otherChanges = diff.verdictChanges.filter { change in
      change.baseline?.verdict != .fail && change.current?.verdict != .fail
    }
    var sections: [Section] = []
    for (title, changes) in [
      ("New failures", diff.newFailures), ("Resolved failures", diff.resolvedFailures),
      ("Other verdict changes", otherChanges),
    ] where !changes.isEmpty {
      sections.append(
        Section(
          heading: heading(title, changes.count), header: findingHeader,
          rows: changes.map(findingRow)))
    }
    if !diff.metricMoves.isEmpty {
      sections.append(
        Section(
          heading: heading("Metrics beyond their interval", diff.metricMoves.count),
          header: "| Rule | Subject | Metric | Baseline | Current | Change | Outside |\n"
            + "|---|---|---|---:|---:|---:|---|\n",
          rows: diff.metricMoves.map { move in
            "| \(e(move.ruleIdentifier)) | \(e(move.subject)) | \(e(move.metricName))"
              + " | \(move.baselineValueText)"
              + (move.baselineInterval.map { " " + ReportNumber.interval($0) } ?? "")
              + " | \(move.currentValueText)"
              + (move.currentInterval.map { " " + ReportNumber.interval($0) } ?? "")
              + " | \(move.changeText) | \(move.crossing.phrase) |\n"
          }))
    }
    for (title, changes) in [
      ("Rules added", diff.rulesAdded), ("Rules removed", diff.rulesRemoved),
    ]
    where !changes.isEmpty {
      sections.append(
        Section(
          heading: heading(title, changes.count),
          header: "| Rule | Title | Policy version | Subjects | Failing |\n"
            + "|---|---|---|---:|---:|\n",
          rows: changes.map { rule in
            "| \(e(rule.ruleIdentifier)) | \(e(rule.title)) | \(e(rule.policyVersion))"
              + " | \(ReportNumber.count(rule.subjects)) | \(ReportNumber.count(rule.failures)) |\n"
          }))
    }
    for (title, changes) in [
      ("Subjects added", diff.subjectsAdded), ("Subjects removed", diff.subjectsRemoved),
    ] where !changes.isEmpty {
      sections.append(
        Section(
          heading: heading(title, changes.count),
          header: "| Rule | Subject | Verdict |\n|---|---|---|\n",
          rows: changes.map { change in
            "| \(e(change.ruleIdentifier)) | \(e(change.subject))"
              + " | \(change.latest.map { cell($0) } ?? "—") |\n"
          }))
    }
    return sections
  }

  private func heading(_ title: String, _ count: Int) -> String {
    "\n#### \(title) (\(ReportNumber.count(count)))\n\n"
  }

  private func cell(_ state: FindingsDiff.FindingState) -> String {
    var text = state.label
    if state.verdict == .fail {
      text = "**FAIL** (\(state.severity.rawValue)\(state.advisory ? ", advisory" : ""))"
    }
    if state.waiver == .expired { text += ", waiver expired" }
    return text
  }

  private func truncationNote(omitted: Int, of total: Int, _ context: RenderContext) -> String {
    "\n_\(ReportNumber.count(omitted)) of \(ReportNumber.count(total)) rows left out to stay"
      + " under \(ReportNumber.count(context.markdownCharacterLimit)) characters._\n"
  }
}
