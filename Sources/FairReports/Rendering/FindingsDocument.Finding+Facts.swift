extension FindingsDocument.Finding {
  /// The metric in words: `impact_ratio` reads `impact ratio`.
  var metricName: String {
    String(metric.map { $0 == "_" || $0 == "-" ? " " : $0 })
  }

  /// The measured value in the report format, never rounded across a bound of its
  /// requirement, or `—` when the rule compares none.
  var valueText: String {
    value.map { ReportNumber.value($0, beside: requirementBounds ?? []) } ?? "—"
  }

  /// A p-value of this finding, never rounded across its significance level.
  func pValueText(_ pValue: Double) -> String {
    ReportNumber.pValue(pValue, beside: alpha)
  }

  /// The interval with its level, or `—`.
  var intervalText: String { interval.map(ReportNumber.intervalWithLevel) ?? "—" }

  /// The p-value with its test, adjustment and significance level: `0.0021 (two-proportion
  /// z test; adjusted 0.0084; alpha 0.05)`, or `nil` without a test.
  var pValueText: String? {
    guard let pValue else { return nil }
    var text = pValueText(pValue)
    var notes: [String] = []
    if let test { notes.append(test.name) }
    if let adjustedPValue { notes.append("adjusted " + pValueText(adjustedPValue)) }
    if let alpha { notes.append("alpha " + ReportNumber.plain(alpha)) }
    if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
    return text
  }

  /// The p-value for a table cell: `0.0310`, `0.0310 (adj. 0.0620, alpha 0.05)` with an
  /// adjusted one and the level it is compared with, or `—`.
  var pValueCellText: String {
    guard let pValue else { return "—" }
    var notes: [String] = []
    if let adjustedPValue { notes.append("adj. " + pValueText(adjustedPValue)) }
    if let alpha { notes.append("alpha " + ReportNumber.plain(alpha)) }
    return pValueText(pValue) + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
  }

  /// The group sizes: `n 390, comparison n 797`, or `nil`.
  ///
  /// The comparison group is the one the figure compares with: the most selected slice for
  /// an impact ratio, the declared reference for a ratio to the reference.
  var sizesText: String? {
    var parts: [String] = []
    if let groupSize { parts.append("n \(ReportNumber.count(groupSize))") }
    if let referenceSize { parts.append("comparison n \(ReportNumber.count(referenceSize))") }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  /// The short severity label of a failure: `FAIL` (error), `WARN`, `INFO`; otherwise the
  /// verdict's label.
  var statusLabel: String {
    guard verdict == .fail else { return verdict.label }
    switch severity {
    case .error: return "FAIL"
    case .warning: return "WARN"
    case .info: return "INFO"
    }
  }

  /// The evidence in one line: value against requirement, interval, p-value, sizes,
  /// shortfall.
  var evidenceLine: String {
    var parts = ["\(metricName) \(valueText) (requirement \(requirement))"]
    if let interval { parts.append(ReportNumber.intervalWithLevel(interval)) }
    if let pValueText { parts.append("p " + pValueText) }
    if let sizesText { parts.append(sizesText) }
    // A shortfall of at least one person is what makes a significant difference count.
    if let shortfall {
      parts.append("shortfall \(ReportNumber.fixed(shortfall, 1, beside: [1]))")
    }
    return parts.joined(separator: "; ")
  }

  /// The waiver in words, or `nil`.
  var waiverText: String? {
    guard let waiver else { return nil }
    let state = waiver.status == .applied ? "waived until" : "waiver expired"
    return "\(state) \(waiver.expires), approved by \(waiver.approver): \(waiver.reason)"
  }
}

extension Array where Element == FindingsDocument.Finding {
  /// The failures, most serious first (error, warning, info), in document order within a
  /// severity.
  var failuresBySeverity: [FindingsDocument.Finding] {
    FindingsDocument.Severity.allCases.flatMap { severity in
      filter { $0.verdict == .fail && $0.severity == severity }
    }
  }
}
