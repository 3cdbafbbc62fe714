import ArgumentParser
import FairAudit
import FairPolicy
import FairReports
import Foundation
import _FairSupport

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
    }

    func run() throws {
      let context = try RenderContext(
        sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
        now: Int64(Date().timeIntervalSince1970), colour: Terminal.standardOutputHasColour)
      let date =
        asOf.flatMap(CalendarDate.init)
        ?? CalendarDate(
          daysSinceEpoch: Int(context.generatedAt / 86_400))
      let progress = ProgressDisplay()
      let result = try ProgressReporting.$chunkFinished.withValue(progress.chunkFinished) {
        try AuditPipeline.run(
          manifest: manifest,
          options: AuditOptions(
            asOf: date, seed: seed, threads: threading.threads, failOn: failOn,
            packDirectory: policies.directory, progress: progress.report))
      }
      progress.finish()
      let document = try FindingsDocument(audit: result, generatedAt: context.generatedAtText)
      try ReportOutput(formats: formats, directory: out).write(document, context: context)
      if !result.outcome.passed { throw ExitCode(ExitStatus.gateFailed) }
    }
  }
}
