extension HTMLReportRenderer {
  static func writeFindings(_ document: FindingsDocument, _ body: inout Markup) {
    section("findings-section", "Findings", &body) { section in
      section.element(
        "p",
        text: "Every rule's verdict on every subject. Failures of severity error or warning"
          + " come first; open a row's evidence for the test, the sizes and any waiver.")
      section.element("div", [("id", "findings-controls")]) { _ in }
      section.newline()
      section.element("table", [("id", "findings")]) { table in
        table.element("thead") { head in
          head.element("tr") { row in
            for (title, numeric) in [
              ("Verdict", false), ("Severity", false), ("Policy", false), ("Rule", false),
              ("Subject", false), ("Value", true), ("Requirement", false), ("Interval", false),
              ("p", true), ("n", true), ("Citation", false), ("Message and evidence", false),
            ] {
              row.element("th", [("class", numeric ? "num" : nil)], text: title)
            }
          }
        }
        table.newline()
        table.element("tbody") { tableBody in
          let ordered =
            document.findings.filter(\.isFailureOrWarning)
            + document.findings.filter { !$0.isFailureOrWarning }
          for finding in ordered {
            writeFindingRow(finding, &tableBody)
            tableBody.newline()
          }
        }
      }
    }
  }

  private static func verdictClass(_ finding: FindingsDocument.Finding) -> String {
    switch (finding.verdict, finding.severity) {
    case (.fail, .error): "verdict verdict-fail"
    case (.fail, .warning): "verdict verdict-warn"
    case (.fail, .info): "verdict verdict-info"
    case (.waived, _): "verdict verdict-waived"
    case (.insufficientData, _): "verdict verdict-insufficient-data"
    case (.pass, _): "verdict verdict-pass"
    }
  }

  private static func writeFindingRow(_ finding: FindingsDocument.Finding, _ body: inout Markup) {
    body.element(
      "tr",
      [
        ("data-verdict", finding.verdict.rawValue), ("data-policy", finding.policy.id),
        ("data-group", finding.subject.grouping ?? ""),
      ]
    ) { row in
      row.element(
        "td", [("class", verdictClass(finding)), ("data-sort", sortKey(finding))],
        text: finding.statusLabel + (finding.advisory ? " (advisory)" : ""))
      row.element("td", text: finding.severity.rawValue)
      row.element("td") { cell in
        cell.element("span", [("title", finding.policy.title)], text: finding.policy.id)
      }
      row.element("td") { cell in
        cell.element("code", [("class", "rule-id")], text: finding.rule.id)
        cell.empty("br")
        cell.element("span", [("class", "muted")], text: finding.rule.title)
      }
      row.element("td", text: finding.subject.display)
      row.element(
        "td", [("class", "num"), ("data-sort", finding.value.map { "\($0)" } ?? "")],
        text: finding.valueText)
      row.element("td", text: finding.requirement)
      row.element("td", text: finding.interval.map(ReportNumber.intervalWithLevel) ?? "—")
      row.element(
        "td",
        [
          ("class", "num"),
          ("data-sort", (finding.adjustedPValue ?? finding.pValue).map { "\($0)" } ?? ""),
        ],
        text: finding.pValueCellText)
      row.element(
        "td", [("class", "num"), ("data-sort", finding.groupSize.map(String.init) ?? "")],
        text: finding.groupSize.map(ReportNumber.count) ?? "—")
      row.element("td") { cell in
        for (index, citation) in finding.citations.enumerated() {
          if index > 0 { cell.empty("br") }
          writeCitation(citation, &cell)
        }
        if finding.citations.isEmpty { cell.text("—") }
      }
      row.element("td") { cell in
        if let qualifier = finding.qualifier {
          cell.element("strong", text: qualifier)
          cell.empty("br")
        }
        cell.text(finding.message)
        cell.element("details") { details in
          details.element("summary", text: "Evidence")
          facts(evidencePairs(finding), &details)
        }
      }
    }
  }

  /// A key that sorts verdicts from the most to the least pressing.
  private static func sortKey(_ finding: FindingsDocument.Finding) -> String {
    let severityRank =
      FindingsDocument.Severity.allCases.firstIndex(of: finding.severity) ?? 0
    let verdictRank =
      FindingsDocument.Verdict.allCases.sorted().firstIndex(of: finding.verdict) ?? 0
    return "\(verdictRank)\(severityRank)"
  }

  private static func evidencePairs(_ finding: FindingsDocument.Finding) -> [(String, String?)] {
    [
      ("Rule", "\(finding.ruleIdentifier): \(finding.rule.title)"),
      ("Policy", "\(finding.policy.title) \(finding.policy.version)"),
      ("Metric", finding.metricName),
      ("Value", finding.value.map { "\($0)" }),
      ("Requirement", finding.requirement),
      ("Interval", finding.interval.map(ReportNumber.intervalWithLevel)),
      ("p-value", finding.pValue.map { "\($0)" }),
      ("Adjusted p-value", finding.adjustedPValue.map { "\($0)" }),
      ("Significance level", finding.alpha.map(ReportNumber.plain)),
      ("Test", finding.test?.name),
      ("Why this test", finding.testReason),
      ("Group size", finding.groupSize.map(ReportNumber.count)),
      ("Comparison group size", finding.referenceSize.map(ReportNumber.count)),
      ("Shortfall", finding.shortfall.map { ReportNumber.fixed($0, 1, beside: [1]) }),
      ("Advisory", finding.advisory ? "yes: never fails the gate" : nil),
      ("Waiver", finding.waiverText),
    ]
  }

  static func writeCitation(_ citation: FindingsDocument.Citation, _ body: inout Markup) {
    body.element("span", [("class", "citation status-\(citation.status.rawValue)")]) { span in
      if let url = safeURL(citation.url) {
        span.element("a", [("class", "citation-text"), ("href", url)], text: citation.text)
      } else {
        span.element("span", [("class", "citation-text")], text: citation.text)
      }
      span.text(" ")
      span.element("span", [("class", "muted")], text: "[\(kindLabel(citation.kind))]")
      if citation.status.isCaution {
        span.text(" ")
        span.element("span", [("class", "caution")], text: citation.status.label)
      }
    }
  }

  static func kindLabel(_ kind: FindingsDocument.Citation.Kind) -> String {
    kind == .providerDefined ? "provider-defined" : kind.rawValue
  }

  /// `url` when it is a plain `https` or `http` address, the only links the page writes.
  static func safeURL(_ url: String?) -> String? {
    guard let url, url.hasPrefix("https://") || url.hasPrefix("http://"),
      url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
    else { return nil }
    return url
  }

  static func writeCitations(_ document: FindingsDocument, _ body: inout Markup) {
    var citations: [FindingsDocument.Citation] = []
    var rules: [[String]] = []
    for finding in document.findings {
      for citation in finding.citations {
        if let index = citations.firstIndex(of: citation) {
          if !rules[index].contains(finding.ruleIdentifier) {
            rules[index].append(finding.ruleIdentifier)
          }
        } else {
          citations.append(citation)
          rules.append([finding.ruleIdentifier])
        }
      }
    }
    section("citations", "Citations", &body) { section in
      section.element(
        "p",
        text: "The source behind each rule, with its kind (law, interpretation, guidance,"
          + " practice, policy or provider-defined) and its status. Withdrawn and superseded"
          + " sources are struck through and flagged: the finding still reports the measured"
          + " figure, but the source no longer carries the weight it once did.")
      section.element("table") { table in
        table.element("thead") { head in
          head.element("tr") { row in
            for title in ["Citation", "Kind", "Status", "Rules", "Note"] {
              row.element("th", text: title)
            }
          }
        }
        table.element("tbody") { tableBody in
          for (citation, ruleList) in zip(citations, rules) {
            tableBody.element("tr", [("class", "status-\(citation.status.rawValue)")]) { row in
              row.element("td") { cell in
                if let url = safeURL(citation.url) {
                  cell.element(
                    "a", [("class", "citation-text"), ("href", url)], text: citation.text)
                } else {
                  cell.element("span", [("class", "citation-text")], text: citation.text)
                }
              }
              row.element("td", text: kindLabel(citation.kind))
              row.element(
                "td", [("class", citation.status.isCaution ? "caution" : nil)],
                text: citation.status.label)
              row.element("td", text: ruleList.joined(separator: ", "))
              row.element("td", text: citation.note ?? "")
            }
            tableBody.newline()
          }
        }
      }
    }
  }

  static func writeWaivers(_ document: FindingsDocument, _ body: inout Markup) {
    section("waivers", "Waivers", &body) { section in
      guard !document.waivers.isEmpty else {
        section.element("p", text: "The audit manifest declares no waivers.")
        return
      }
      section.element(
        "p",
        text: "Waivers are judged against \(document.asOf). An expired waiver no longer"
          + " applies: its failure stands. An unmatched waiver names no failing subject.")
      section.element("table") { table in
        table.element("thead") { head in
          head.element("tr") { row in
            for title in ["Rule", "Subject", "Status", "Expires", "Approver", "Reason"] {
              row.element("th", text: title)
            }
          }
        }
        table.element("tbody") { tableBody in
          for waiver in document.waivers {
            tableBody.element("tr") { row in
              row.element("td") { $0.element("code", text: waiver.rule) }
              row.element("td", text: waiver.subject ?? "every subject")
              row.element(
                "td", [("class", waiver.status == .applied ? nil : "caution")],
                text: waiver.status.rawValue)
              row.element("td", text: waiver.expires)
              row.element("td", text: waiver.approver)
              row.element("td", text: waiver.reason)
            }
            tableBody.newline()
          }
        }
      }
    }
  }
}
