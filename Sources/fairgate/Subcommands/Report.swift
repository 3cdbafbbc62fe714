import ArgumentParser
import FairReports
import Foundation

extension FairGateCommand {
  /// `fairgate report`: renders a saved findings document again, without re-running the
  /// audit.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Render a saved audit's findings again.",
      discussion: """
        Reads a findings document (findings.json, schema fairgate.findings/1) strictly: a \
        file that is not one, has another schema, or has a missing, damaged or unknown key \
        is refused with exit status 2 and a message naming the file and the key path. \
        Rendering uses the document's own timestamp, so the reports are byte-identical to \
        the ones the audit wrote. Output goes where 'fairgate audit' puts it: the text \
        summary on standard output; with '--out DIR' the other formats as files \
        (findings.json, junit.xml, summary.md, report.html, and summary.txt when \
        '--format text' is asked for). Exit status: 0 when the reports were written, \
        whatever the saved gate says (the gate belongs to 'fairgate audit'); 2 on bad input.
        """
    )

    @Argument(help: ArgumentHelp("The findings document to render.", valueName: "findings.json"))
    var findings: String

    @Option(
      name: .customLong("format"),
      help: ArgumentHelp(
        "A report format: text, json, junit, markdown or html (repeatable; default text).",
        valueName: "format"))
    var formats: [ReportFormat] = []

    @Option(help: ArgumentHelp("The folder to write the reports into.", valueName: "dir"))
    var out: String?

    func validate() throws {
      if out == nil && formats.filter({ $0 != .text }).count > 1 {
        throw ValidationError("several '--format's need '--out DIR' to write them into")
      }
    }

    func run() throws {
      let document = try FindingsDocument.read(path: findings)
      // The renderers show the document's own timestamp; the context's is not used.
      let context = RenderContext(colour: Terminal.standardOutputHasColour)
      try ReportOutput(formats: formats, directory: out).write(document, context: context)
      if let out, formats.contains(.text) {
        let plain = RenderContext()
        for path in try ReportDirectory.write(document, formats: [.text], to: out, context: plain) {
          StandardError.write("wrote \(path)")
        }
      }
    }
  }
}
