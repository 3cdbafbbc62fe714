/// Renders a pull-request comment: the outcome and verdict counts, a table of failures and
/// warnings, and the other findings in a collapsed `<details>` block.
///
/// The comment never exceeds ``RenderContext/markdownCharacterLimit`` (GitHub's 65,536
/// characters by default), counted in UTF-8 bytes so it holds under any count. When the
/// findings do not fit, rows are left out from the end of each table, failures last, and
/// a line says how many were left out and where the full report is. When a rule read the
/// loss evidence, compact loss tables follow the failures: each slice's mean loss and cost
/// against the reference, and each slice's loss gap with its largest feature contributions
/// and outcome mix; they are left out whole, with a line saying so, when they do not fit. Every value from the
/// data, model or policies is escaped, so a category named `<script>` or `| x |` reads as
/// text and cannot break a table.
public struct MarkdownReportRenderer: ReportRenderer {
  /// Creates the renderer.
  public init() {}

  /// The format this renderer writes, ``ReportFormat/markdown``.
  public var format: ReportFormat { .markdown }

  /// Renders the comment.
  ///
  /// - Complexity: O(*n*) for *n* findings.
  public func render(_ document: FindingsDocument, in context: RenderContext) -> String {
    let e = { (text: String) in MarkdownText.escaped(text) }
    let failures = document.findings.failuresBySeverity.filter(\.isFailureOrWarning)
    let others =
      document.findings.failuresBySeverity.filter { !$0.isFailureOrWarning }
      + [.insufficientData, .waived, .pass].flatMap { verdict in
        document.findings.filter { $0.verdict == verdict }
      }

    var head = header(document)
    head += "\n#### Failures and warnings\n\n"
    let failureTable = Table(
      header: "| Status | Rule | Subject | Value | Requirement | Interval | p | Citation |\n"
        + "|---|---|---|---:|---|---|---:|---|\n",
      rows: failures.map { finding in
        "| **\(finding.statusLabel)**\(finding.advisory ? " (advisory)" : "")"
          + (finding.qualifier.map { "<br>" + e($0) } ?? "")
          + " | \(e(finding.ruleIdentifier)) | \(e(finding.subject.display))"
          + " | \(finding.valueText) | \(e(finding.requirement)) | \(finding.intervalText)"
          + " | \(finding.pValueCellText)"
          + " | \(citationLinks(finding)) |\n"
      },
      emptyText: "None.\n")
    let otherTable = Table(
      header: "| Verdict | Rule | Subject | Value | Requirement | Note |\n"
        + "|---|---|---|---:|---|---|\n",
      rows: others.map { finding in
        "| \(finding.statusLabel) | \(e(finding.ruleIdentifier))"
          + " | \(e(finding.subject.display)) | \(finding.valueText)"
          + " | \(e(finding.requirement)) | \(e(note(finding))) |\n"
      },
      emptyText: "")
    let detailsOpen =
      "\n<details>\n<summary>Other findings (\(ReportNumber.count(others.count)))</summary>\n\n"
    let detailsClose = "\n</details>\n"
    let footer = "\n" + fullReportLine(context) + "\n"
    let lossText = lossTables(document)
    let lossNote =
      lossText.isEmpty
      ? ""
      : "\n_Loss tables left out to stay under"
        + " \(ReportNumber.count(context.markdownCharacterLimit)) characters; "
        + fullReportPointer(context) + "._\n"

    // Reserve room for both truncation notes at their longest, then fill the tables in
    // order until the budget is spent.
    let longestNote = truncationNote(
      omitted: document.findings.count, of: document.findings.count, context)
    var budget =
      context.markdownCharacterLimit - head.utf8.count - footer.utf8.count
      - 2 * longestNote.utf8.count - failureTable.header.utf8.count
      - failureTable.emptyText.utf8.count - lossNote.utf8.count
    if !others.isEmpty {
      budget -= detailsOpen.utf8.count + detailsClose.utf8.count + otherTable.header.utf8.count
    }
    let failureRows = failureTable.take(budget: &budget)
    // The loss tables explain loss findings, so they come before the other findings.
    let showsLoss = !lossText.isEmpty && lossText.utf8.count <= budget
    if showsLoss { budget -= lossText.utf8.count }
    let otherRows = failureRows.count == failures.count ? otherTable.take(budget: &budget) : []

    var text = head
    text += failureTable.render(rows: failureRows)
    if failureRows.count < failures.count {
      text += truncationNote(
        omitted: failures.count - failureRows.count, of: failures.count, context)
    }
    text += showsLoss ? lossText : lossNote
    if !others.isEmpty {
      text += detailsOpen
      if otherRows.isEmpty {
        text += "_No room left for these rows._\n"
      } else {
        text += otherTable.render(rows: otherRows)
      }
      if otherRows.count < others.count {
        text += truncationNote(omitted: others.count - otherRows.count, of: others.count, context)
      }
      text += detailsClose
    }
    text += footer
    return text
  }

  private struct Table {
    var header: String
    var rows: [String]
    var emptyText: String

    /// The leading rows that fit in `budget`, which shrinks by their size.
    func take(budget: inout Int) -> [String] {
      var taken: [String] = []
      for row in rows {
        let size = row.utf8.count
        guard size <= budget else { break }
        budget -= size
        taken.append(row)
      }
      return taken
    }

    func render(rows: [String]) -> String {
      rows.isEmpty && self.rows.isEmpty ? emptyText : header + rows.joined()
    }
  }

  private func header(_ document: FindingsDocument) -> String {
    let summary = document.summary
    let gate = summary.gate
    let outcome = gate.failed ? "FAILED" : "PASSED"
    let gateText =
      gate.failOn == .never ? "the gate never fails" : "the gate fails on \(gate.failOn.rawValue)"
    var failParts: [String] = []
    if summary.failures.error > 0 { failParts.append("\(summary.failures.error) error") }
    if summary.failures.warning > 0 { failParts.append("\(summary.failures.warning) warning") }
    if summary.failures.info > 0 { failParts.append("\(summary.failures.info) info") }
    let verdicts = summary.verdicts
    var text = "### \(MarkdownText.escaped(document.tool.name)) fairness audit: **\(outcome)**\n\n"
    text +=
      "\(ReportNumber.count(verdicts.total)) findings: **\(verdicts.fail) fail**"
      + (failParts.isEmpty ? "" : " (\(failParts.joined(separator: ", ")))")
      + " · \(verdicts.pass) pass · \(verdicts.waived) waived"
      + " · \(verdicts.insufficientData) insufficient data"
      + " — \(gateText), exit status \(gate.exitStatus)\n\n"
    let provenance = document.provenance
    var facts = [
      "Data \(MarkdownText.escaped(provenance.data.path))"
        + " (\(ReportNumber.count(provenance.data.rowsUsed)) of"
        + " \(ReportNumber.count(provenance.data.rows)) rows used)"
    ]
    if let model = provenance.model {
      facts.append(
        "model \(MarkdownText.escaped(model.path))"
          + (model.isCommand ? " (the program it runs is not hashed)" : ""))
    }
    if !provenance.policies.isEmpty {
      facts.append(
        "policies "
          + provenance.policies.map { MarkdownText.escaped($0.label) }.joined(separator: ", "))
    }
    facts.append("as of \(MarkdownText.escaped(document.asOf))")
    facts.append(
      "\(MarkdownText.escaped(document.tool.name)) \(MarkdownText.escaped(document.tool.version))"
    )
    text += facts.joined(separator: " · ") + "\n"
    if let sentence = document.partitionsSentence {
      text += "\n" + MarkdownText.escaped(sentence) + "\n"
    }
    if !document.ll144Missing.isEmpty {
      text += "\nNYC Local Law 144 summary: " + FindingsDocument.ll144IncompleteHeading + ":\n\n"
      for line in document.ll144Missing { text += "- " + MarkdownText.escaped(line) + "\n" }
    }
    if !document.unavailableEvidence.isEmpty {
      text += "\n" + FindingsDocument.unavailableHeading + ":\n\n"
      for line in document.unavailableEvidence { text += "- " + MarkdownText.escaped(line) + "\n" }
    }
    return text
  }

  /// Every citation of the finding, linked where it has an address.
  private func citationLinks(_ finding: FindingsDocument.Finding) -> String {
    guard !finding.citations.isEmpty else { return "no citation" }
    // One line per source in the cell: a citation's own text may hold "; ".
    return finding.citations.map { MarkdownText.link($0.summary, url: $0.url) }
      .joined(separator: "<br>")
  }

  private func note(_ finding: FindingsDocument.Finding) -> String {
    var parts: [String] = []
    if finding.advisory { parts.append("advisory") }
    if let qualifier = finding.qualifier { parts.append(qualifier) }
    if let waiverText = finding.waiverText { parts.append(waiverText) }
    if finding.verdict == .insufficientData, let sizesText = finding.sizesText {
      parts.append(sizesText)
    }
    return parts.joined(separator: "; ")
  }

  private func truncationNote(omitted: Int, of total: Int, _ context: RenderContext) -> String {
    "\n_\(ReportNumber.count(omitted)) of \(ReportNumber.count(total)) rows left out to stay"
      + " under \(ReportNumber.count(context.markdownCharacterLimit)) characters; "
      + fullReportPointer(context) + "._\n"
  }

  private func fullReportPointer(_ context: RenderContext) -> String {
    if let location = context.fullReportLocation {
      return "the full report is " + MarkdownText.link(location, url: location)
    }
    return "the HTML and JSON reports hold every finding"
  }

  private func fullReportLine(_ context: RenderContext) -> String {
    guard let location = context.fullReportLocation else {
      return "_Every finding, with its evidence, is in the HTML and JSON reports._"
    }
    return "_Full report: \(MarkdownText.link(location, url: location))._"
  }
}
