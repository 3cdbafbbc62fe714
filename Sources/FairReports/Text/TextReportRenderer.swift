/// Renders the terminal summary of an audit: the outcome, the verdict counts, then every
/// failure with its evidence and citation.
///
/// ANSI colour is used only when ``RenderContext/colour`` says so; the command line decides
/// from `isatty` and `NO_COLOR`. Control characters in the data are shown escaped, so a
/// hostile category name cannot drive the terminal.
public struct TextReportRenderer: ReportRenderer {
  /// Creates the renderer.
  public init() {}

  /// The format this renderer writes, ``ReportFormat/text``.
  public var format: ReportFormat { .text }

  /// Renders the summary.
  ///
  /// - Complexity: O(*n*) for *n* findings.
  public func render(_ document: FindingsDocument, in context: RenderContext) -> String {
    let terminal = TerminalText(colour: context.colour)
    let safe = TerminalText.safe
    var lines: [String] = []
    lines.append(
      terminal.styled("\(safe(document.tool.name)) \(safe(document.tool.version))", .bold)
        + " fairness audit")
    lines.append(
      "Generated \(safe(document.generatedAt)); waivers judged as of \(safe(document.asOf))")
    lines.append(contentsOf: provenanceLines(document))
    lines.append("")
    lines.append(outcomeLine(document, terminal))
    lines.append(countsLine(document.summary))
    let failures = document.findings.failuresBySeverity
    for finding in failures {
      lines.append("")
      lines.append(contentsOf: failureLines(finding, terminal))
    }
    let insufficient = document.findings.filter { $0.verdict == .insufficientData }
    if !insufficient.isEmpty {
      lines.append("")
      lines.append(terminal.styled("Insufficient data", .bold))
      for finding in insufficient {
        let size = finding.groupSize.map { " (n \(ReportNumber.count($0)))" } ?? ""
        lines.append(
          "  \(safe(finding.ruleIdentifier))  \(safe(finding.subject.display))\(size)")
      }
    }
    let waived = document.findings.filter { $0.verdict == .waived }
    if !waived.isEmpty {
      lines.append("")
      lines.append(terminal.styled("Waived", .bold))
      for finding in waived {
        lines.append(
          "  \(safe(finding.ruleIdentifier))  \(safe(finding.subject.display))"
            + (finding.waiver.map { "  until \(safe($0.expires)) (\(safe($0.approver)))" } ?? ""))
      }
    }
    let unmatched = document.waivers.filter { $0.status == .unmatched }
    if !unmatched.isEmpty {
      lines.append("")
      lines.append(terminal.styled("Waivers that matched no failure", .bold))
      for waiver in unmatched {
        lines.append(
          "  \(safe(waiver.rule))" + (waiver.subject.map { "  \(safe($0))" } ?? "")
            + "  expires \(safe(waiver.expires))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func provenanceLines(_ document: FindingsDocument) -> [String] {
    let safe = TerminalText.safe
    let provenance = document.provenance
    var lines: [String] = []
    let data = provenance.data
    lines.append(
      "Data      \(safe(data.path))  \(ReportNumber.count(data.rows)) rows"
        + " (\(ReportNumber.count(data.rowsUsed)) used)  sha256 \(short(data.sha256))")
    if let model = provenance.model, model.isCommand {
      lines.append(
        "Model     \(safe(model.path))  sha256 \(short(model.sha256)) of the command line (the"
          + " program it runs is not hashed)")
    } else if let model = provenance.model {
      lines.append(
        "Model     \(safe(model.path))  \(safe(model.summary))  sha256 \(short(model.sha256))")
    } else {
      lines.append("Model     none (\(document.method.decisionRule.source.rawValue))")
    }
    if !provenance.policies.isEmpty {
      lines.append(
        "Policies  "
          + provenance.policies.map { safe($0.label) }.joined(separator: ", "))
    }
    if let sentence = document.partitionsSentence {
      lines.append("Evidence  " + safe(sentence))
    }
    if !document.ll144Missing.isEmpty {
      lines.append("LL144     " + FindingsDocument.ll144IncompleteHeading + ":")
      for line in document.ll144Missing { lines.append("  - " + safe(line)) }
    }
    if !document.unavailableEvidence.isEmpty {
      lines.append(FindingsDocument.unavailableHeading + ":")
      for line in document.unavailableEvidence { lines.append("  - " + safe(line)) }
    }
    return lines
  }

  private func outcomeLine(_ document: FindingsDocument, _ terminal: TerminalText) -> String {
    let gate = document.summary.gate
    let outcome =
      gate.failed ? terminal.styled("FAILED", .red) : terminal.styled("PASSED", .green)
    let rule =
      gate.failOn == .never ? "gate never fails" : "gate fails on \(gate.failOn.rawValue)"
    return "Result: \(outcome) (\(rule); exit status \(gate.exitStatus))"
  }

  private func countsLine(_ summary: FindingsDocument.Summary) -> String {
    let verdicts = summary.verdicts
    let failures = summary.failures
    var failParts: [String] = []
    if failures.error > 0 { failParts.append("\(failures.error) error") }
    if failures.warning > 0 { failParts.append("\(failures.warning) warning") }
    if failures.info > 0 { failParts.append("\(failures.info) info") }
    let failText =
      "\(verdicts.fail) fail" + (failParts.isEmpty ? "" : " (\(failParts.joined(separator: ", ")))")
    return "Findings: \(verdicts.total) total: \(failText), \(verdicts.pass) pass, "
      + "\(verdicts.waived) waived, \(verdicts.insufficientData) insufficient data"
  }

  private func failureLines(
    _ finding: FindingsDocument.Finding, _ terminal: TerminalText
  ) -> [String] {
    let safe = TerminalText.safe
    let style: TerminalText.Style =
      switch finding.severity {
      case .error: .red
      case .warning: .yellow
      case .info: .cyan
      }
    let label =
      finding.statusLabel + String(repeating: " ", count: max(0, 5 - finding.statusLabel.count))
    var header =
      terminal.styled(label, style) + " \(safe(finding.ruleIdentifier))"
      + "  \(safe(finding.subject.display))"
    if finding.advisory { header += "  (advisory)" }
    var lines = [header]
    let indent = "      "
    if let qualifier = finding.qualifier { lines.append(indent + safe(qualifier)) }
    lines.append(indent + safe(finding.evidenceLine))
    lines.append(indent + safe(finding.message))
    // One line per source: a citation's own text may hold "; ".
    for citation in finding.citations.isEmpty ? ["no citation"] : finding.citations.map(\.summary) {
      lines.append(indent + terminal.styled("Cite: " + safe(citation), .dim))
    }
    if let waiverText = finding.waiverText { lines.append(indent + safe(waiverText)) }
    return lines
  }

  private func short(_ digest: String) -> String {
    TerminalText.safe(String(digest.prefix(12)))
  }
}
