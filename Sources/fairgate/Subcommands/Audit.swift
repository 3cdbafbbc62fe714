import ArgumentParser
import FairAudit
import FairPolicy
import FairReports
import Foundation

extension FairGateCommand {
  /// `fairgate audit`: applies the manifest's policies to a model and its data.
  struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "audit",
      abstract: "Audit a model (or recorded decisions) against fairness policies.",
      discussion: """
        Reads the audit manifest (default fairgate.yaml), scores the data, measures what \
        the policies' rules need and gives each rule a verdict per subject: pass, fail, \
        waived or insufficient-data. A readable summary goes to standard output; \
        '--out DIR' writes findings.json, junit.xml, summary.md and report.html (those \
        asked for with '--format'), each atomically. Exit status: 0 when no finding reaches \
        '--fail-on', 1 when one does, 2 on bad input. With SOURCE_DATE_EPOCH set, the same \
        inputs and seed give byte-identical reports.

        '--baseline FILE' compares the audit with a saved findings.json and appends the \
        regressions to the summary: findings failing at or above '--fail-on' that did not \
        fail (or were waived) in the baseline. With '--out', the comparison is also written \
        as diff.json and diff.md when '--format json' and '--format markdown' are asked for. \
        '--fail-on-regression' makes the regressions decide the exit status: 1 when there \
        is one, 0 otherwise, so an unchanged model whose failures are all in the baseline \
        passes. findings.json still records the audit's own gate.

        '--evidence MERGED' applies the policies to merged partial evidence ('fairgate \
        evidence partial' and 'merge') instead of reading the data: the same figures, \
        computed from the evidence's tallies. The manifest, model and policies must be the \
        ones the evidence was computed with. What the merge could not carry is listed in \
        findings.json ('evidence.unavailable') and its rules are insufficient-data.
        """
    )

    @Argument(help: ArgumentHelp("The audit manifest.", valueName: "manifest.yaml"))
    var manifest: String = "fairgate.yaml"

    @Option(
      name: .customLong("format"),
      help: ArgumentHelp(
        "A report format: text, json, junit, markdown or html (repeatable; default text).",
        valueName: "format"))
    var formats: [ReportFormat] = []

    @Option(help: ArgumentHelp("The folder to write the reports into.", valueName: "dir"))
    var out: String?

    @Option(name: .customLong("fail-on"), help: "The severity at which a failing finding fails.")
    var failOn: GateThreshold = .error

    @Option(
      name: .customLong("as-of"),
      help: ArgumentHelp(
        "The date waivers are judged against (default: today, or SOURCE_DATE_EPOCH's day).",
        valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: ArgumentHelp("Override the manifest's seed.", valueName: "n"))
    var seed: UInt64?

    @Option(
      help: ArgumentHelp(
        "A saved findings.json to compare with; the regressions follow the summary.",
        valueName: "findings.json"))
    var baseline: String?

    @Option(
      help: ArgumentHelp(
        "Merged partial evidence to audit instead of reading the data.",
        valueName: "merged.json"))
    var evidence: String?

    @Flag(
      name: .customLong("fail-on-regression"),
      help: "Fail only on regressions against '--baseline', not on failures it already had.")
    var failOnRegression = false

    @OptionGroup var threading: ThreadOptions
    @OptionGroup var policies: PolicyOptions

    func validate() throws {
      if let asOf, CalendarDate(asOf) == nil {
        throw ValidationError("'--as-of' expects a date YYYY-MM-DD, not '\(asOf)'")
      }
      let files = formats.filter { $0 != .text }
      if out == nil && files.count > 1 {
        throw ValidationError("several '--format's need '--out DIR' to write them into")
      }
      if failOnRegression && baseline == nil {
        throw ValidationError("'--fail-on-regression' needs '--baseline FINDINGS.json'")
      }
    }

    func run() throws {
      // Read the baseline first: a bad one is reported before the audit's work, not after.
      let baselineDocument = try baseline.map { try FindingsDocument.read(path: $0) }
      let context = try RenderContext(
        sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
        now: Int64(Date().timeIntervalSince1970), colour: Terminal.standardOutputHasColour)
      let date =
        asOf.flatMap(CalendarDate.init)
        ?? CalendarDate(
          daysSinceEpoch: Int(context.generatedAt / 86_400))
      let progress = ProgressDisplay()
      let options = AuditOptions(
        asOf: date, seed: seed, threads: threading.threads, failOn: failOn,
        packDirectory: policies.directory, progress: progress.report)
      let result =
        try evidence.map {
          try AuditPipeline.run(manifest: manifest, evidence: $0, options: options)
        } ?? AuditPipeline.run(manifest: manifest, options: options)
      progress.finish()
      let document = try FindingsDocument(audit: result, generatedAt: context.generatedAtText)
      try ReportOutput(formats: formats, directory: out).write(document, context: context)
      var passed = result.outcome.passed
      if let baselineDocument {
        passed = try compare(document, with: baselineDocument, context: context)
      }
      if !passed { throw ExitCode(ExitStatus.gateFailed) }
    }

    /// Compares the audit with the baseline: appends the regressions to the text summary
    /// (on standard error when standard output carries another format), writes `diff.json`
    /// and `diff.md` into `--out` for `--format json` and `--format markdown`, and returns
    /// whether the gate passed: the regression gate's verdict with `--fail-on-regression`,
    /// the audit's own otherwise.
    private func compare(
      _ document: FindingsDocument, with baselineDocument: FindingsDocument,
      context: RenderContext
    ) throws -> Bool {
      let savedFindings = out.flatMap { folder in
        formats.contains(.json) ? (folder as NSString).appendingPathComponent("findings.json") : nil
      }
      var diff = FindingsDiff(
        baseline: baselineDocument, current: document, baselineFile: baseline,
        currentFile: savedFindings)
      let gate = FindingsDiff.RegressionGate(
        diff: diff, failOn: document.summary.gate.failOn, enforced: failOnRegression)
      diff.regressionGate = gate
      if out != nil || formats.allSatisfy({ $0 == .text }) {
        let output = StandardOutput()
        output.write(DiffTextRenderer().renderRegressions(diff, in: context))
        output.flush()
      } else {
        StandardError.write(DiffTextRenderer().renderRegressions(diff, in: RenderContext()))
      }
      if let out {
        let files = [DiffFormat.json, .markdown].filter { format in
          formats.contains(format == .json ? .json : .markdown)
        }
        for path in try diff.write(formats: files, to: out, context: context) {
          StandardError.write("wrote \(path)")
        }
      }
      return failOnRegression ? !gate.failed : document.summary.gate.exitStatus == 0
    }
  }
}
