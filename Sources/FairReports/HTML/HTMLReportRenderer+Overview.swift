extension HTMLReportRenderer {
  static func writeBanner(_ document: FindingsDocument, _ body: inout Markup) {
    let gate = document.summary.gate
    let verdicts = document.summary.verdicts
    body.element("header", [("class", gate.failed ? "banner failed" : "banner passed")]) {
      banner in
      banner.element(
        "h1", [("id", "verdict")], text: "Fairness audit \(gate.failed ? "FAILED" : "PASSED")")
      banner.element("p") { line in
        let rule =
          gate.failOn == .never
          ? "The gate never fails"
          : "The gate fails on a non-advisory failure of severity \(gate.failOn.rawValue)"
            + (gate.failOn == .warning ? " or error" : "")
        line.text("\(rule); exit status \(gate.exitStatus). ")
        line.text(
          "\(verdicts.total) findings: \(verdicts.fail) fail, \(verdicts.pass) pass,"
            + " \(verdicts.waived) waived, \(verdicts.insufficientData) insufficient data.")
      }
      banner.element("p", [("class", "muted")]) { line in
        line.text(
          "Data \(document.provenance.data.path) · generated \(document.generatedAt)"
            + " · as of \(document.asOf) · \(document.tool.name) \(document.tool.version)")
      }
    }
    body.newline()
  }

  static func writeSummary(_ document: FindingsDocument, _ body: inout Markup) {
    let summary = document.summary
    section("summary", "Summary", &body) { section in
      table(
        [("Verdict", false), ("Findings", true)],
        [
          ["fail", String(summary.verdicts.fail)],
          ["pass", String(summary.verdicts.pass)],
          ["waived", String(summary.verdicts.waived)],
          ["insufficient data", String(summary.verdicts.insufficientData)],
        ], &section, caption: "Verdicts", compact: true)
      table(
        [("Severity", false), ("Failures", true)],
        [
          ["error", String(summary.failures.error)],
          ["warning", String(summary.failures.warning)],
          ["info", String(summary.failures.info)],
        ], &section, caption: "Failures by severity", compact: true)
      let advisory = document.findings.filter { $0.verdict == .fail && $0.advisory }.count
      if advisory > 0 {
        section.element(
          "p",
          text: "\(advisory) failures are advisory: they report a screen the cited source does"
            + " not make a requirement, and never fail the gate.")
      }
    }
  }

  static func writeScope(_ document: FindingsDocument, _ body: inout Markup) {
    let scope = document.scope
    section("scope", "Scope", &body) { section in
      facts(
        [
          ("Rows audited", ReportNumber.count(scope.rows)),
          ("Label column", scope.labelColumn ?? "none (label-based metrics not computed)"),
          ("Favourable label", scope.favourableLabel),
        ], &section)
      section.element("h3", text: "Protected attributes")
      table(
        [
          ("Attribute", false), ("Read from", false), ("Columns", false), ("Reference", false),
          ("Bins", false), ("Unknown", true),
        ],
        scope.protectedAttributes.map { attribute in
          [
            attribute.name, attribute.kind.rawValue, attribute.columns.joined(separator: ", "),
            attribute.reference ?? "most favoured group",
            attribute.bins.map { bins in
              bins.map {
                "\($0.label) [\(ReportNumber.plain($0.lower)), \(ReportNumber.plain($0.upper)))"
              }.joined(separator: "; ")
            } ?? "—",
            ReportNumber.count(attribute.unknownCount),
          ]
        }, &section)
      section.element("h3", text: "Groupings")
      table(
        [
          ("Grouping", false), ("Attributes", false), ("Reference", false), ("Unknown", true),
          ("Excluded slices", false),
        ],
        scope.groupings.map { grouping in
          [
            grouping.name, grouping.attributes.joined(separator: " × "), grouping.reference,
            ReportNumber.count(grouping.unknownCount),
            grouping.excluded.isEmpty
              ? "none"
              : grouping.excluded.map {
                "\($0.slice) (n \(ReportNumber.count($0.count))): \($0.reason)"
              }.joined(separator: "; "),
          ]
        }, &section)
    }
  }

  static func writeProvenance(_ document: FindingsDocument, _ body: inout Markup) {
    let provenance = document.provenance
    section("provenance", "Provenance", &body) { section in
      section.element(
        "p",
        text: "SHA-256 digests of every input: of the bytes parsed, or taken before the audit"
          + " read the file, and checked unchanged when it ended.")
      var rows: [[String]] = []
      if let model = provenance.model {
        let description =
          model.isCommand ? model.summary : model.format + ": " + model.summary
        rows.append(["model", model.path, description, model.sha256])
      }
      let data = provenance.data
      rows.append([
        "data", data.path,
        "\(ReportNumber.count(data.rows)) rows, \(ReportNumber.count(data.rowsUsed)) used",
        data.sha256,
      ])
      if let manifest = provenance.manifest {
        rows.append(["manifest", manifest.path, "audit manifest", manifest.sha256])
      }
      for file in provenance.supportingFiles ?? [] {
        rows.append([file.role, file.path, "declared in the manifest", file.sha256])
      }
      for policy in provenance.policies {
        var description = "\(policy.id) \(policy.version): \(policy.title)"
        if let children = policy.extendedBy {
          description += " (extended by \(children.joined(separator: ", ")))"
        }
        rows.append([
          policy.extendedBy == nil ? "policy" : "extended policy", policy.path, description,
          policy.sha256,
        ])
      }
      section.element("table") { table in
        table.element("thead") { head in
          head.element("tr") { row in
            for title in ["Input", "Path", "Description", "SHA-256"] {
              row.element("th", text: title)
            }
          }
        }
        table.element("tbody") { tableBody in
          for cells in rows {
            tableBody.element("tr") { row in
              row.element("td", text: cells[0])
              row.element("td") { $0.element("code", text: cells[1]) }
              row.element("td", text: cells[2])
              row.element("td") { $0.element("code", [("class", "hash")], text: cells[3]) }
            }
            tableBody.newline()
          }
        }
      }
      if provenance.model?.isCommand == true {
        section.element(
          "p",
          text: "The model is a scoring command: its digest is that of the command line; the"
            + " program the command runs is not hashed.")
      }
      if provenance.model == nil {
        section.element(
          "p",
          text: "No model file: the audit read \(document.method.decisionRule.source.rawValue)"
            + " values from the data.")
      }
      if let sentence = document.partitionsSentence {
        section.element("p", text: sentence)
      }
      if !document.unavailableEvidence.isEmpty {
        section.element("p", text: FindingsDocument.unavailableHeading + ":")
        section.element("ul") { list in
          for line in document.unavailableEvidence { list.element("li", text: line) }
        }
      }
      facts(
        [
          ("Seed", provenance.seed.map { String($0) } ?? "none"),
          ("Bootstrap replicates", ReportNumber.count(provenance.bootstrapReplicates)),
          ("Confidence level", ReportNumber.level(provenance.confidenceLevel)),
          ("Generated", document.generatedAt),
          ("Waivers judged as of", document.asOf),
          ("Tool", "\(document.tool.name) \(document.tool.version)"),
        ], &section)
    }
  }

  static func writeMethod(_ document: FindingsDocument, _ body: inout Markup) {
    let method = document.method
    section("method", "Method", &body) { section in
      let rule = method.decisionRule
      var pairs: [(String, String?)] = [
        ("Decision rule", rule.summary),
        (
          "Significance level of the evidence tables",
          ReportNumber.plain(method.tests.alpha)
            + " (1 − confidence level; each tested rule states its own alpha)"
        ),
        (
          "Multiple comparisons",
          method.tests.multipleComparison == .holm
            ? "Holm step-down adjustment within each rule" : "no adjustment"
        ),
      ]
      if let attribution = method.attribution {
        pairs.append(("Attribution method", attribution.method))
        pairs.append(("Attribution output", attribution.outputSpace))
        pairs.append(
          (
            "Attribution background",
            "\(attribution.background) (\(ReportNumber.count(attribution.backgroundRows)) rows)"
          ))
        pairs.append(("Samples", attribution.samples.map { ReportNumber.count($0) }))
        pairs.append(("Attribution seed", attribution.seed.map { String($0) }))
        pairs.append(("Why this method", attribution.reason))
      } else {
        pairs.append(("Attribution", "not computed (no rule needed it)"))
      }
      facts(pairs, &section)
      if !method.notes.isEmpty {
        section.element("h3", text: "Notes")
        section.element("ul") { list in
          for note in method.notes { list.element("li", text: note) }
        }
      }
    }
  }
}
