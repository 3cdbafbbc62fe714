public import ArgumentParser
public import FairReports

extension DiffFormat: ExpressibleByArgument {}

extension FairGateCommand {
  /// `fairgate diff`: what changed between two saved audits.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract: "Compare the findings of two saved audits.",
      discussion: """
        Matches the findings of two findings documents by policy, rule and subject and \
        lists new failures (failing now, not failing or absent in the baseline), resolved \
        failures, every verdict change (waived and insufficient-data included), values \
        that moved beyond an interval (the current value outside the baseline's interval, \
        or the baseline value outside the current one), and rules and subjects added or \
        removed. '--format json' writes the versioned fairgate.diff/1 document. Exit \
        status: 0 when the documents were compared, whatever changed (gate on regressions \
        with 'fairgate audit --baseline FILE --fail-on-regression'); 2 on bad input.
        """
    )

    @Argument(help: ArgumentHelp("The earlier audit's findings.", valueName: "baseline.json"))
    var baseline: String

    @Argument(help: ArgumentHelp("The audit to compare with it.", valueName: "current.json"))
    var current: String

    @Option(help: "The output format: text, markdown or json.")
    var format: DiffFormat = .text

    func run() throws {
      let diff = FindingsDiff(
        baseline: try FindingsDocument.read(path: baseline),
        current: try FindingsDocument.read(path: current), baselineFile: baseline,
        currentFile: current)
      let colour = format == .text && Terminal.standardOutputHasColour
      let output = StandardOutput()
      output.write(try format.render(diff, in: RenderContext(colour: colour)))
      output.flush()
    }
  }
}
